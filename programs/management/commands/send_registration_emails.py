import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from programs.emails import send_due_emails


class Command(BaseCommand):
    help = (
        "Send the registration emails that are due (the outbox). Run it every minute from cron; overlapping runs "
        "send each email once. With --watch it keeps running and looks for new emails every few seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--watch", action="store_true", help="keep running, as `make run` does")
        parser.add_argument("--interval", type=float, default=3, help="seconds between looks with --watch")

    def handle(self, *args, watch=False, interval=3, **options):
        if not watch:
            self.report(send_due_emails())
            return
        self.stopping = False
        signal.signal(signal.SIGTERM, self.stop)
        try:
            while not self.stopping:
                report = send_due_emails()
                if report.sent or report.retrying or report.failed:
                    self.report(report)
                close_old_connections()
                time.sleep(interval)
        except KeyboardInterrupt:
            pass

    def stop(self, *args):
        self.stopping = True

    def report(self, report):
        self.stdout.write(f"sent: {report.sent}, to retry later: {report.retrying}, failed for good: {report.failed}")
        if report.failed:
            self.stderr.write(self.style.WARNING("Some emails failed for good; coordinators see them in the admin."))
