from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from forum_site.localize import public_pages
from search import results as site_search

SUGGESTION_MIN_LENGTH = 3
SUGGESTION_COUNT = 8


def _int_or_none(value, largest=2**31 - 1):
    """A positive integer from the query string, or None: what no database column could hold is dropped."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= largest else None


def _facet_groups(request, outcome, filters):
    def url(name, value):
        params = request.GET.copy()
        params.pop("page", None)
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
        return "?" + params.urlencode()

    groups = []
    for name, heading, facets in [
        ("type", _("Type"), outcome.types),
        ("topic", _("Topic"), outcome.topics),
        ("year", _("Year"), outcome.years),
    ]:
        current = getattr(filters, name)
        for facet in facets:
            facet.url = url(name, facet.value)
            facet.is_current = str(facet.value) == str(current)
        groups.append(
            {
                "name": name,
                "heading": heading,
                "facets": facets,
                "is_filtered": current not in ("", None),
                "all_url": url(name, None),
            }
        )
    return groups


def search(request):
    query = site_search.clean_query(request.GET.get("q", ""))
    type_keys = {result_type.key for result_type in site_search.RESULT_TYPES}
    filters = site_search.Filters(
        type=request.GET.get("type", "") if request.GET.get("type") in type_keys else "",
        topic=_int_or_none(request.GET.get("topic")),
        year=_int_or_none(request.GET.get("year"), largest=9999),
    )
    context = {"query": query, "filters": filters, "searched": False}
    if query and site_search.searchable(query):
        locale = Locale.get_active()
        outcome = site_search.search_pages(query, locale, filters)
        page_obj = Paginator(outcome.results, site_search.RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            searched=True,
            outcome=outcome,
            match_window=site_search.MATCH_WINDOW,
            facet_groups=_facet_groups(request, outcome, filters),
            page_obj=page_obj,
            hits=[
                {
                    "page": page,
                    "title": site_search.highlighted_title(page, query),
                    "type": page._meta.verbose_name,
                    "date": site_search.result_date(page),
                    "snippet": site_search.snippet(page, query),
                }
                for page in site_search.specific_pages(page_obj.object_list)
            ],
            picks=site_search.editors_picks(query, locale),
        )
        if "page" not in request.GET:
            # Counted once per search, not again for each page of its results.
            site_search.record_query(query)
    elif query:
        context["searched"] = True
        context["hits"] = []
    context["title"] = _("Search results for “%(query)s”") % {"query": query} if query else _("Search")
    return render(request, "search/search.html", context)


def suggest(request):
    """Titles matching what the visitor is typing, for the search box's list of suggestions."""
    query = site_search.clean_query(request.GET.get("q", ""))
    if len(query) < SUGGESTION_MIN_LENGTH or not site_search.searchable(query):
        return JsonResponse({"suggestions": []})
    candidates = public_pages(Page, Locale.get_active(), for_search=True)
    pages = get_search_backend().autocomplete(query, candidates)[:SUGGESTION_COUNT]
    return JsonResponse({"suggestions": [{"title": page.title, "url": page.get_url(request)} for page in pages]})
