"""Text direction follows the content, not the admin (wagtail-localize#197), with the admin in either language."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.models import StandardPage

pytestmark = pytest.mark.browser

PASSWORD = "secret-pass-123"
DIRECTION = "el => getComputedStyle(el).direction"
FONT_STYLE = "el => getComputedStyle(el).fontStyle"


def log_in(page, live_site, admin_language):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = admin_language
    profile.save()
    page.goto(live_site.url + "/admin/login/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")


@pytest.mark.parametrize(("admin_language", "admin_dir", "edit_label"), [("ar", "rtl", "تحرير"), ("en", "ltr", "Edit")])
def test_translation_editor_shows_arabic_source_rtl_and_english_target_ltr(
    live_site, browser_page, admin_language, admin_dir, edit_label
):
    about_en = StandardPage.objects.get(locale__language_code="en", slug="about")
    page = browser_page
    log_in(page, live_site, admin_language)

    page.goto(f"{live_site.url}/admin/pages/{about_en.pk}/edit/")
    assert page.locator("html").get_attribute("dir") == admin_dir
    segment = page.locator(".js-translation-editor li", has=page.locator(":scope > p", has_text="عن المنتدى")).first
    source = segment.locator(":scope > p")
    target = segment.locator(":scope > div > p")
    target.wait_for()

    assert (source.get_attribute("lang"), source.evaluate(DIRECTION)) == ("ar", "rtl")
    assert source.evaluate(FONT_STYLE) == "normal"
    expect(target).to_have_text("About the forum")
    assert (target.get_attribute("lang"), target.evaluate(DIRECTION)) == ("en", "ltr")

    segment.get_by_role("button", name=edit_label).click()
    box = segment.locator("textarea")
    assert (box.get_attribute("lang"), box.evaluate(DIRECTION)) == ("en", "ltr")


@pytest.mark.parametrize(("admin_language", "admin_dir"), [("ar", "rtl"), ("en", "ltr")])
def test_page_editor_fields_follow_the_pages_language(live_site, browser_page, admin_language, admin_dir):
    about_ar = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")
    home_en = about_ar.get_parent().specific.get_translation(Locale.objects.get(language_code="en"))
    english = home_en.add_child(
        instance=StandardPage(
            title="Board of directors",
            slug="board",
            summary="Who runs the forum.",
            body=[("heading", "Members"), ("paragraph", "<p>Seven cities sit on the board.</p>")],
        )
    )
    page = browser_page
    log_in(page, live_site, admin_language)

    for edited, language, direction in ((about_ar, "ar", "rtl"), (english, "en", "ltr")):
        page.goto(f"{live_site.url}/admin/pages/{edited.pk}/edit/")
        assert page.locator("html").get_attribute("dir") == admin_dir
        fields = {
            "title": page.locator("#id_title"),
            "summary": page.locator("#id_summary"),
            "StreamField heading": page.locator("[data-contentpath=body] input[type=text]").first,
            "StreamField rich text": page.locator("[data-contentpath=body] .DraftEditor-root").first,
        }
        for name, field in fields.items():
            field.wait_for()
            assert (name, field.get_attribute("lang"), field.evaluate(DIRECTION)) == (name, language, direction)
