"""Routing a page URL in two queries, whatever its depth, then Wagtail's own serve view.

Wagtail walks the tree one URL segment at a time (a query for each child and each `.specific`, after
finding the site and the translation of its root page: nine queries for a course page). A page's
`url_path` already holds the whole route, so the deepest page on the path is found in one query and made
specific in a second; what it does with the rest of the path (a routable page's feeds) is its own
`route`. The site and each language's root are cached until a site or a root page changes
(`forget_roots`). Wagtail's serve view then runs unchanged on the route stored where it looks for it.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port
from django.middleware.csrf import REASON_BAD_ORIGIN, CsrfViewMiddleware
from django.urls import Resolver404
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from forum_site import tokens
from forum_site.pages import served

_TOKEN_KEY = "routing:token"
_ROUTED_FIELDS = ("path", "depth", "url_path", "live", "content_type", "translation_key", "locale", "title")


def forget_roots():
    """A site, or the root page of a language, was changed, moved, published or unpublished."""
    tokens.renew(_TOKEN_KEY)


def _site_and_root(request, language_code):
    """(Site, root page path, root page url_path) of this host in this language, as Wagtail's `localized`
    finds it: the live translation of the site's root page, else the root page itself."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"routing:{tokens.current(_TOKEN_KEY)[0]}:{hostname}:{request.get_port()}:{language_code}"
    found = cache.get(key)
    if found is None:
        site = Site.find_for_request(request)
        if site is None:
            return None
        root = site.root_page
        translated = (
            Page.objects.filter(translation_key=root.translation_key, locale__language_code=language_code, live=True)
            .only("path", "url_path")
            .first()
        )
        root = translated or root
        found = (site, root.path, root.url_path)
        cache.set(key, found, timeout=None)
    request._wagtail_site = found[0]
    return found


def find_site(request):
    """The request's site from the cache `route` keeps, for views that are not pages (Wagtail's
    `Site.find_for_request`, which a page URL in their templates calls, takes a query)."""
    found = _site_and_root(request, get_language())
    return found[0] if found else None


def route(request, path):
    found = _site_and_root(request, get_language())
    if found is None:
        return None
    _site, root_path, root_url_path = found
    components = [component for component in path.split("/") if component]
    depth_of = {root_url_path + "".join(f"{part}/" for part in components[:n]): n for n in range(len(components) + 1)}
    # Only what routing, the breadcrumbs and the language links read of the path's pages: the page served is
    # read whole, as its own type, by `served`.
    pages = sorted(
        Page.objects.filter(url_path__in=depth_of, path__startswith=root_path).only(*_ROUTED_FIELDS),
        key=lambda page: page.depth,
    )
    if not pages:
        return None
    chosen = pages[-1]
    # As in Wagtail, a live routable page's own routes come before its children of the same name.
    for page in pages[:-1]:
        rest = components[depth_of[page.url_path] :]
        model = page.specific_class
        if page.live and model and issubclass(model, RoutablePageMixin):
            try:
                model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
            except Resolver404:
                continue
            chosen = page
            break
    # The page's ancestors were read too: its breadcrumbs need no query of their own.
    request.page_ancestors = (chosen.pk, [page for page in pages if page.depth < chosen.depth])
    try:
        return served(chosen).route(request, components[depth_of[chosen.url_path] :])
    except Http404:
        return None


class _PageCsrfCheck(CsrfViewMiddleware):
    """Django's CSRF check, except for a page that takes its form by origin (`csrf_by_origin`).

    Such a page (a course, with its registration form) is served from the page cache and a CDN, so its
    HTML holds no per-visitor token. A POST to it from a visitor without a session is accepted when the
    browser's Origin header names this site: a page on another site cannot send that header, which is the
    whole of what a token proves for a visitor with no session to ride on (OWASP's CSRF cheat sheet:
    verifying the origin with standard headers). Needs a Referrer-Policy other than no-referrer, under
    which browsers send "Origin: null". Everything else, and every editor, keeps Django's token check.
    """

    def check(self, request):
        page = request._wagtail_route_for_request[0] if request._wagtail_route_for_request else None
        by_origin = getattr(page, "csrf_by_origin", False)
        if by_origin and settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_ORIGIN" in request.META:
            if self._origin_verified(request):
                return None
            return self._reject(request, REASON_BAD_ORIGIN % request.META["HTTP_ORIGIN"])
        return self.process_view(request, wagtail_serve, (), {})


_csrf_check = _PageCsrfCheck(lambda request: None)


@csrf_exempt  # checked below, once the page is known
def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE"):
        rejected = _csrf_check.check(request)
        if rejected is not None:
            return rejected
    return wagtail_serve(request, path)
