"""Registration under concurrent submissions: throughput and latency (p50/p99) on PostgreSQL, then the rush.

Part one: each worker thread posts the registration form through Django's full request stack (URL routing,
Wagtail page serving, form validation, the locked capacity check, the email recorded in the outbox) with its
own database connection, against a course of limited capacity, then the script checks that no seat was
overbooked.

Part two, the rush: gunicorn with production settings serves the same database, and --rush submitters (200)
post the form at the same moment over HTTP to a course of --rush-seats seats (10), each with a distinct
email; then as many post one and the same email to a second course. It prints confirmed, waitlisted, errors,
duplicates and lost; the goal is exactly 10 / 190 / 0 / 0 / 0, and one registration for the repeated email.

Part three, quotas under concurrency: --workers submitters post --quota-submissions forms (300) through the
full request stack to a course of --quota-capacity seats (25) with quotas: Greater Amman Municipality 10,
Greater Irbid Municipality 6, every other organisation 6, Jordan 14; the registrants come from those three
organisations (Muscat's staff choose "another organisation"). It prints the seats taken in each quota against
its limit, the waitlist, errors and throughput, and fails if any quota or the capacity is exceeded or a seat
is left idle while someone waits.

Also certificates of attendance (--certificates, 50): issued per second, and generated per second
(the bilingual PDF with shaped Arabic and its QR code, as the email sender builds it).

It runs in a throwaway test database on a PostgreSQL server at 127.0.0.1; each part stops after --max-seconds
whatever happens.

    DATABASE_URL=postgres://root@127.0.0.1:5432/forum_programs python bench/registration.py
"""

import argparse
import http.client
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.append(str(Path(__file__).resolve().parent))  # bench/server.py, after the apps (bench/search.py)
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
    parser.add_argument("--certificates", type=int, default=50, help="certificates to issue and render (0: skip)")
    parser.add_argument("--rush", type=int, default=200, help="submitters at once through gunicorn (0: skip)")
    parser.add_argument("--rush-seats", type=int, default=10, help="seats of the rushed course")
    parser.add_argument("--rush-workers", type=int, default=4, help="gunicorn workers for the rush")
    parser.add_argument(
        "--quota-submissions", type=int, default=300, help="registrations for the quota course (0: skip)"
    )
    parser.add_argument("--quota-capacity", type=int, default=25, help="seats of the quota course")
    return parser.parse_args()


def build_program():
    from wagtail.models import Locale, Page

    from demo import home as demo_content
    from home.models import HomePage
    from programs.models import ProgramIndexPage, ProgramPage

    if Page.get_first_root_node() is None:
        locale, _created = Locale.objects.get_or_create(language_code="ar")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    demo_content.load()
    home = HomePage.objects.get(locale__language_code="ar")
    index = home.add_child(instance=ProgramIndexPage(title="البرامج", slug="البرامج"))
    return index.add_child(instance=ProgramPage(title="التحول الرقمي", slug="التحول-الرقمي"))


def build_course(program, capacity, number=1, **fields):
    from datetime import timedelta

    from django.utils import timezone

    from programs.models import TrainingCoursePage

    program = type(program).objects.get(pk=program.pk)  # its tree fields as they are now, after other children
    now = timezone.now()
    course = TrainingCoursePage(
        title=f"دورة قياس الأداء {number}",
        slug=f"دورة-قياس-الأداء-{number}",
        start_at=now + timedelta(days=30),
        end_at=now + timedelta(days=31),
        delivery_mode=TrainingCoursePage.DeliveryMode.ONLINE,
        capacity=capacity,
        registration_opens_at=now - timedelta(days=1),
        **fields,
    )
    program.add_child(instance=course)
    course.save_revision().publish()
    return course


def form_data(email, **overrides):
    return {
        "name_arabic": "موظف بلدية",
        "name_latin": "Municipal Employee",
        "email": email,
        "phone": "+962791234567",
        "country": "JO",
        "city": "عمّان",
        "organisation": "أمانة عمان الكبرى",
        "job_title": "مهندس",
        "consent": "on",
        "website": "",
        **overrides,
    }


