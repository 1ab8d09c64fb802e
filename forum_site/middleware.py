from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils import translation
from django.utils.http import parse_header_parameters


class AdminDefaultLanguageMiddleware:
    """Show the Wagtail admin in Arabic unless the editor chose otherwise in their account.

    Wagtail falls back to the browser's language (via LocaleMiddleware) when an editor has no
    preference; the forum wants Arabic by default for every editor.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


# The encodings a form may declare: browsers post a page's forms in the page's encoding, UTF-8 here.
_FORM_CHARSETS = {"utf-8", "utf8", "us-ascii", "ascii"}
_FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def _has_nul(request):
    if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
        return True
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())


def _declared_charset(request):
    content_type, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    if content_type.lower() not in _FORM_TYPES:
        return None
    return params.get("charset", "utf-8").strip().lower()


class BadInputMiddleware:
    """Answer 400 to input no page can use, before any view or database sees it.

    - A NUL byte in the path or the query string: PostgreSQL stores no NUL in text, so it would fail every
      lookup it reached (a facet, a slug) with a DataError.
    - A form body declaring another encoding than UTF-8 (the site's pages post UTF-8): decoding it as, say,
      UTF-16 fails deep in Django's form parsing.

    Placed first but for the security middleware, so that the page cache never looks such a request up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            raise BadRequest("NUL byte in the URL")
        charset = _declared_charset(request)
        if charset is not None and charset not in _FORM_CHARSETS:
            raise BadRequest(f"Form body in an unsupported encoding: {charset[:40]}")
        return self.get_response(request)
