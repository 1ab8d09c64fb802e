"""A municipal employee registers for a course in Arabic; every registration state passes axe in both languages."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser import check_accessibility

pytestmark = pytest.mark.browser


@pytest.fixture
def programs_site(demo_site, live_site):
    return live_site


def _fill_registration(page, labels, phone):
    page.get_by_label(labels["name_arabic"]).fill("سلمى يوسف")
    page.get_by_label(labels["name_latin"]).fill("Salma Yousef")
    page.get_by_label(labels["email"]).fill("salma@example.org")
    page.get_by_label(labels["phone"]).fill(phone)
    page.get_by_label(labels["country"]).select_option("JO")
    page.get_by_label(labels["city"]).fill("البترا")
    page.get_by_label(labels["organisation"]).fill("سلطة إقليم البترا")
    page.get_by_label(labels["job_title"]).fill("مهندسة نظم معلومات جغرافية")
    page.locator("#id_consent").check()


ARABIC_LABELS = {
    "name_arabic": "الاسم الكامل بالأحرف العربية",
    "name_latin": "الاسم الكامل بالأحرف اللاتينية",
    "email": "البريد الإلكتروني",
    "phone": "الهاتف",
    "country": "الدولة",
    "city": "المدينة",
    "organisation": "الجهة أو البلدية",
    "job_title": "المسمى الوظيفي",
}
ENGLISH_LABELS = {
    "name_arabic": "Full name in Arabic script",
    "name_latin": "Full name in Latin script",
    "email": "Email",
    "phone": "Phone",
    "country": "Country",
    "city": "City",
    "organisation": "Organisation or municipality",
    "job_title": "Job title",
}


def test_municipal_employee_registers_in_arabic_then_cancels(programs_site, browser_page):
    from programs.emails import send_due_emails
    from programs.models import Registration

    page = browser_page
    page.goto(programs_site.url + "/ar/")
    page.get_by_role("link", name="التقويم التدريبي").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("التقويم التدريبي")
    check_accessibility(page)

    page.get_by_role("link", name="نظم المعلومات الجغرافية والعنونة للبلديات").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("نظم المعلومات الجغرافية والعنونة للبلديات")
    check_accessibility(page)

    _fill_registration(page, ARABIC_LABELS, phone="٠٧٩١٢")
    page.get_by_role("button", name="سجّل").click()

    expect(page.locator("#id_phone_error")).to_have_text(re.compile("^هذا الرقم أقصر من أن يكون رقمًا في الأردن"))
    assert page.get_by_label(ARABIC_LABELS["name_arabic"]).input_value() == "سلمى يوسف"
    assert page.get_by_label(ARABIC_LABELS["phone"]).input_value() == "٠٧٩١٢"
    assert page.get_by_label(ARABIC_LABELS["country"]).input_value() == "JO"
    assert page.locator("#id_consent").is_checked()
    check_accessibility(page)

    page.get_by_label(ARABIC_LABELS["phone"]).fill("٠٧٩ ١٢٣ ٤٥٦٧")
    page.get_by_role("button", name="سجّل").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("شكرًا، وصلنا طلب تسجيلك")
    check_accessibility(page)

    send_due_emails()  # what `send_registration_emails` does, every minute in production
    (message,) = [message for message in mail.outbox if message.to == ["salma@example.org"]]
    assert message.subject == "تأكيد التسجيل: نظم المعلومات الجغرافية والعنونة للبلديات"
    assert "مرحبًا سلمى يوسف،" in message.body
    assert message.attachments[0][0] == "event.ics" and "BEGIN:VEVENT" in message.attachments[0][1]

    cancel_link = re.search(r"https?://\S+/programs/cancel/\S+/", message.body).group(0)
    page.goto(programs_site.url + urlparse(cancel_link).path)
    check_accessibility(page)
    page.get_by_role("button", name="نعم، ألغِ تسجيلي").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("أُلغي التسجيل")
    check_accessibility(page)
    assert Registration.objects.get(email="salma@example.org").status == Registration.Status.CANCELLED


@pytest.mark.parametrize(
    ("language", "calendar", "programs", "labels"),
    [
        ("ar", "/ar/التقويم-التدريبي/", "/ar/البرامج/", ARABIC_LABELS),
        ("en", "/en/training-calendar/", "/en/programs/", ENGLISH_LABELS),
    ],
)
def test_calendar_course_and_registration_states_pass_axe(
    programs_site, browser_page, language, calendar, programs, labels
):
    from programs.models import EventPage

    page = browser_page
    for path in (calendar, calendar + "?when=past", calendar + "?mode=online", programs):
        page.goto(programs_site.url + path)
        check_accessibility(page)

    events = {event.slug: event for event in EventPage.objects.filter(locale__language_code=language)}
    slugs = {
        "open": "gis-and-addressing" if language == "en" else "نظم-المعلومات-الجغرافية-والعنونة",
        "waitlist": "designing-e-services" if language == "en" else "تصميم-الخدمات-الإلكترونية",
        "not_yet_open": "voluntary-local-reviews" if language == "en" else "المراجعات-المحلية-الطوعية",
        "past": "ai-and-iot-for-sustainable-cities" if language == "en" else "الذكاء-الاصطناعي-وإنترنت-الأشياء",
    }
    for slug in slugs.values():
        page.goto(programs_site.url + events[slug].url)
        assert page.locator("html").get_attribute("lang") == language
        check_accessibility(page)

    page.goto(programs_site.url + events[slugs["waitlist"]].url)
    _fill_registration(page, labels, phone="+962791234567")
    page.get_by_role("button", name="قائمة" if language == "ar" else "waitlist").click()
    thanks = {"ar": "شكرًا، وصلنا طلب تسجيلك", "en": "Thank you: your registration has been received"}
    expect(page.get_by_role("heading", level=1)).to_have_text(thanks[language])
    check_accessibility(page)
