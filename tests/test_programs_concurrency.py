"""Fifty people press "Register" at the same moment for ten seats: exactly ten are confirmed, on PostgreSQL."""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from programs import registration as rules
from programs.models import Registration

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite has no row locks (SELECT ... FOR UPDATE) and serialises every writer, "
    "so it cannot show concurrent registrations; set DATABASE_URL=postgres://... to run it",
)

PEOPLE = 50
SEATS = 10


@pytest.fixture
def open_course(transactional_db):
    from programs.tests.conftest import make_event, make_program

    return make_event(make_program(), capacity=SEATS, english=False)


def _register_all_at_once(course, emails):
    barrier = threading.Barrier(len(emails))
    errors = []

    def submit(email):
        try:
            barrier.wait(timeout=30)
            rules.register(course, {**_details(), "email": email}, "ar")
        except Exception as error:  # collected and reported by the test, never swallowed
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(email,)) for email in emails]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def _details():
    return dict(
        name_arabic="موظف بلدية",
        name_latin="Municipal Employee",
        phone="+962791234567",
        country="JO",
        city="عمّان",
        organisation="أمانة عمان الكبرى",
        job_title="مهندس",
    )


def test_concurrent_registrations_never_overbook(open_course):
    emails = [f"person{number}@example.org" for number in range(PEOPLE)]

    errors = _register_all_at_once(open_course, emails)

    assert errors == []
    statuses = Counter(Registration.objects.filter(event=open_course).values_list("status", flat=True))
    assert statuses == {Registration.Status.CONFIRMED: SEATS, Registration.Status.WAITLISTED: PEOPLE - SEATS}


def test_concurrent_repeats_of_one_email_make_one_registration(open_course):
    emails = [f"person{number % 25}@example.org" for number in range(PEOPLE)]

    errors = _register_all_at_once(open_course, emails)

    assert errors == []
    registered = list(Registration.objects.filter(event=open_course).values_list("email", flat=True))
    assert sorted(registered) == sorted(set(emails))
    assert Registration.objects.filter(event=open_course, status=Registration.Status.CONFIRMED).count() == SEATS