def submit_all(course_url, args, submissions=None, data_for=None):
    deadline = time.monotonic() + args.max_seconds
    counter = iter(range(submissions or args.submissions))
    data_for = data_for or (lambda number: form_data(f"person{number}@example.org"))
    lock = threading.Lock()
    latencies, statuses, errors = [], [], []

    def next_number():
        with lock:
            return next(counter, None)

    def worker(worker_number):
        client = Client(REMOTE_ADDR=f"127.0.0.{worker_number + 2}")
        try:
            while time.monotonic() < deadline and (number := next_number()) is not None:
                data = data_for(number)
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


def rush(base, path, emails, max_seconds):
    """Every submitter posts the form at the same moment over HTTP; returns {email: status or error}."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    barrier = threading.Barrier(len(emails))
    answers = {}

    def submit(index, email):
        body = urlencode(form_data(email)).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": base,
            # Each submitter its own address (gunicorn believes X-Forwarded-For from 127.0.0.1), should the
            # site count them per client; the limit is raised anyway, as the rush measures registration.
            "X-Forwarded-For": f"10.0.{index // 250}.{index % 250 + 1}",
        }
        answer = None
        try:
            barrier.wait(timeout=max_seconds)
            connection = http.client.HTTPConnection(host, port, timeout=max_seconds)
            connection.request("POST", quote(path, safe="/%"), body=body, headers=headers)  # Wagtail's url is quoted
            response = connection.getresponse()
            response.read()
            location = response.getheader("Location") or ""
            ok = response.status == 302 and "/programs/registration/" in location
            answer = response.status if not ok else "registered"
            connection.close()
        except Exception as error:  # counted as an error in the summary
            answer = repr(error)
        answers[(index, email)] = answer

    threads = [threading.Thread(target=submit, args=pair) for pair in enumerate(emails)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max_seconds + 30)
    return answers


def tally(course, answers, submitted):
    from django.db.models import Count

    from programs.models import Registration

    active = Registration.objects.filter(event=course).exclude(status=Registration.Status.CANCELLED)
    registered = {email for (_index, email), answer in answers.items() if answer == "registered"}
    extra_rows = active.values("email").annotate(rows=Count("pk")).filter(rows__gt=1)
    return {
        "confirmed": active.filter(status=Registration.Status.CONFIRMED).count(),
        "waitlisted": active.filter(status=Registration.Status.WAITLISTED).count(),
        # Anything but the redirect to the "received" page, and submitters that got no answer at all.
        "errors": submitted - sum(1 for answer in answers.values() if answer == "registered"),
        "duplicates": sum(row["rows"] - 1 for row in extra_rows),
        "lost": len(registered - set(active.values_list("email", flat=True))),
    }


def run_rush(args, program):
    """Part two: gunicorn with production settings over this test database, rushed by --rush submitters."""
    from server import Site

    from programs.models import RegistrationEmail

    database = settings.DATABASES["default"]
    site = Site()
    site.env.update(
        DATABASE_URL=(
            f"postgres://{quote(database['USER'] or '')}:{quote(database['PASSWORD'] or '')}@"
            f"{database['HOST']}:{database['PORT'] or 5432}/{database['NAME']}"
        ),
        REGISTRATION_RATE_LIMIT=str(10**9),
        EMAIL_URL="consolemail://",
    )
    try:
        site.manage("compile_translations", "--verbosity", "0")
        site.manage("collectstatic", "--no-input", "--verbosity", "0")
        distinct_course = build_course(program, args.rush_seats, number=2)
        repeated_course = build_course(program, args.rush_seats, number=3)
        connections.close_all()
        base = site.start(workers=args.rush_workers)
        started = time.perf_counter()
        distinct = rush(base, distinct_course.url, [f"rush{n}@example.org" for n in range(args.rush)], args.max_seconds)
        distinct_seconds = time.perf_counter() - started
        started = time.perf_counter()
        repeated = rush(base, repeated_course.url, ["same.person@example.org"] * args.rush, args.max_seconds)
        repeated_seconds = time.perf_counter() - started
    finally:
        site.close()

    one = tally(distinct_course, distinct, args.rush)
    same = tally(repeated_course, repeated, args.rush)
    owed = RegistrationEmail.objects.filter(registration__event=distinct_course).count()
    notices = RegistrationEmail.objects.filter(
        registration__event=repeated_course, kind=RegistrationEmail.Kind.ALREADY_REGISTERED
    ).count()
    print(
        f"rush through gunicorn ({args.rush_workers} workers, production settings): {args.rush} submitters at "
        f"once, {args.rush_seats} seats"
    )
    print(
        f"  distinct emails ({distinct_seconds:.1f} s): confirmed {one['confirmed']}, waitlisted {one['waitlisted']}, "
        f"errors {one['errors']}, duplicates {one['duplicates']}, lost {one['lost']}; {owed} emails in the outbox"
    )
    print(
        f"  one email repeated ({repeated_seconds:.1f} s): registrations {same['confirmed'] + same['waitlisted']} "
        f"(confirmed {same['confirmed']}), errors {same['errors']}, duplicates {same['duplicates']}, "
        f"lost {same['lost']}; {notices} notice to the address's owner"
    )
    goal = {"confirmed": args.rush_seats, "waitlisted": args.rush - args.rush_seats, "errors": 0, "duplicates": 0}
    met = all(one[key] == value for key, value in goal.items()) and one["lost"] == 0
    met = met and same["confirmed"] == 1 and same["waitlisted"] == 0 and same["errors"] == 0
    if not met:
        failures = [answer for answer in [*distinct.values(), *repeated.values()] if answer != "registered"]
        print("FAILED: the goal is " + " / ".join(str(value) for value in goal.values()) + " / 0; " + str(failures[:5]))
    return met


def run_quotas(args, program):
    """Part three: quotas under concurrent submissions through the full request stack."""
    from collections import Counter

    from django.utils import translation

    from programs.models import Registration, SeatBook, SeatQuota
    from programs.tests.quotas import country_quota, make_organisation, organisation_quota, other_organisations_quota

    amman = make_organisation("أمانة عمان الكبرى", "Greater Amman Municipality")
    irbid = make_organisation("بلدية إربد الكبرى", "Greater Irbid Municipality")
    quotas = [
        organisation_quota(amman, 10),
        organisation_quota(irbid, 6),
        other_organisations_quota(6),
        country_quota("JO", 14),
    ]
    course = build_course(program, args.quota_capacity, number=4, seat_quotas=quotas)
    connections.close_all()
    # One registrant in three from each organisation; Muscat's staff choose "another organisation" and name it.
    senders = [
        {"organisation_choice": str(amman.pk), "organisation": ""},
        {"organisation_choice": str(irbid.pk), "organisation": ""},
        {"organisation_choice": "other", "organisation": "بلدية مسقط", "country": "OM"},
    ]

    def data_for(number):
        return form_data(f"quota{number}@example.org", **senders[number % 3])

    elapsed, latencies, statuses, errors = submit_all(course.url, args, args.quota_submissions, data_for)
    book = SeatBook(course)
    registrations = Registration.objects.filter(event=course)
    by_status = Counter(registrations.values_list("status", flat=True))
    print(
        f"quotas under concurrency: {args.workers} submitters, {len(latencies)} submissions in {elapsed:.2f} s "
        f"({len(latencies) / elapsed:.1f} registrations/s), {len(errors)} errors, "
        f"HTTP {dict(sorted((code, statuses.count(code)) for code in set(statuses)))}"
    )
    over = []
    with translation.override("en"):  # countries and kinds of quota in English; organisations by their name
        for quota in SeatQuota.objects.filter(event=course).select_related("organisation"):
            taken = book.taken_in[quota.pk]
            print(f"  {quota.label}: {taken} of {quota.seats} seats")
            if taken > quota.seats:
                over.append(quota.label)
    print(f"  all: {book.taken} of {course.capacity} seats; waitlisted {by_status[Registration.Status.WAITLISTED]}")
    # Here the capacity (25) is more than the quotas allow together (Jordan 14 and the others 6): every quota
    # that binds must be full, or someone waits for a seat that is free.
    idle = book.taken_in[quotas[3].pk] < 14 or book.taken_in[quotas[2].pk] < 6
    if over or book.taken > course.capacity or idle or errors:
        print(f"FAILED: over {over}, idle {idle}; " + "; ".join(errors[:5]))
        return False
    return True


def run_certificates(course, count):
    """Certificates of attendance for the course's first `count` confirmed registrants. Prints
    certificates issued per second (rows and their emails in the outbox) and generated per second (the PDF,
    shaped Arabic and QR code, as the sender attaches it), on one core."""
    from attendance.certificates import issue_certificates, verification_url
    from attendance.checkin import mark_attendance
    from attendance.models import AttendanceLog, Certificate
    from attendance.pdf import build_certificate_pdf
    from programs.emails import build_message
    from programs.models import Registration, RegistrationEmail

    chosen = list(Registration.objects.filter(event=course, status=Registration.Status.CONFIRMED)[:count])
    mark_attendance(chosen, True, method=AttendanceLog.Method.LIST)
    started = time.perf_counter()
    report = issue_certificates(Registration.objects.filter(pk__in=[r.pk for r in chosen]), hours=6)
    issue_seconds = time.perf_counter() - started
    certificates = list(Certificate.objects.filter(registration__event=course).select_related("registration__event"))
    started = time.perf_counter()
    sizes = [len(build_certificate_pdf(certificate, verification_url(certificate))) for certificate in certificates]
    pdf_seconds = time.perf_counter() - started
    emails = list(
        RegistrationEmail.objects.filter(registration__event=course, kind=RegistrationEmail.Kind.CERTIFICATE)[:10]
    )
    started = time.perf_counter()
    for email in emails:
        build_message(email).message()
    email_seconds = time.perf_counter() - started
    print(f"certificates: {report.issued} issued in {issue_seconds:.2f} s ({report.issued / issue_seconds:.0f}/s)")
    print(
        f"  generated:  {len(sizes)} PDFs in {pdf_seconds:.2f} s: {len(sizes) / pdf_seconds:.1f} certificates/s "
        f"on one core, {statistics.fmean(sizes) / 1024:.0f} KiB each"
    )
    if emails:
        print(f"  emailed:    {len(emails) / email_seconds:.1f} certificate emails built/s (PDF attached)")
    return report.issued == len(chosen) == len(sizes)


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
        from programs.models import Registration, RegistrationEmail

        program = build_program()
        course = build_course(program, args.capacity)
        connections.close_all()
        elapsed, latencies, statuses, errors = submit_all(course.url, args)

        confirmed = Registration.objects.filter(event=course, status=Registration.Status.CONFIRMED).count()
        waitlisted = Registration.objects.filter(event=course, status=Registration.Status.WAITLISTED).count()
        owed = RegistrationEmail.objects.filter(registration__event=course).count()
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
        print(f"result:       {confirmed} confirmed, {waitlisted} waitlisted, {owed} emails in the outbox")
        overbooked = confirmed > args.capacity
        if overbooked or errors:
            print("FAILED: " + ("overbooked; " if overbooked else "") + "; ".join(errors[:5]))
            return 1
        if args.quota_submissions and not run_quotas(args, program):
            return 1
        if args.certificates and not run_certificates(course, args.certificates):
            print("FAILED: not every attendee got a certificate")
            return 1
        if args.rush and not run_rush(args, program):
            return 1
        return 0
    finally:
        connections.close_all()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
