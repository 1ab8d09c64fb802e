"""The admin calls no outside host: no release check, no remote panel, on the screens editors use most."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from home.models import StandardPage

pytestmark = pytest.mark.browser


def test_admin_screens_request_nothing_from_another_host(live_site, browser_page):
    # A superuser is the one Wagtail would show the release check to.
    get_user_model().objects.create_superuser("admin", "admin@example.org", "secret-pass-123")
    about_en = StandardPage.objects.get(locale__language_code="en", slug="about")
    about_ar = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")
    page = browser_page
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(live_site.url + "/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill("secret-pass-123")
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    for path in (
        "/admin/",
        f"/admin/pages/{about_ar.pk}/edit/",
        f"/admin/pages/{about_en.pk}/edit/",
        "/admin/reports/",
    ):
        page.goto(live_site.url + path)
        page.wait_for_load_state("networkidle")

    own = urlsplit(live_site.url).netloc
    outside = sorted(
        {url for url in requested if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own}
    )
    assert outside == []
    expect(page.locator("[data-controller~=w-upgrade]")).to_have_count(0)
