"""Language codes of locale ids without a query: the site's locales are those of settings.LANGUAGES."""

from wagtail.models import Locale

_language_codes = {}


def language_code_of(locale_id):
    if locale_id not in _language_codes:
        # A locale added (or a test database made anew) since the last read: read them all again.
        _language_codes.clear()
        _language_codes.update(Locale.objects.values_list("id", "language_code"))
    return _language_codes.get(locale_id)
