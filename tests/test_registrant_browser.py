"""A registrant's own page in each state, and a focal point's approval page, pass axe in both languages."""

import pytest
from playwright.sync_api import expect

from tests.browser import check_accessibility

pytestmark = pytest.mark.browser

QUOTA_COURSE = "منصات-بيانات-المدينة-الذكية"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_registrant_and_approval_pages_pass_axe(demo_site, live_site, browser_page, language):
    from programs import links
    from programs.models import Registration

    page = browser_page
    registrations = Registration.objects.filter(event__slug=QUOTA_COURSE)
    for status in ("confirmed", "waitlisted", "awaiting_approval", "declined", "cancelled"):
        registration = registrations.filter(status=status).first()
        response = page.goto(
            f"{live_site.url}/{language}/programs/my-registration/{links.registrant_page_token(registration)}/"
        )
        assert response.status == 200
        assert "no-store" in response.headers["cache-control"]
        assert page.locator("html").get_attribute("lang") == language
        expect(page.locator("main")).to_contain_text(registration.name_in(language))
        check_accessibility(page)

    awaiting = registrations.filter(status="awaiting_approval").exclude(approver_email="").first()
    for decision in ("approve", "decline"):
        response = page.goto(
            f"{live_site.url}/{language}/programs/approval/{links.approval_token(awaiting)}/{decision}/"
        )
        assert response.status == 200
        check_accessibility(page)

    response = page.goto(f"{live_site.url}/{language}/programs/my-registration/not-a-token/")
    assert response.status == 400
    check_accessibility(page)
