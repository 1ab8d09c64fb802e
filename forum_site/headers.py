"""Security headers on every response, page-cache hits included: Content-Security-Policy, Permissions-Policy,
Cache-Control for personal data, and clean file headers.

Our own middleware rather than django-csp 4: the public pages need no nonce (below), so what django-csp adds
(nonces, per-view decorators, report handling) would be unused, while it would have to be placed and kept
around the page cache, which replays stored responses without running the views that set per-view
policies. One function of the path here is all of it, placed before the page cache in MIDDLEWARE so that a
stored page gets the current headers at every hit.

The public policy allows no inline script or style at all, so it needs no nonce: the site's pages carry no
inline script (the search suggestions and the citation box are files under /static/; JSON-LD is a data
block, which no browser executes) and no style attribute (citation styles' small capitals are a class, see
publications/csl.py). A nonce would be worthless here anyway: the page cache serves one stored copy, and
its nonce, to every visitor.

The admin gets the strictest policy Wagtail 8 allows. Its templates hold inline scripts without a nonce
(inline panels, date and time pickers, search promotions, wagtail-localize's editor) and its widgets write
style attributes, so the admin keeps 'unsafe-inline' for scripts and styles; everything else stays shut: no
host but this one, no eval, no plugins, no framing but by the site itself (live preview), forms posting only
here, no <base>. Editors are trusted users behind a login, the admin renders no visitor-supplied HTML
unescaped, and the one place that does (rich text) is cleaned by Wagtail's whitelist.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

_COMMON = {
    "default-src": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
    "frame-ancestors": "'self'",
    "form-action": "'self'",
}


def _policy(directives):
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def _media_sources():
    origin = settings.CSP_MEDIA_ORIGIN
    return f" {origin}" if origin else ""


def public_policy():
    return _policy(
        {
            **_COMMON,
            "script-src": "'self'",
            "style-src": "'self'",
            "img-src": "'self' data:" + _media_sources(),
            "font-src": "'self'",
            "connect-src": "'self'",
            "frame-src": "'self'",
            "manifest-src": "'self'",
        }
    )


def admin_policy():
    return _policy(
        {
            **_COMMON,
            "script-src": "'self' 'unsafe-inline'",
            "style-src": "'self' 'unsafe-inline'",
            "img-src": "'self' data: blob:" + _media_sources(),
            "font-src": "'self' data:",
            "connect-src": "'self'",
            "frame-src": "'self'",
            "worker-src": "'self' blob:",
        }
    )


# A served file (a document, a download): nothing in it may load or run anything. object-src stays 'self' so
# that a browser's built-in PDF viewer, which some count as a plugin, still shows the document.
FILE_POLICY = "default-src 'none'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"

# No page of the site uses any of these features.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
)

# Views whose pages show a registrant's own data (programs/urls.py).
_PERSONAL_VIEWS = {
    ("programs", "registration_status"),
    ("programs", "cancel"),
    ("programs", "registrant_page"),
    ("programs", "approval"),
}
_FILE_PREFIXES = ("/documents/", "/media/")


def _shows_personal_data(request, response):
    match = getattr(request, "resolver_match", None)
    if match is not None and (match.namespace, match.url_name) in _PERSONAL_VIEWS:
        return True
    # A form sent back with its errors holds what the visitor typed (a failed registration, a page password).
    return request.method == "POST" and not 300 <= response.status_code < 400


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = public_policy()
        self.admin_policy = admin_policy()

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path
        if path.startswith("/admin/"):
            policy = self.admin_policy
        elif path.startswith(_FILE_PREFIXES):
            policy = FILE_POLICY
        else:
            policy = self.public_policy
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Wagtail's sendfile writes the guessed encoding of a file whose name has none as the text "None".
        if response.get("Content-Encoding") == "None":
            del response["Content-Encoding"]
        if _shows_personal_data(request, response):
            response.headers.pop("Cache-Control", None)
            patch_cache_control(response, no_store=True, private=True)
        return response
