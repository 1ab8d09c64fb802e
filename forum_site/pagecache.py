"""The page cache: anonymous GETs of public pages are served from Django's cache (Redis in production).

Our own on Django's cache framework rather than wagtail-cache 3, for three reasons: wagtail-cache keeps its
URL-to-key index in one cache entry that every store rewrites (a race between app servers sharing Redis);
it clears a URL but not its query-string variants (the library's facet pages); and it caches a response
unless told not to, where here a response is cached only when its view says it is public (Wagtail pages
through the `before_serve_page` hook, feeds, .ics and the sitemap by `public_cache`).

Keys: a response is stored under the full URL (scheme, host, path, query string) and three generation
tokens read at the start of the request: one for the whole site, one for the URL's language and one for its
path. A purge gives a path (every query string of it), a language or the whole site a new token, so every
app server sees it at its next request, and a response rendered while a purge happened is stored under the
old token, where nothing reads it. Time-dependent content (registration opening, an event ending) calls
`content_changes_at`, and the response is kept no longer than that.

A hit runs no database query, and says `X-Page-Cache: hit`.
"""

import contextvars
import hashlib
import logging
import time
from functools import wraps
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, has_vary_header, patch_cache_control
from django.utils.http import http_date

from forum_site import tokens

HEADER = "X-Page-Cache"
# Never looked up: the admin, the health check, files.
_NEVER_CACHED_PREFIXES = ("/admin/", "/health/", "/static/", "/media/", "/documents/")
# Nor these, under each language's prefix: pages for one person behind a signed link (a registrant's own page).
_NEVER_CACHED_LOCALISED_PREFIXES = ("/programs/my-registration/",)
logger = logging.getLogger(__name__)
_UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
_fresh_until = contextvars.ContextVar("page_cache_fresh_until", default=None)


def content_changes_at(moment):
    """Keep the response being rendered no later than `moment` (a registration opens, an event ends...)."""
    if moment is None:
        return
    current = _fresh_until.get()
    if current is None or moment < current:
        _fresh_until.set(moment)


def cached_fragment(name, index_url, render):
    """Part of a page (a home page section) that shows only what lies under the page at `index_url`.

    Kept until that page is purged, which every edit below it does (its parent's listing changes): a page
    rendered after an edit elsewhere reuses it. Its time limit (`content_changes_at`) goes with it.
    """
    tokens = generations(normalised_path(index_url))
    key = f"pagecache:fragment:{name}:{':'.join(tokens)}"
    entry = cache.get(key)
    if entry is None:
        outer = _fresh_until.set(None)
        try:
            entry = (render(), _fresh_until.get())
        finally:
            _fresh_until.reset(outer)
        seconds = settings.PAGE_CACHE_SECONDS
        if entry[1] is not None:
            seconds = min(seconds, int((entry[1] - timezone.now()).total_seconds()))
        if seconds > 0:
            cache.set(key, entry, seconds)
    html, changes_at = entry
    content_changes_at(changes_at)
    return html


def mark_public(request):
    """The response to this request may be stored and shared: it shows nothing personal."""
    request.page_cache_public = True


def public_cache(view):
    """Decorate a view whose GET responses are the same for every anonymous visitor."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        mark_public(request)
        return view(request, *args, **kwargs)

    return wrapper


def normalised_path(url):
    """The decoded path of a URL or path: the same string for /ar/%D8%A7/ and /ar/ا/."""
    return unquote(urlsplit(url).path)


def language_of(path):
    prefix = path.strip("/").split("/", 1)[0]
    return prefix if prefix in dict(settings.LANGUAGES) else ""


def _path_generation_key(path):
    # Hashed: a path may be long or hold characters some cache servers refuse in keys.
    return f"pagecache:gen:path:{hashlib.sha256(path.encode()).hexdigest()[:32]}"


_SITE_GENERATION_KEY = "pagecache:gen:site"


def _language_generation_key(language_code):
    return f"pagecache:gen:lang:{language_code}"


def _generation_keys(path):
    return [_SITE_GENERATION_KEY, _language_generation_key(language_of(path)), _path_generation_key(path)]


def generations(path):
    """The site's, the language's and the path's current tokens (made on first use)."""
    return tokens.current(*_generation_keys(path))


