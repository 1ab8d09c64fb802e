"""The registration rules: capacity, waitlist, promotion, one registration per email, window, emails."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from programs import links, privacy, rules
from programs.emails import send_due_emails
from programs.models import Registration, RegistrationEmail

from .conftest import make_event, registrant, registration_cancelled_by_link_in

pytestmark = pytest.mark.django_db


def _fill(course, number, **overrides):
    return [
        rules.register(course, registrant(email=f"person{index}@example.org", **overrides), "ar")
        for index in range(number)
    ]


def test_registration_within_capacity_is_confirmed(course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = rules.register(course, registrant(), "ar")

    assert result.outcome == rules.Outcome.CONFIRMED
    assert result.registration.status == Registration.Status.CONFIRMED


def test_full_course_puts_registrant_on_waitlist(programs_tree):
    course = make_event(programs_tree.program, capacity=2)
    _fill(course, 2)

    result = rules.register(course, registrant(email="late@example.org"), "ar")

    assert result.outcome == rules.Outcome.WAITLISTED
    assert Registration.objects.filter(event=course, status=Registration.Status.CONFIRMED).count() == 2
    assert result.registration.waitlist_position() == 1


def test_english_page_shares_the_arabic_page_seats(programs_tree):
    course = make_event(programs_tree.program, capacity=1)
    english = course.get_translation(Locale.objects.get(language_code="en"))
    rules.register(course, registrant(email="first@example.org"), "ar")

    result = rules.register(english, registrant(email="second@example.org"), "en")

    assert result.outcome == rules.Outcome.WAITLISTED
    assert result.registration.event_id == course.pk


def test_same_email_twice_registers_once_and_tells_the_owner_their_status(course):
    first = rules.register(course, registrant(), "ar").registration
    send_due_emails()
    again = rules.register(course, registrant(email="  LAYLA@example.org "), "ar")
    send_due_emails()

    assert again.outcome == rules.Outcome.ALREADY_CONFIRMED
    assert Registration.objects.filter(event=course).count() == 1
    confirmation, notice = mail.outbox
    assert notice.to == ["layla@example.org"]
    assert notice.subject == f"تسجيلك: {course.title}"
    assert "مقعدك مؤكَّد" in notice.body
    assert registration_cancelled_by_link_in(notice.body) == first
    assert notice.attachments[0][0] == "event.ics"


def test_repeated_sendings_of_a_registered_address_send_its_owner_one_notice(course):
    rules.register(course, registrant(), "ar")
    for _sending in range(5):
        rules.register(course, registrant(), "ar")

    assert send_due_emails().sent == 2
    assert len(mail.outbox) == 2


def test_owner_on_the_waitlist_is_told_their_place(programs_tree):
    course = make_event(programs_tree.program, capacity=0)
    rules.register(course, registrant(email="first@example.org"), "ar")
    rules.register(course, registrant(), "en")
    rules.register(course, registrant(), "ar")
    send_due_emails()

    notice = mail.outbox[-1]
    assert notice.subject.startswith("Your registration:")  # in the language they registered in
    assert "on the waitlist, in place 2" in notice.body


@pytest.mark.parametrize("kind", ["confirmation", "waitlist", "promotion", "cancellation", "already_registered"])
def test_every_arabic_email_greets_without_a_gender_and_every_email_speaks_its_registrants_language(course, kind):
    for language, email in (("ar", "layla@example.org"), ("en", "sami@example.org")):
        registration = rules.register(course, registrant(email=email), language).registration
        registration.emails.all().delete()
        RegistrationEmail.objects.create(registration=registration, kind=kind)
    send_due_emails()

    arabic, english = sorted(mail.outbox, key=lambda message: message.to[0])
    assert arabic.body.startswith("مرحبًا ليلى أحمد،")
    for masculine in ("عزيزنا", "عزيزي", "فتجاهل", "فابحث"):
        assert masculine not in arabic.body
    assert english.body.startswith("Dear Layla Ahmad,")
    assert not re.search(r"[\u0600-\u06FF]", english.subject)
    assert "Arab Smart Cities Forum" in english.body and "/en/" in english.body


def test_same_email_on_waitlist_says_already_waitlisted(programs_tree):
    course = make_event(programs_tree.program, capacity=0)
    rules.register(course, registrant(), "ar")

    again = rules.register(course, registrant(), "ar")

    assert again.outcome == rules.Outcome.ALREADY_WAITLISTED


def test_cancelled_person_may_register_again(course):
    first = rules.register(course, registrant(), "ar").registration
    rules.cancel_registration(first)

    again = rules.register(course, registrant(), "ar")

    assert again.outcome == rules.Outcome.CONFIRMED
    assert again.registration.pk != first.pk


def test_registration_before_opening_is_refused(programs_tree):
    course = make_event(programs_tree.program, registration_opens_at=timezone.now() + timedelta(days=2))

    with pytest.raises(rules.RegistrationClosed):
        rules.register(course, registrant(), "ar")
    assert not Registration.objects.exists()


def test_registration_after_closing_is_refused(programs_tree):
    course = make_event(
        programs_tree.program,
        registration_opens_at=timezone.now() - timedelta(days=5),
        registration_closes_at=timezone.now() - timedelta(minutes=1),
    )

    with pytest.raises(rules.RegistrationClosed):
        rules.register(course, registrant(), "ar")


def test_cancellation_promotes_first_on_waitlist_and_emails_them(programs_tree):
    course = make_event(programs_tree.program, capacity=1)
    confirmed = rules.register(course, registrant(email="a@example.org"), "ar").registration
    first_waiting = rules.register(course, registrant(email="b@example.org"), "en").registration
    second_waiting = rules.register(course, registrant(email="c@example.org"), "ar").registration
    send_due_emails()
    mail.outbox.clear()

    rules.cancel_registration(confirmed)
    send_due_emails()

    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == Registration.Status.CONFIRMED
    assert second_waiting.status == Registration.Status.WAITLISTED
    promotion = next(message for message in mail.outbox if message.to == ["b@example.org"])
    assert promotion.subject.startswith("A seat is yours")
    assert promotion.attachments[0][0] == "event.ics"
    receipt = next(message for message in mail.outbox if message.to == ["a@example.org"])
    assert "إلغاء" in receipt.subject


def test_cancelling_twice_changes_nothing(course):
    registration = rules.register(course, registrant(), "ar").registration
    assert rules.cancel_registration(registration) is True

    assert rules.cancel_registration(registration) is False


def test_promote_is_refused_when_no_seat_is_free(programs_tree):
    course = make_event(programs_tree.program, capacity=1)
    rules.register(course, registrant(email="a@example.org"), "ar")
    waiting = rules.register(course, registrant(email="b@example.org"), "ar").registration

    with pytest.raises(rules.NoSeatLeft):
        rules.promote(waiting)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.WAITLISTED


def test_raising_capacity_then_promoting_fills_the_new_seats(programs_tree):
    course = make_event(programs_tree.program, capacity=1)
    _fill(course, 3)
    course.capacity = 2
    course.save_revision().publish()

    promoted = rules.promote_from_waitlist(course)

    assert [registration.email for registration in promoted] == ["person1@example.org"]


def test_confirmation_email_is_in_arabic_with_ics_and_cancel_link(course):
    registration = rules.register(course, registrant(), "ar").registration
    send_due_emails()

    (message,) = mail.outbox
    assert message.subject == f"تأكيد التسجيل: {course.title}"
    assert message.body.startswith("مرحبًا ليلى أحمد،")
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content
    assert registration_cancelled_by_link_in(message.body) == registration


def test_email_in_english_for_who_registered_in_english(course):
    english = course.get_translation(Locale.objects.get(language_code="en"))
    rules.register(english, registrant(), "en")
    send_due_emails()

    (message,) = mail.outbox
    assert message.subject == f"Registration confirmed: {english.title}"
    assert message.body.startswith("Dear Layla Ahmad,")  # the name in the email's script too
    assert "/en/programs/cancel/" in message.body


def test_registering_sends_nothing_itself_and_the_sender_sends_the_email_once(course):
    rules.register(course, registrant(), "ar")

    assert mail.outbox == []
    assert RegistrationEmail.objects.get().status == RegistrationEmail.Status.PENDING
    assert send_due_emails().sent == 1
    assert send_due_emails().sent == 0
    assert len(mail.outbox) == 1


def test_an_email_owed_by_a_rolled_back_change_is_never_sent(course):
    with pytest.raises(RuntimeError), transaction.atomic():
        rules.register(course, registrant(), "ar")
        raise RuntimeError("the change fails after the email was queued")

    assert send_due_emails().sent == 0
    assert not RegistrationEmail.objects.exists()


def test_forged_cancel_token_is_refused(course):
    registration = rules.register(course, registrant(), "ar").registration
    token = links.cancel_token(registration)

    with pytest.raises(signing.BadSignature):
        links.registration_from_cancel_token(token[:-2] + "xx")


def test_cancel_token_no_longer_works_after_anonymisation(programs_tree):
    course = make_event(
        programs_tree.program,
        start_at=timezone.now() - timedelta(days=400),
        end_at=timezone.now() - timedelta(days=399),
        registration_opens_at=None,
        registration_closes_at=None,
    )
    registration = _register_in_the_past(course)
    token = links.cancel_token(registration)
    privacy.anonymise_registrations(months=12)

    with pytest.raises(signing.BadSignature):
        links.registration_from_cancel_token(token)


def _register_in_the_past(course):
    return Registration.objects.create(
        event=course, consented_at=timezone.now(), **{**registrant(), "email": "old@example.org"}
    )


def test_purge_command_anonymises_only_events_past_the_retention(programs_tree, settings):
    settings.PROGRAMS_PERSONAL_DATA_RETENTION_MONTHS = 6
    old = make_event(
        programs_tree.program,
        start_at=timezone.now() - timedelta(days=300),
        end_at=timezone.now() - timedelta(days=299),
        registration_opens_at=None,
        registration_closes_at=None,
    )
    recent = make_event(programs_tree.program)
    old_registration = _register_in_the_past(old)
    recent_registration = rules.register(recent, registrant(), "ar").registration

    call_command("purge_registrations")

    old_registration.refresh_from_db()
    recent_registration.refresh_from_db()
    assert old_registration.anonymised_at is not None
    assert old_registration.name_arabic == "" and old_registration.email.endswith("@invalid")
    assert recent_registration.name_arabic == "ليلى أحمد"
