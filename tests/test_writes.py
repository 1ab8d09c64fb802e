"""The suite keeps the database as a committing test left it only when that test wrote nothing (tests/writes.py):
a write it missed would leak into the next test."""

import subprocess
import threading

import pytest
from django.db import connection, connections

from home.models import Topic
from tests import writes

pytestmark = pytest.mark.django_db

# Changes no row, but is a write all the same.
NO_OP_UPDATE = "UPDATE wagtailcore_locale SET language_code = language_code WHERE false"


def test_reads_are_not_writes():
    moment = writes.mark()

    list(Topic.objects.all())
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM wagtailcore_page")

    assert not writes.since(moment)


def test_a_write_through_the_orm_is_seen():
    moment = writes.mark()

    Topic.objects.filter(pk=-1).update(slug="x")

    assert writes.since(moment)


def test_a_write_on_another_threads_connection_is_seen():
    """As the live server's thread writes."""
    moment = writes.mark()

    def write():
        with connection.cursor() as cursor:
            cursor.execute(NO_OP_UPDATE)
        connections.close_all()

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()

    assert writes.since(moment)


def test_a_started_process_counts_as_a_write():
    moment = writes.mark()

    subprocess.run(["true"], check=True)

    assert writes.since(moment)


def test_only_statements_can_be_taken_back():
    moment = writes.mark()
    Topic.objects.filter(pk=-1).delete()
    writes.take_back(moment)
    assert not writes.since(moment)

    subprocess.run(["true"], check=True)
    writes.take_back(moment)
    assert writes.since(moment)
