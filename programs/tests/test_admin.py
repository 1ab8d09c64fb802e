"""Coordinators run registrations in the Wagtail admin; nobody else sees personal data."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from openpyxl import load_workbook

from conftest import built_for_module, for_this_test
from programs import rules
from programs.emails import send_due_emails
from programs.models import Registration

from .conftest import make_event, registrant

pytestmark = pytest.mark.django_db

INDEX = "/admin/programs_registration/"


@pytest.fixture(scope="module")
def full_course_of_module(request, programs_tree_of_module):
    return built_for_module(request, "full_course", a_full_course, programs_tree_of_module)


@pytest.fixture
def full_course(full_course_of_module, programs_tree):
    """A course of one seat: one registrant confirmed, one on the waitlist."""
    return for_this_test(full_course_of_module, a_full_course, programs_tree)


def a_full_course(programs_tree):
    course = make_event(programs_tree.program, capacity=1)
    rules.register(course, registrant(email="a@example.org", name_latin="Ahmad Ali", country="JO"), "ar")
    rules.register(
        course, registrant(email="b@example.org", name_latin="Basma Omar", name_arabic="بسمة عمر", country="EG"), "ar"
    )
    return course


def test_coordinator_sees_registrations(client, coordinator, full_course):
    client.force_login(coordinator)

    response = client.get(INDEX)

    assert response.status_code == 200
    assert "Ahmad Ali" in response.content.decode()
    assert "بسمة عمر" in response.content.decode()


def test_editor_outside_the_group_never_sees_registrations(client, editor, full_course):
    client.force_login(editor)

    listing = client.get(INDEX)
    inspect = client.get(f"{INDEX}inspect/{Registration.objects.first().pk}/")
    export = client.get(INDEX + "?export=csv")
    dashboard = client.get("/admin/")

    assert listing.status_code in (302, 403)
    assert inspect.status_code in (302, 403)
    assert export.status_code in (302, 403)
    for response in (listing, inspect, export, dashboard):
        assert "Ahmad Ali" not in response.content.decode()
    assert INDEX not in dashboard.content.decode()


def test_editor_sees_seat_counts_but_no_link_to_names_on_the_course_admin_page(client, editor, full_course):
    client.force_login(editor)

    response = client.get(f"/admin/pages/{full_course.pk}/edit/")

    html = response.content.decode()
    assert "المقاعد المحجوزة: 1 من 1. في قائمة الانتظار: 1." in html
    assert INDEX not in html


def test_coordinator_sees_seats_and_the_link_on_the_course_admin_page(client, coordinator, full_course):
    coordinator.groups.add(Group.objects.get(name="Editors"))  # a coordinator who also edits the courses
    client.force_login(coordinator)

    html = client.get(f"/admin/pages/{full_course.pk}/edit/").content.decode()

    assert "المقاعد المحجوزة: 1 من 1. في قائمة الانتظار: 1." in html
    assert f"{INDEX}?event={full_course.pk}" in html


def test_registrations_filter_by_status(client, coordinator, full_course):
    client.force_login(coordinator)

    html = client.get(INDEX + "?status=waitlisted").content.decode()

    assert "Basma Omar" in html
    assert "Ahmad Ali" not in html


def test_registrations_filter_by_country(client, coordinator, full_course):
    client.force_login(coordinator)

    html = client.get(INDEX + "?country=EG").content.decode()

    assert "Basma Omar" in html
    assert "Ahmad Ali" not in html


def test_registrations_search_by_name(client, coordinator, full_course):
    client.force_login(coordinator)

    html = client.get(INDEX + "?q=Basma").content.decode()

    assert "Basma Omar" in html
    assert "Ahmad Ali" not in html


def test_csv_export_starts_with_a_byte_order_mark_and_keeps_arabic(client, coordinator, full_course):
    client.force_login(coordinator)

    response = client.get(INDEX + "?export=csv")

    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8-sig")
    assert "بسمة عمر" in text
    assert "مصر" in text


def test_xlsx_export_holds_every_registration(client, coordinator, full_course):
    client.force_login(coordinator)

    response = client.get(INDEX + "?export=xlsx")

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["Ahmad Ali", "Basma Omar"]


def test_cancel_action_promotes_the_waitlist_with_the_same_rules(client, coordinator, full_course):
    client.force_login(coordinator)
    confirmed = Registration.objects.get(email="a@example.org")
    send_due_emails()
    mail.outbox.clear()

    response = client.post(f"{INDEX}status/{confirmed.pk}/cancel/")
    send_due_emails()

    assert response.status_code == 302
    assert Registration.objects.get(email="a@example.org").status == Registration.Status.CANCELLED
    assert Registration.objects.get(email="b@example.org").status == Registration.Status.CONFIRMED
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]


def test_promote_action_without_a_free_seat_changes_nothing(client, coordinator, full_course):
    client.force_login(coordinator)
    waiting = Registration.objects.get(email="b@example.org")

    client.post(f"{INDEX}status/{waiting.pk}/promote/")

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.WAITLISTED


def test_status_action_asks_before_acting(client, coordinator, full_course):
    client.force_login(coordinator)
    confirmed = Registration.objects.get(email="a@example.org")

    response = client.get(f"{INDEX}status/{confirmed.pk}/cancel/")

    assert response.status_code == 200
    assert Registration.objects.get(pk=confirmed.pk).status == Registration.Status.CONFIRMED


def test_coordinator_marks_attendance(client, coordinator, full_course):
    client.force_login(coordinator)
    confirmed = Registration.objects.get(email="a@example.org")

    client.post(f"{INDEX}status/{confirmed.pk}/attended/")

    assert Registration.objects.get(pk=confirmed.pk).attended is True


def test_editor_cannot_change_a_status(client, editor, full_course):
    client.force_login(editor)
    confirmed = Registration.objects.get(email="a@example.org")

    response = client.post(f"{INDEX}status/{confirmed.pk}/cancel/")

    assert response.status_code in (302, 403)
    assert Registration.objects.get(pk=confirmed.pk).status == Registration.Status.CONFIRMED


def test_nobody_adds_registrations_in_the_admin(client, admin_user, full_course):
    client.force_login(admin_user)

    assert client.get(INDEX + "new/").status_code in (302, 403)


def test_coordinator_sees_failed_emails_and_puts_them_back_in_the_outbox(client, coordinator, programs_tree, settings):
    course = make_event(programs_tree.program)
    rules.register(course, registrant(), "ar")
    settings.EMAIL_BACKEND = "programs.tests.failing_email.Backend"
    settings.PROGRAMS_EMAIL_MAX_ATTEMPTS = 1
    send_due_emails()
    client.force_login(coordinator)

    assert f'href="{INDEX}emails/"' in client.get(INDEX).content.decode()
    listing = client.get(INDEX + "emails/").content.decode()
    assert "layla@example.org" in listing and "SMTP is down" in listing
    client.post(INDEX + "emails/")

    assert mail.outbox == []  # the request only put it back; the sender sends it
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_due_emails().sent == 1
    assert [message.to for message in mail.outbox] == [["layla@example.org"]]


def test_course_add_and_edit_forms_offer_registration_fields_and_the_mou(client, admin_user, programs_tree):
    client.force_login(admin_user)
    course = make_event(programs_tree.program, english=False)

    add = client.get(f"/admin/pages/add/programs/trainingcoursepage/{programs_tree.program.pk}/")
    edit = client.get(f"/admin/pages/{course.pk}/edit/")

    for field in ("capacity", "registration_opens_at", "registration_closes_at", "mou", "topics"):
        assert field in add.context["form"].fields
    assert edit.context["form"].initial["capacity"] == course.capacity


def test_venues_and_trainers_are_snippets_listed_in_the_admin(client, admin_user, programs_tree):
    from programs.models import Trainer

    Trainer.objects.create(locale=programs_tree.venue.locale, name="م. أكرم خريسات")
    client.force_login(admin_user)

    assert "قاعة عمّان" in client.get("/admin/snippets/programs/venue/").content.decode()
    assert "م. أكرم خريسات" in client.get("/admin/snippets/programs/trainer/").content.decode()
