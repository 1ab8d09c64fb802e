"""Locales without a query: the site's locales are those of settings.LANGUAGES, and change only when a language
is added."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_language_codes = {}
_CACHE_KEY = "forum:locale:{}"
_CACHE_SECONDS = 24 * 3600  # a change deletes the keys: this only bounds a forgotten one


def language_code_of(locale_id):
    if locale_id not in _language_codes:
        # A locale added (or a test database made anew) since the last read: read them all again.
        _language_codes.clear()
        _language_codes.update(Locale.objects.values_list("id", "language_code"))
    return _language_codes.get(locale_id)


def locale_for(language_code):
    """The Locale of `language_code`, or None, from the cache (shared by every server, cleared on a change)."""
    key = _CACHE_KEY.format(language_code)
    locale = cache.get(key)
    if locale is None:
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is not None:
            cache.set(key, locale, _CACHE_SECONDS)
    return locale


def active_locale():
    """Locale.get_active() without its query: the locale of the active language, else the default one."""
    try:
        language_code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return Locale.get_default()
    return locale_for(language_code) or Locale.get_default()


def _locales_changed(instance, **kwargs):
    _language_codes.clear()
    codes = {instance.language_code, *(code for code, _name in settings.LANGUAGES)}
    cache.delete_many([_CACHE_KEY.format(code) for code in codes])


def connect():
    post_save.connect(_locales_changed, sender=Locale, dispatch_uid="forum_site.locales.saved")
    post_delete.connect(_locales_changed, sender=Locale, dispatch_uid="forum_site.locales.deleted")
