"""A coordinator at the door, on a phone 390 px wide, logs in and checks someone in by typing their code."""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from attendance.codes import check_in_code
from programs.models import Registration
from tests.browser import check_accessibility

from .conftest import ARTIFACTS, register_past

pytestmark = pytest.mark.browser


@pytest.fixture
def door(live_site, browser_page, coordinator):
    """A past course with Salma registered, and a coordinator's phone (390 px wide), not yet logged in."""
    from programs.tests.conftest import make_event, make_program

    course = make_event(make_program(), english=False)
    registration = register_past(course, name_arabic="سلمى يوسف", name_latin="Salma Yousef")
    coordinator.set_password("door-pass-4821")
    coordinator.save()
    browser_page.set_viewport_size({"width": 390, "height": 844})
    return SimpleNamespace(course=course, registration=registration, page=browser_page)


def _log_in_to_check_in(page, live_site, language_code):
    page.goto(f"{live_site.url}/{language_code}/check-in/")
    page.locator("#id_username").fill("coordinator")
    page.locator("#id_password").fill("door-pass-4821")
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"**/{language_code}/check-in/")


def test_a_coordinator_checks_someone_in_on_a_phone(door, live_site):
    course, registration, page = door.course, door.registration, door.page
    _log_in_to_check_in(page, live_site, "ar")
    check_accessibility(page)

    # Typed as read from a printout: lower case, with a space instead of the dash.
    page.get_by_label("رمز تسجيل الحضور").fill(check_in_code(registration).lower().replace("-", " "))
    page.get_by_role("button", name="تسجيل الحضور", exact=True).click()

    result = page.get_by_role("status")
    expect(result).to_contain_text("تم تسجيل الحضور")
    expect(result).to_contain_text("سلمى يوسف")
    expect(result).to_contain_text(course.title)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "check-in-phone.png", full_page=True)
    check_accessibility(page)
    assert Registration.objects.get(pk=registration.pk).attended


# Chromium's BarcodeDetector needs a real camera and Android or macOS: stand-ins that "see" the given QR content.
FAKE_CAMERA_AND_DETECTOR = """
(rawValue) => {
  window.BarcodeDetector = class {
    constructor() {}
    detect() { return Promise.resolve([{ rawValue }]); }
  };
  navigator.mediaDevices.getUserMedia = () => {
    const canvas = document.createElement("canvas");
    canvas.width = 16; canvas.height = 16;
    canvas.getContext("2d").fillRect(0, 0, 16, 16);
    return Promise.resolve(canvas.captureStream());
  };
}
"""


def test_a_scanned_qr_code_checks_someone_in(door, live_site):
    from attendance.codes import check_in_url
    from attendance.models import AttendanceLog

    registration, page = door.registration, door.page
    page.add_init_script(f"({FAKE_CAMERA_AND_DETECTOR})({check_in_url(registration)!r})")
    _log_in_to_check_in(page, live_site, "en")
    page.get_by_role("button", name="Scan a QR code with the camera").click()

    page.get_by_text("Checked in", exact=True).wait_for()
    expect(page.get_by_role("status")).to_contain_text("Salma Yousef")
    assert AttendanceLog.objects.get(registration=registration).method == AttendanceLog.Method.SCANNED
