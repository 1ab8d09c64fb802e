"""Issue certificates of attendance to everyone who attended a course and has none yet, and owe their emails."""

from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError

from attendance.certificates import issue_certificates
from programs.models import EventPage, Registration


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("event", type=int, help="the course's or workshop's page id (either language)")
        parser.add_argument("--hours", help="hours of training on the certificates (default: from the dates)")
        parser.add_argument("--no-email", action="store_true", help="issue without emailing the certificates")

    def handle(self, event, hours=None, no_email=False, **options):
        page = EventPage.objects.filter(pk=event).first()
        if page is None:
            raise CommandError(f"No course or workshop has the id {event}.")
        if hours is not None:
            try:
                hours = Decimal(hours)
            except InvalidOperation:
                raise CommandError(f"--hours must be a number, not {hours!r}.") from None
            if not 0 < hours < 1000:
                raise CommandError("--hours must be between 0 and 1000.")
        source = page.source_event
        registrations = Registration.objects.filter(event_id=source.pk)
        self.stdout.write(f"{source.title}: {registrations.filter(attended=True).count()} attended")

        def progress(done, total):
            if done == total or done % 10 == 0:
                self.stdout.write(f"  {done}/{total} issued", ending="\r" if done < total else "\n")
                self.stdout.flush()

        report = issue_certificates(registrations, hours=hours, send_email=not no_email, progress=progress)
        emails = "" if no_email else "; their emails are in the outbox (send_registration_emails sends them)"
        self.stdout.write(self.style.SUCCESS(f"{report.issued} certificates issued, {report.skipped} left out{emails}"))
