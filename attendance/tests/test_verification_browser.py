"""The public verification page passes axe in both languages, valid or not, on a phone and on a desktop."""

import pytest
from playwright.sync_api import expect

from attendance.certificates import issue_certificates
from attendance.checkin import mark_attendance
from attendance.models import AttendanceLog
from programs.models import Registration
from tests.browser import check_accessibility

from .conftest import register_past

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_verification_page_is_accessible(live_site, browser_page, language):
    from programs.tests.conftest import make_event, make_program

    course = make_event(make_program(), english=False)
    registration = register_past(course)
    mark_attendance([registration], True, method=AttendanceLog.Method.LIST)
    issue_certificates(Registration.objects.filter(pk=registration.pk), hours=6, send_email=False)
    number = registration.certificates.get().number
    page = browser_page

    page.goto(f"{live_site.url}/{language}/certificates/{number}/")
    expect(page.get_by_role("status")).to_contain_text(number)
    check_accessibility(page)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_site.url}/{language}/certificates/NOT-A-NUMBER/")
    check_accessibility(page)
    field = page.locator("#certificate-number")
    field.fill("1234")
    field.press("Enter")
    page.wait_for_selector("#certificate-number-error")
    assert page.locator("#certificate-number").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_accessibility(page)
