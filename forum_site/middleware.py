from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import QueryDict
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


def _without_nul(query):
    """The query's parameters with each NUL byte replaced by U+FFFD, as Django replaces undecodable bytes."""
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace("\x00", "\ufffd"), [value.replace("\x00", "\ufffd") for value in values])
    cleaned._mutable = False
    return cleaned


def _declared_charset(request):
    content_type, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    if content_type.lower() not in _FORM_TYPES:
        return None
    return params.get("charset", "utf-8").strip().lower()


class BadInputMiddleware:
    """Keep input no page can use from any view or database.

    - A NUL byte: PostgreSQL stores no NUL in text, so it fails every lookup it reaches (a facet, a slug, a
      search) with a DataError. In the query string it becomes U+FFFD, which matches nothing, so a facet is
      ignored and a search finds nothing, as for any unknown value; in the path it is a 400 (no page has one).
      Form fields refuse NUL already (Django's ProhibitNullCharactersValidator).
    - A form body declaring another encoding than UTF-8 (the site's pages post UTF-8): decoding it as, say,
      UTF-16 fails deep in Django's form parsing; it gets a 400.

    Placed first but for the security middleware, so that the page cache never looks such a request up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise BadRequest("NUL byte in the path")
        if "%00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values
        ):
            request.GET = _without_nul(request.GET)
        charset = _declared_charset(request)
        if charset is not None and charset not in _FORM_CHARSETS:
            raise BadRequest(f"Form body in an unsupported encoding: {charset[:40]}")
        return self.get_response(request)
