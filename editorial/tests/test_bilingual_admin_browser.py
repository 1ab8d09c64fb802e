"""The Arabic admin shows no English of ours: no untranslated string of the site's catalogues, and none of
the names of the data we configure (groups, workflow and task, collection, reports)."""

import re

import polib
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from editorial.names import CONFIGURED_NAMES
from forum_site.management.commands.compile_translations import project_catalogues
from home.models import StandardPage

pytestmark = pytest.mark.browser

VISIBLE_TEXT = """() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('script, style, noscript, [lang]:not([lang|="ar"])').forEach((node) => node.remove());
  return copy.textContent.replace(/\\s+/g, ' ');
}"""


def our_english_strings():
    """Every string of our catalogues of two words or more, and the names of the data we configure; not the
    titles of English pages, which the admin rightly shows as they are (the translations report lists them)."""
    strings = set(CONFIGURED_NAMES) | {"Translations"}
    for catalogue in project_catalogues():
        for entry in polib.pofile(str(catalogue)):
            if (
                len(re.findall(r"[A-Za-z]{2,}", entry.msgid)) >= 2
                and entry.msgstr != entry.msgid
                and "%" not in entry.msgid
            ):
                strings.add(entry.msgid)
    return strings - set(Page.objects.filter(locale__language_code="en").values_list("title", flat=True))


def admin_screens(site_tree):
    about_ar = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")
    about_en = StandardPage.objects.get(locale__language_code="en", slug="about")
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[site_tree.home_ar.pk]),
        reverse("wagtailadmin_pages:edit", args=[about_ar.pk]),
        reverse("wagtailadmin_pages:edit", args=[about_en.pk]),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailadmin_collections:index"),
        reverse("wagtailadmin_reports:index") if _has_url("wagtailadmin_reports:index") else None,
        reverse("wagtail_localize:translations_report"),
        reverse("wagtailsnippets:index"),
        reverse("editorial_translation_status"),
        reverse("editorial_guide_home"),
        reverse("editorial_guide", args=["translating"]),
    ]


def _has_url(name):
    from django.urls import NoReverseMatch

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def test_arabic_admin_shows_none_of_our_strings_or_names_in_english(live_site, browser_page, site_tree):
    get_user_model().objects.create_superuser("admin", "admin@example.org", "secret-pass-123")
    page = browser_page
    page.goto(live_site.url + "/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill("secret-pass-123")
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    english = our_english_strings()
    leaks = {}
    for path in filter(None, admin_screens(site_tree)):
        page.goto(live_site.url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == "ar"
        text = page.evaluate(VISIBLE_TEXT)
        found = sorted(s for s in english if re.search(rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])", text))
        if found:
            leaks[path] = found
    assert leaks == {}
