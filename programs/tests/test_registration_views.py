"""What a registrant sees: the form, its errors, the outcome pages, the cancel link, and spam defences."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale

from programs import links, rules
from programs.emails import send_due_emails
from programs.models import Registration

from .conftest import make_event, registrant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def form_data(**overrides):
    return {**registrant(), "consent": "on", "website": "", **overrides}


def test_course_page_shows_the_form_with_seats_left(client, course):
    response = client.get(course.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="name_arabic"' in html
    assert "10 مقاعد متاحة" in html


def test_form_error_is_shown_in_arabic_beside_its_field_and_keeps_values(client, course):
    response = client.post(course.url, form_data(phone="07912"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "هذا الرقم أقصر من أن يكون رقمًا في الأردن" in html
    assert 'id="id_phone_error"' in html
    assert 'value="ليلى أحمد"' in html
    assert 'value="07912"' in html
    assert 'value="layla@example.org"' in html
    assert '<option value="JO" selected>' in html
    assert not Registration.objects.exists()


def test_form_error_is_in_english_on_english_page(client, course):
    english = course.get_translation(Locale.objects.get(language_code="en"))

    response = client.post(english.url, form_data(name_arabic="Layla"))

    assert response.status_code == 400
    assert "Write your full name in Arabic letters." in response.content.decode()


def test_missing_consent_is_refused(client, course):
    data = form_data()
    del data["consent"]

    response = client.post(course.url, data)

    assert "يُرجى الموافقة على سياسة الخصوصية" in response.content.decode()
    assert not Registration.objects.exists()


def test_valid_submission_confirms_and_shows_the_confirmation(client, course):
    response = client.post(course.url, form_data(phone="+962 79 123 4567"), follow=True)
    send_due_emails()

    assert response.status_code == 200
    assert "شكرًا، وصلنا طلب تسجيلك" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.phone == "+962791234567"
    assert registration.language == "ar"
    assert len(mail.outbox) == 1


def test_full_course_puts_the_registrant_on_the_waitlist(client, programs_tree):
    course = make_event(programs_tree.program, capacity=0)

    response = client.post(course.url, form_data(), follow=True)

    assert response.status_code == 200
    assert Registration.objects.get().status == Registration.Status.WAITLISTED


def _status_page(client, course, **overrides):
    response = client.post(course.url, form_data(**overrides))
    assert response.status_code == 302
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    page = client.get(response["Location"])
    html = page.content.decode().replace(token, "TOKEN")  # the page's own link, in its language alternates
    return page.status_code, html.replace(overrides.get("email", "layla@example.org"), "ADDRESS")


def test_sending_an_already_registered_address_answers_like_any_other(client, course):
    client.post(course.url, form_data(email="owner@example.org"))

    new_address = _status_page(client, course, email="stranger@example.org")
    registered_address = _status_page(client, course, email="owner@example.org", name_latin="Someone Else")

    assert registered_address == new_address
    assert Registration.objects.filter(email="owner@example.org").count() == 1


def test_already_registered_address_reveals_nothing_of_its_registration(client, course):
    client.post(course.url, form_data(email="owner@example.org", name_latin="Owner Name", name_arabic="صاحب العنوان"))

    response = client.post(course.url, form_data(email="owner@example.org"), follow=True)

    html = response.content.decode()
    assert "Owner Name" not in html and "صاحب العنوان" not in html
    assert "مسجّل من قبل" not in html and "already" not in html.lower()


def test_form_is_replaced_by_dates_before_opening(client, programs_tree):
    course = make_event(programs_tree.program, registration_opens_at=timezone.now() + timedelta(days=3))

    response = client.get(course.url)

    html = response.content.decode()
    assert 'name="name_arabic"' not in html
    assert "يُفتح التسجيل في" in html


def test_posting_after_closing_creates_nothing(client, programs_tree):
    course = make_event(
        programs_tree.program,
        registration_opens_at=timezone.now() - timedelta(days=3),
        registration_closes_at=timezone.now() - timedelta(hours=1),
    )

    response = client.post(course.url, form_data())

    assert response.status_code == 409
    assert "أُغلق التسجيل في" in response.content.decode()
    assert not Registration.objects.exists()


def test_honeypot_submission_creates_nothing_and_sends_nothing(client, course):
    response = client.post(course.url, form_data(website="http://spam.example"))
    send_due_emails()

    assert response.status_code == 302
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_too_many_attempts_from_one_address_are_refused_with_values_kept(client, course, settings):
    settings.PROGRAMS_REGISTRATION_RATE_LIMIT = (2, 600)
    for number in range(2):
        client.post(course.url, form_data(email=f"p{number}@example.org"), REMOTE_ADDR="10.0.0.1")

    response = client.post(course.url, form_data(email="p3@example.org"), REMOTE_ADDR="10.0.0.1")

    assert response.status_code == 429
    assert "محاولات كثيرة" in response.content.decode()
    assert 'value="p3@example.org"' in response.content.decode()
    assert Registration.objects.count() == 2


def test_rate_limit_is_per_address(client, course, settings):
    settings.PROGRAMS_REGISTRATION_RATE_LIMIT = (1, 600)
    client.post(course.url, form_data(email="a@example.org"), REMOTE_ADDR="10.0.0.1")

    client.post(course.url, form_data(email="b@example.org"), REMOTE_ADDR="10.0.0.2")

    assert Registration.objects.count() == 2


def test_cancel_link_asks_for_confirmation_then_cancels(client, course):
    registration = rules.register(course, registrant(), "ar").registration
    url = f"/ar/programs/cancel/{links.cancel_token(registration)}/"

    confirm_page = client.get(url)
    registration.refresh_from_db()
    assert "نعم، ألغِ تسجيلي" in confirm_page.content.decode()
    assert registration.status == Registration.Status.CONFIRMED

    done = client.post(url)

    registration.refresh_from_db()
    assert "أُلغي تسجيلك" in done.content.decode()
    assert registration.status == Registration.Status.CANCELLED


def test_used_cancel_link_gets_a_clear_page(client, course):
    registration = rules.register(course, registrant(), "ar").registration
    url = f"/ar/programs/cancel/{links.cancel_token(registration)}/"
    client.post(url)

    response = client.get(url)

    assert response.status_code == 200
    assert "هذا التسجيل ملغى من قبل" in response.content.decode()


def test_forged_cancel_link_gets_a_clear_page(client, course):
    response = client.get("/ar/programs/cancel/forged-token/")

    assert response.status_code == 400
    assert "هذا الرابط غير صالح" in response.content.decode()


def test_expired_cancel_link_gets_a_clear_page(client, course, settings):
    registration = rules.register(course, registrant(), "ar").registration
    token = links.cancel_token(registration)
    settings.PROGRAMS_CANCEL_LINK_MAX_AGE_DAYS = -1

    response = client.get(f"/en/programs/cancel/{token}/")

    assert response.status_code == 400
    assert "This link has expired." in response.content.decode()


def test_forged_status_link_gets_a_clear_page(client, course):
    response = client.get("/ar/programs/registration/nope/")

    assert response.status_code == 400
