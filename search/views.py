from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language_info, override
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from forum_site.locales import active_locale
from forum_site.localize import public_pages
from forum_site.routing import find_site
from search import results as site_search
from search.normalise import search_form

SWITCHED = "switched"  # set by the language switcher's link: a query that finds nothing here is dropped
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


def _search_url(language_code, query=""):
    with override(language_code):
        url = reverse("search")
    return f"{url}?{urlencode({'q': query})}" if query else url


def _hits(pages, stems):
    return [
        {
            "page": page,
            "title": site_search.highlighted_title(page, stems),
            "type": page._meta.verbose_name,
            "date": site_search.result_date(page),
            "snippet": site_search.snippet(page, stems),
            "details": site_search.highlighted_details(page, stems),
        }
        for page in pages
    ]


def _other_language_context(offer, stems):
    info = get_language_info(offer.language_code)
    return {
        "language_code": offer.language_code,
        "direction": "rtl" if info["bidi"] else "ltr",
        "language_name": info["name_translated"],
        "hits": _hits(site_search.specific_pages(offer.ids, offer.language_code), stems),
        "count": offer.count,
        "more_than_window": offer.more_than_window,
    }


def search(request):
    query = site_search.clean_query(request.GET.get("q", ""))
    type_keys = {result_type.key for result_type in site_search.RESULT_TYPES}
    filters = site_search.Filters(
        type=request.GET.get("type", "") if request.GET.get("type") in type_keys else "",
        topic=_int_or_none(request.GET.get("topic")),
        year=_int_or_none(request.GET.get("year"), largest=9999),
    )
    context = {"query": query, "filters": filters, "searched": False}
    find_site(request)  # from the routing cache: the page URLs of the template then cost no query
    if query and site_search.searchable(query):
        locale = active_locale()
        outcome = site_search.search_pages(query, locale, filters)
        if SWITCHED in request.GET and not outcome.results:
            return redirect(_search_url(locale.language_code))
        page_obj = Paginator(outcome.results, site_search.RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        stems = site_search.highlighted_stems(query)
        context.update(
            searched=True,
            outcome=outcome,
            match_window=site_search.MATCH_WINDOW,
            facet_groups=_facet_groups(request, outcome, filters),
            page_obj=page_obj,
            hits=_hits(
                site_search.specific_pages(page_obj.object_list, locale.language_code, outcome.content_types), stems
            ),
            picks=site_search.editors_picks(query, locale),
            suggestion_url=_search_url(locale.language_code, outcome.suggestion) if outcome.suggestion else "",
            other_language=_other_language_context(outcome.other_language, stems) if outcome.other_language else None,
            # The language switcher carries the query with SWITCHED: the other language's search page keeps it only
            # if it finds something there. Asking here would cost every search a second search, for a rare click.
            language_urls={
                code: f"{_search_url(code, query)}&{SWITCHED}=1"
                for code, _name in settings.LANGUAGES
                if code != locale.language_code
            },
        )
        if context["other_language"]:
            context["other_language"]["url"] = _search_url(outcome.other_language.language_code, query)
        if "page" not in request.GET:
            # Counted once per search, not again for each page of its results.
            recorded = site_search.record_query(query)
            if not outcome.found_all_words:
                site_search.record_zero_result(recorded, locale)
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
    candidates = public_pages(Page, active_locale())
    # A course and its workshop, or a page and its copy, may share a title: each title is suggested once.
    titles, suggestions = set(), []
    for page in get_search_backend().autocomplete(query, candidates)[: SUGGESTION_COUNT * 3]:
        title = search_form(page.title)
        if title not in titles:
            titles.add(title)
            suggestions.append({"title": page.title, "url": page.get_url(request)})
        if len(suggestions) == SUGGESTION_COUNT:
            break
    return JsonResponse({"suggestions": suggestions})
