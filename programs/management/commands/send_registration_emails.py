from django.core.management.base import BaseCommand

from programs.emails import retry_unsent_emails


class Command(BaseCommand):
    help = "Send every registration email still owed (failed or never sent). Safe to run from cron."

    def handle(self, *args, **options):
        sent, failed = retry_unsent_emails()
        self.stdout.write(f"sent: {sent}, still failing: {failed}")
        if failed:
            self.stderr.write(self.style.WARNING("Some emails failed again; see the log for the errors."))
