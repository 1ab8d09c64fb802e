"""Registration under concurrent submissions: throughput and latency (p50/p99) on PostgreSQL.

Each worker thread posts the registration form through Django's full request stack (URL routing, Wagtail
page serving, form validation, the locked capacity check, the email sent after commit) with its own
database connection, against a course of limited capacity, then the script checks that no seat was
overbooked. It runs in a throwaway test database on a PostgreSQL server at 127.0.0.1 and stops after
--max-seconds whatever happens.

    DATABASE_URL=postgres://root@127.0.0.1:5432/forum_programs python bench/registration.py
"""

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forum_site.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=8, help="concurrent submitters (threads)")
    parser.add_argument("--submissions", type=int, default=400, help="registrations to submit in all")
    parser.add_argument("--capacity", type=int, default=50, help="seats of the course")
    parser.add_argument("--max-seconds", type=float, default=60, help="stop submitting after this long")
    return parser.parse_args()


def build_course(capacity):
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import Locale, Page

    from demo import home as demo_content
    from home.models import HomePage
    from programs.models import ProgramIndexPage, ProgramPage, TrainingCoursePage

    if Page.get_first_root_node() is None:
        locale, _created = Locale.objects.get_or_create(language_code="ar")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    demo_content.load()
    home = HomePage.objects.get(locale__language_code="ar")
    index = home.add_child(instance=ProgramIndexPage(title="البرامج", slug="البرامج"))
    program = index.add_child(instance=ProgramPage(title="التحول الرقمي", slug="التحول-الرقمي"))
    now = timezone.now()
    course = TrainingCoursePage(
        title="دورة قياس الأداء",
        slug="دورة-قياس-الأداء",
        start_at=now + timedelta(days=30),
        end_at=now + timedelta(days=31),
        delivery_mode=TrainingCoursePage.DeliveryMode.ONLINE,
        capacity=capacity,
        registration_opens_at=now - timedelta(days=1),
    )
    program.add_child(instance=course)
    course.save_revision().publish()
    return course


def submit_all(course_url, args):
    deadline = time.monotonic() + args.max_seconds
    counter = iter(range(args.submissions))
    lock = threading.Lock()
    latencies, statuses, errors = [], [], []

    def next_number():
        with lock:
            return next(counter, None)

    def worker(worker_number):
        client = Client(REMOTE_ADDR=f"127.0.0.{worker_number + 2}")
        try:
            while time.monotonic() < deadline and (number := next_number()) is not None:
                data = {
                    "name_arabic": "موظف بلدية",
                    "name_latin": "Municipal Employee",
                    "email": f"person{number}@example.org",
                    "phone": "+962791234567",
                    "country": "JO",
                    "city": "عمّان",
                    "organisation": "أمانة عمان الكبرى",
                    "job_title": "مهندس",
                    "consent": "on",
                    "website": "",
                }
                started = time.perf_counter()
                try:
                    response = client.post(course_url, data)
                except Exception as error:  # reported in the summary; the benchmark goes on
                    errors.append(repr(error))
                    continue
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(number,)) for number in range(args.workers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=args.max_seconds + 30)
    return time.perf_counter() - started, latencies, statuses, errors


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    args = parse_args()
    database = settings.DATABASES["default"]
    if connection.vendor != "postgresql":
        print("bench/registration.py: skipped, it measures PostgreSQL (set DATABASE_URL=postgres://...@127.0.0.1/...)")
        return 0
    if database.get("HOST") not in LOCAL_HOSTS:
        print(f"bench/registration.py: refusing to run against {database.get('HOST')!r}: 127.0.0.1 only")
        return 1
    # Every submitter comes from a few addresses: the per-IP limit would measure the limiter, not registration.
    settings.PROGRAMS_REGISTRATION_RATE_LIMIT = (10**9, 600)
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.core import mail

        from programs.models import Registration

        course = build_course(args.capacity)
        connections.close_all()
        elapsed, latencies, statuses, errors = submit_all(course.url, args)

        confirmed = Registration.objects.filter(event=course, status=Registration.Status.CONFIRMED).count()
        waitlisted = Registration.objects.filter(event=course, status=Registration.Status.WAITLISTED).count()
        emails = len({message.to[0] for message in mail.outbox})
        print(
            f"PostgreSQL {connection.pg_version // 10000}, {args.workers} concurrent submitters, "
            f"capacity {args.capacity}"
        )
        print(f"submissions:  {len(latencies)} in {elapsed:.2f} s ({len(errors)} errors)")
        print(f"throughput:   {len(latencies) / elapsed:.1f} registrations/s")
        if latencies:
            print(
                f"latency:      p50 {percentile(latencies, 0.50) * 1000:.0f} ms, "
                f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
                f"mean {statistics.fmean(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
            )
        print(f"HTTP statuses: {dict(sorted((code, statuses.count(code)) for code in set(statuses)))}")
        print(f"result:       {confirmed} confirmed, {waitlisted} waitlisted, {emails} registrants emailed")
        overbooked = confirmed > args.capacity
        if overbooked or errors:
            print("FAILED: " + ("overbooked; " if overbooked else "") + "; ".join(errors[:5]))
            return 1
        return 0
    finally:
        connections.close_all()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
