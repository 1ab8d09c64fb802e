"""A hundred people from three organisations press "Register" at once for a course with quotas: no quota and no
capacity is ever exceeded, and no seat is left idle while someone who fits it waits, on PostgreSQL."""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from programs import rules
from programs.models import EventPage, Registration

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite has no row locks (SELECT ... FOR UPDATE) and serialises every writer, "
    "so it cannot show concurrent registrations; set DATABASE_URL=postgres://... to run it",
)

CAPACITY = 15  # fewer than Jordan's and the others' quotas together: the capacity binds too
AMMAN_SEATS, IRBID_SEATS, OTHERS_SEATS, JORDAN_SEATS = 8, 6, 5, 12
# (organisation, country, people): Amman and Irbid hold quotas; Muscat counts in "every other organisation".
CROWD = [("amman", "JO", 40), ("irbid", "JO", 30), ("muscat", "OM", 30)]
# The hundred threads start together; at most this many hold a database connection at once, as a pool of app
# servers would: the PostgreSQL server on the development machines allows 100 connections for everyone.
CONNECTIONS = 40


@pytest.fixture
def quota_course(transactional_db):
    from programs.tests.conftest import make_event, make_program
    from programs.tests.quotas import (
        country_quota,
        make_organisation,
        organisation_quota,
        other_organisations_quota,
    )

    amman = make_organisation("أمانة عمان الكبرى", "Greater Amman Municipality")
    irbid = make_organisation("بلدية إربد الكبرى", "Greater Irbid Municipality")

    def build(approval):
        course = make_event(
            make_program(),
            capacity=CAPACITY,
            approval=approval,
            seat_quotas=[
                organisation_quota(amman, AMMAN_SEATS),
                organisation_quota(irbid, IRBID_SEATS),
                other_organisations_quota(OTHERS_SEATS),
                country_quota("JO", JORDAN_SEATS),
            ],
        )
        return course, {"amman": amman.pk, "irbid": irbid.pk, "muscat": None}

    return build


def _register_all_at_once(course, people):
    barrier = threading.Barrier(len(people))
    connection_slots = threading.BoundedSemaphore(CONNECTIONS)
    errors = []

    def submit(email, country, organisation_id):
        barrier.wait(timeout=60)
        with connection_slots:
            _submit(email, country, organisation_id)

    def _submit(email, country, organisation_id):
        try:
            details = {
                "name_arabic": "موظف بلدية",
                "name_latin": "Municipal Employee",
                "email": email,
                "phone": "+962791234567",
                "country": country,
                "city": "عمّان",
                "organisation": "بلدية",
                "quota_organisation_id": organisation_id,
                "job_title": "مهندس",
            }
            rules.register(course, details, "ar")
        except Exception as error:  # collected and reported by the test, never swallowed
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=person) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return errors


@pytest.mark.parametrize("approval", [EventPage.Approval.NONE, EventPage.Approval.COORDINATOR])
def test_a_hundred_concurrent_registrations_never_exceed_a_quota_or_the_capacity(quota_course, approval):
    course, organisation_ids = quota_course(approval)
    people = [
        (f"{name}{number}@example.org", country, organisation_ids[name])
        for name, country, count in CROWD
        for number in range(count)
    ]

    errors = _register_all_at_once(course, people)

    assert errors == []
    rows = list(Registration.objects.filter(event=course).values_list("email", "status"))
    assert len(rows) == 100
    seated = Counter(_organisation(email) for email, status in rows if status in Registration.HOLDING_SEAT)
    waiting = Counter(_organisation(email) for email, status in rows if status == Registration.Status.WAITLISTED)
    assert seated["amman"] <= AMMAN_SEATS and seated["irbid"] <= IRBID_SEATS and seated["muscat"] <= OTHERS_SEATS
    assert seated["amman"] + seated["irbid"] <= JORDAN_SEATS
    assert sum(seated.values()) <= CAPACITY
    # No seat is left idle: every seat is taken, the rest wait.
    assert sum(seated.values()) == CAPACITY
    assert sum(waiting.values()) == 100 - CAPACITY


def _organisation(email):
    return email.split("@")[0].rstrip("0123456789")
