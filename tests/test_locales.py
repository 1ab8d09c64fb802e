"""The active locale comes from the cache, not a query per request, and a change to the locales is seen at once."""

from django.utils import translation
from wagtail.models import Locale

from forum_site.locales import active_locale, locale_for


def test_active_locale_follows_the_language_and_is_read_once(site_tree, django_assert_num_queries):
    with translation.override("en"):
        assert active_locale() == Locale.objects.get(language_code="en")
        with django_assert_num_queries(0):
            assert active_locale().language_code == "en"
    with translation.override("ar"), django_assert_num_queries(1):
        assert active_locale().language_code == "ar"
        assert active_locale().language_code == "ar"


def test_a_changed_locale_is_read_again(site_tree):
    english = locale_for("en")

    english.language_code = "fr"
    english.save()

    assert locale_for("en") is None
    assert locale_for("fr").pk == english.pk
