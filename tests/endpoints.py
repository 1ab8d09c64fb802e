"""The public endpoints, discovered: every public page in both languages with its routable sub-pages, and every
route of the URLconf outside the admin and files. For tests/test_bad_input.py and bench/fuzz.py."""

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Not fuzzed: the admin (behind a login, and not public) and files.
SKIPPED_PREFIXES = ("admin/", "documents/", "static/", "media/")
# Values both fuzzers send into every parameter and field: empty, overlong, NUL, numbers no column holds,
# other digit systems, injections, bidi controls.
HOSTILE_VALUES = [
    "",
    " ",
    "\x00",
    "%00",
    "ﷺ" * 60,
    "٢٠٢٦-١٢",
    "9999-12",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "²⁰²⁴",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "a" * 5000,
    "\u202e\u200f",
    "{{ 7*7 }}",
    "%s%s%s%n",
    "𝕏" * 100,
]

# The query parameters and form fields the site reads, sent among made-up ones so that hostile values reach the
# code that parses them.
QUERY_PARAMETERS = [
    "q",
    "page",
    "topic",
    "month",
    "year",
    "type",
    "mode",
    "city",
    "when",
    "sort",
    "language",
    "switched",
    "verb",
    "metadataPrefix",
    "identifier",
    "set",
    "from",
    "until",
    "resumptionToken",
    "style",
]


def form_fields():
    from programs.forms import RegistrationForm

    # organisation_choice: added to the form on courses with organisation quotas.
    return [*RegistrationForm.base_fields, "organisation_choice", "csrfmiddlewaretoken", "password", "return_url"]


def _routes(patterns, prefix=""):
    """(route with <converter:name> placeholders, is under the language prefix) for every route."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if isinstance(pattern.pattern, LocalePrefixPattern):
                yield from ((route, True) for route, _ in _routes(pattern.url_patterns, prefix))
            elif isinstance(pattern.pattern, RoutePattern):
                yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and isinstance(pattern.pattern, RoutePattern):
            yield prefix + str(pattern.pattern), False


def discovered_endpoints():
    """Every public page's URL in both languages, its routable sub-pages, and every route of the URLconf."""
    pages = []
    for page in Page.objects.live().public().exclude(depth=1).specific():
        url = page.url
        if not url:
            continue
        pages.append(url)
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_subpage_urls():
                try:
                    pages.append(url.rstrip("/") + "/" + page.reverse_subpage(pattern.name).lstrip("/"))
                except Exception:  # noqa: BLE001,S112 - a sub-page with parameters: the path strategy reaches it
                    continue
    routes = []
    for route, localised in _routes(get_resolver().url_patterns):
        if route.startswith(SKIPPED_PREFIXES):
            continue
        routes += [f"/{code}/{route}" for code in LANGUAGES] if localised else [f"/{route}"]
    return sorted(set(pages)), sorted(set(routes))