def language_tokens(language_code):
    """The site's and a language's tokens: what data shown on every page of that language is cached under."""
    return tokens.current(_SITE_GENERATION_KEY, _language_generation_key(language_code))


def site_token():
    """The site's token: what data shown on every page (the site settings) is cached under."""
    return tokens.current(_SITE_GENERATION_KEY)[0]


def purge_paths(urls):
    """Purge these URLs' paths, each with every query string."""
    paths = {normalised_path(url) for url in urls}
    if paths:
        tokens.renew(*(_path_generation_key(path) for path in paths))


def purge_language(language_code):
    tokens.renew(_language_generation_key(language_code))


def purge_site():
    tokens.renew(_SITE_GENERATION_KEY)


def _bypasses_cache(request):
    # An editor (any visitor with a session) sees the live render: the userbar, never a stored copy.
    return (
        request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or request.path.startswith(_NEVER_CACHED_PREFIXES)
        or request.path.removeprefix(f"/{language_of(request.path)}").startswith(_NEVER_CACHED_LOCALISED_PREFIXES)
    )


def _response_key(request, tokens):
    url = f"{request.scheme}://{request.get_host()}{request.path}?{request.META.get('QUERY_STRING', '')}"
    digest = hashlib.sha256(url.encode()).hexdigest()[:32]
    return f"pagecache:response:{':'.join(tokens)}:{digest}"


def _cache_control(request, seconds):
    """What a CDN may do: keep the page as long as the app cache does (it is purged alike), or briefly for
    query strings, which CDNs purge one URL at a time."""
    shared = min(seconds, settings.PAGE_CACHE_CDN_SECONDS)
    if request.META.get("QUERY_STRING"):
        shared = min(shared, settings.PAGE_CACHE_CDN_QUERY_SECONDS)
    return {
        "public": True,
        "max_age": 0,
        "s_maxage": max(shared, 0),
        "stale_while_revalidate": settings.PAGE_CACHE_STALE_SECONDS,
    }


def _storable(request, response):
    if not getattr(request, "page_cache_public", False) or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or has_vary_header(response, "Cookie"):
        return False
    # A page that made a CSRF token or read the session or the user is not the same for everyone.
    session = getattr(request, "session", None)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or session is not None and session.accessed:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(directive in cache_control for directive in _UNCACHEABLE_DIRECTIVES)


def _replay(request, entry):
    status, headers, content, stored_at, expires_at = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    # A shared cache counts the Age against the lifetime the response had when it was stored.
    patch_cache_control(response, **_cache_control(request, int(expires_at - stored_at)))
    response["Age"] = str(max(int(time.time() - stored_at), 0))
    response[HEADER] = "hit"
    return get_conditional_response(request, etag=response["ETag"], last_modified=int(stored_at), response=response)


class PageCacheMiddleware:
    """Serve and store public pages for visitors without a session. Placed after the security and static-file
    middleware: a hit skips the rest, and a stored response keeps the headers the rest added (language,
    frame options), while security headers are added to every response, hits included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _bypasses_cache(request):
            return self.get_response(request)
        try:
            key = _response_key(request, generations(request.path))
            entry = cache.get(key)
        except Exception:  # noqa: BLE001 - the cache is down: serve every page rendered, as without a cache
            logger.exception("Page cache unavailable")
            return self.get_response(request)
        if entry is not None:
            return _replay(request, entry)

        fresh_until = _fresh_until.set(None)
        try:
            response = self.get_response(request)
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response = response.render()
            changes_at = _fresh_until.get()
        finally:
            _fresh_until.reset(fresh_until)
        if not _storable(request, response):
            return response
        seconds = settings.PAGE_CACHE_SECONDS
        if changes_at is not None:
            seconds = min(seconds, int((changes_at - timezone.now()).total_seconds()))
        if seconds <= 0:
            return response
        stored_at = time.time()
        response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["Last-Modified"] = http_date(stored_at)
        headers = [(name, value) for name, value in response.items() if name.lower() not in ("set-cookie", "date")]
        try:
            cache.set(key, (response.status_code, headers, response.content, stored_at, stored_at + seconds), seconds)
        except Exception:  # noqa: BLE001
            logger.exception("Page cache unavailable")
            return response
        patch_cache_control(response, **_cache_control(request, seconds))
        response[HEADER] = "miss"
        return get_conditional_response(request, etag=response["ETag"], last_modified=int(stored_at), response=response)
