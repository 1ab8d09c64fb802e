from django.conf import settings
from django.core.management.base import BaseCommand

from programs.privacy import anonymise_registrations


class Command(BaseCommand):
    help = (
        "Anonymise the personal data of registrations for events that ended more than N months ago "
        "(N: --months, else the PERSONAL_DATA_RETENTION_MONTHS setting)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None)

    def handle(self, *args, months=None, **options):
        if months is None:
            months = settings.PROGRAMS_PERSONAL_DATA_RETENTION_MONTHS
        count = anonymise_registrations(months)
        self.stdout.write(f"anonymised {count} registrations of events that ended more than {months} months ago")
