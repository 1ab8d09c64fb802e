"""Pages read as their own page types in one query: for lists that mix types (search results, related pages), and
the page a request is served (with what its template shows).

Wagtail's `specific()` takes a query for the pages' types, then one query per type. Here the pages are read once,
joined to the tables of their types: a page's own row is the deepest of the joined rows its content type names.
"""

from functools import lru_cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Page


@lru_cache(maxsize=1)
def _links_from_page():
    """{page model: the reverse one-to-one links from Page down to it}: ["eventpage", "trainingcoursepage"]."""
    links_of = {}
    for model in apps.get_models():
        if not issubclass(model, Page) or model is Page:
            continue
        links, ancestor = [], model._meta.concrete_model  # a proxy's rows are its concrete model's
        while ancestor is not Page:
            parent, link = next((parent, link) for parent, link in ancestor._meta.parents.items() if link)
            links.insert(0, link.related_query_name())
            ancestor = parent
        links_of[model] = links
    return links_of


def specific(pages, content_types=None):
    """The pages of the queryset `pages` as their own page types, in its order.

    `content_types` ({pk: content type id}) names their types where the caller has read them already; otherwise
    a first query reads them. With them, every table the pages' types need is joined in one more query; PostgreSQL
    must not compile such a join (JIT off, forum_site/settings/base.py).
    """
    if content_types is None:
        content_types = dict(pages.values_list("pk", "content_type_id"))
    links_of = _links_from_page()
    above = len(links_of.get(pages.model, ()))  # links from Page down to the queryset's own model
    joins = {}
    for content_type_id in set(content_types.values()):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and issubclass(model, pages.model) and model is not pages.model:
            joins[model] = links_of.get(model, [])[above:]
    found = []
    for page in pages.select_related(*("__".join(links) for links in joins.values() if links)):
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        try:
            for link in joins.get(model, ()):
                page = getattr(page, link)
        except ObjectDoesNotExist:
            pass  # a type's row missing: the page as far as it goes, as Wagtail's specific() does
        found.append(page)
    return found


def served(page):
    """`page` as its own page type, read as its model says (`served_queryset`: with its lead image, its venue, its
    source's id), which its template would otherwise read in a query each."""
    model = page.specific_class
    if model is None or isinstance(page, model) or not hasattr(model, "served_queryset"):
        return page.specific
    specific_page = model.served_queryset(page).get(pk=page.pk)
    # As Wagtail's get_specific: what was read with the page (its ancestors' routing, annotations) goes along.
    for name, value in page.__dict__.items():
        specific_page.__dict__.setdefault(name, value)
    return specific_page
