"""In Chromium, the Content-Security-Policy blocks nothing the site itself uses: public pages (the search box's
suggestions included) and the admin's page editor, where an editor publishes under the admin policy."""

import pytest
from django.contrib.auth import get_user_model

from home.models import StandardPage

pytestmark = pytest.mark.browser


def _watch_for_csp_violations(page):
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return violations


def test_public_pages_break_no_rule_of_their_policy(live_site, browser_page):
    page = browser_page
    violations = _watch_for_csp_violations(page)
    for path in ["/ar/", "/en/", "/en/search/?q=forum"]:
        page.goto(live_site.url + path)
        assert page.evaluate("document.fonts.status") in ("loaded", "loading")
    # The suggestions script (a file under /static/) runs and fetches from the site.
    page.goto(live_site.url + "/en/")
    search = page.locator("input[name=q]").first
    search.fill("foru")
    page.wait_for_timeout(800)
    assert violations == []


def test_the_admin_editor_works_under_the_admin_policy(live_site, browser_page):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "secret-pass-123")
    about = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")
    page = browser_page
    violations = _watch_for_csp_violations(page)

    page.goto(live_site.url + "/admin/login/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill("secret-pass-123")
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto(f"{live_site.url}/admin/pages/{about.pk}/edit/")
    page.locator("#id_summary").fill("ملخص كتب في ظل سياسة المحرر")
    page.get_by_role("button", name="إجراءات أخرى").click()
    page.get_by_role("button", name="نشر").click()
    page.wait_for_url(f"**/admin/pages/{about.get_parent().pk}/")
    assert violations == []
