"""A registrant's own page, reached from the link in every email: always current, never cached, in their language."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from programs import links, rules
from programs.emails import send_due_emails
from programs.models import Registration, RegistrationEmail

from .conftest import make_event, registrant, registration_cancelled_by_link_in

pytestmark = pytest.mark.django_db

PAGE_LINK = re.compile(r"https?://\S+/programs/my-registration/\S+/")


def _page_path(message):
    """The path of the registrant's page linked from an email, as a mail reader would follow it."""
    (link,) = PAGE_LINK.findall(message.body)
    return urlsplit(link).path


def _sent_to(address):
    send_due_emails()
    return [message for message in mail.outbox if message.to == [address]]


def test_the_confirmation_email_links_to_a_page_showing_the_confirmed_seat(client, course):
    rules.register(course, registrant(), "ar")
    (confirmation,) = _sent_to("layla@example.org")

    response = client.get(_page_path(confirmation))

    page = response.content.decode()
    assert response.status_code == 200
    assert "الحالة: مؤكد" in page
    assert course.title in page
    assert "ليلى أحمد" in page and "Layla Ahmad" not in page
    assert f"/ar/programs/events/{course.pk}/event.ics" in page
    assert 'href="/ar/programs/cancel/' in page
    assert registration_cancelled_by_link_in(page) == Registration.objects.get()
    assert "(بتوقيت عمّان)" in page


def test_the_page_is_never_stored_by_browsers_proxies_or_the_page_cache(client, course):
    rules.register(course, registrant(), "ar")
    path = _page_path(_sent_to("layla@example.org")[0])

    first = client.get(path)
    second = client.get(path)

    for response in (first, second):
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= directives
        assert "X-Page-Cache" not in response


def test_every_email_a_registrant_gets_links_to_their_page(programs_tree):
    course = make_event(programs_tree.program, capacity=1)
    first = rules.register(course, registrant(email="a@example.org"), "ar").registration
    waiting = rules.register(course, registrant(email="b@example.org"), "ar").registration
    rules.register(course, registrant(email="b@example.org"), "ar")  # the "already registered" notice
    rules.cancel_registration(first)  # a receipt for a@, a promotion for b@
    send_due_emails()

    kinds = set(RegistrationEmail.objects.values_list("kind", flat=True))
    assert kinds == {"confirmation", "waitlist", "already_registered", "cancellation", "promotion"}
    for message in mail.outbox:
        assert len(PAGE_LINK.findall(message.body)) == 1, message.subject
    # Each link is signed when its email is sent (a timestamped token): what matters is where it leads.
    tokens = {_page_path(message).split("/")[-2] for message in mail.outbox if message.to == ["b@example.org"]}
    assert {links.registration_from_registrant_page_token(token) for token in tokens} == {waiting}


def test_an_old_link_shows_the_cancellation_made_since(client, course):
    registration = rules.register(course, registrant(), "ar").registration
    path = _page_path(_sent_to("layla@example.org")[0])
    client.get(path)

    rules.cancel_registration(registration)
    page = client.get(path).content.decode()

    assert "الحالة: ملغى" in page
    assert "/programs/cancel/" not in page


def test_a_waitlisted_registrant_sees_their_place_then_their_promotion(client, programs_tree):
    course = make_event(programs_tree.program, capacity=1)
    seated = rules.register(course, registrant(email="a@example.org"), "en").registration
    rules.register(course, registrant(email="b@example.org"), "en")
    rules.register(course, registrant(email="c@example.org"), "en")
    (waitlist_notice,) = _sent_to("c@example.org")
    path = _page_path(waitlist_notice)
    assert path.startswith("/en/")

    before = client.get(path).content.decode()
    rules.cancel_registration(seated)
    still_waiting = client.get(path).content.decode()
    rules.cancel_registration(Registration.objects.get(email="b@example.org"))
    promoted = client.get(path).content.decode()

    assert "Status: On the waitlist" in before and "in place 2" in before
    assert "in place 1" in still_waiting
    assert "Status: Confirmed" in promoted and "waitlist, in place" not in promoted


def test_the_page_says_when_the_registrant_attended(client, course):
    registration = rules.register(course, registrant(), "ar").registration
    path = _page_path(_sent_to("layla@example.org")[0])

    rules.set_attendance(registration, True)
    page = client.get(path).content.decode()

    assert "الحالة: حضر" in page


def test_names_follow_the_script_of_the_pages_language(client, course):
    registration = rules.register(course, registrant(), "ar").registration
    token = links.registrant_page_token(registration)

    english = client.get(f"/en/programs/my-registration/{token}/").content.decode()

    assert "Layla Ahmad" in english and "ليلى أحمد" not in english
    assert "Course number" in english


def test_a_tampered_link_gets_a_clear_page_in_the_visitors_language(client, course):
    registration = rules.register(course, registrant(), "ar").registration
    token = links.registrant_page_token(registration)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")

    arabic = client.get(f"/ar/programs/my-registration/{tampered}/")
    english = client.get(f"/en/programs/my-registration/{tampered}/")
    other_salt = client.get(f"/ar/programs/my-registration/{links.cancel_token(registration)}/")

    assert arabic.status_code == english.status_code == other_salt.status_code == 400
    assert "هذا الرابط غير صالح" in arabic.content.decode()
    assert "This link is not valid" in english.content.decode()
    assert "no-store" in arabic["Cache-Control"]


def test_the_link_stops_working_once_the_personal_data_is_anonymised(client, course):
    registration = rules.register(course, registrant(), "ar").registration
    token = links.registrant_page_token(registration)
    Registration.objects.filter(pk=registration.pk).update(email=f"anonymised-{registration.pk}@invalid")

    assert client.get(f"/ar/programs/my-registration/{token}/").status_code == 400
