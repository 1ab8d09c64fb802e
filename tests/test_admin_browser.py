"""An editor logs in to the Arabic admin, edits a page and publishes it; visitors see the change."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from home.models import StandardPage

pytestmark = pytest.mark.browser


def test_editor_edits_and_publishes_a_page_in_the_arabic_admin(live_site, browser_page):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "secret-pass-123")
    about = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")
    page = browser_page

    page.goto(live_site.url + "/admin/login/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill("secret-pass-123")
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")

    page.goto(f"{live_site.url}/admin/pages/{about.pk}/edit/")
    page.locator("#id_summary").fill("ملخص جديد كتبه المحرر")
    page.get_by_role("button", name="إجراءات أخرى").click()
    page.get_by_role("button", name="نشر").click()
    page.wait_for_url(f"**/admin/pages/{about.get_parent().pk}/")

    page.goto(live_site.url + about.url)
    expect(page.locator(".lead")).to_have_text("ملخص جديد كتبه المحرر")
