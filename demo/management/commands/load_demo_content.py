from django.core.management.base import BaseCommand
from django.db import transaction

from demo import attendance, home, news, partners, programs, publications, search

# The home tree first: every other section hangs under it, and later sections link to earlier ones
# (courses and publications to MoUs, news to all of them).
SECTIONS = [home, partners, programs, attendance, publications, news, search]


class Command(BaseCommand):
    help = "Build the bilingual demo site (Arabic, with English translations). Running it again changes nothing."

    def handle(self, *args, **options):
        with transaction.atomic():
            for section in SECTIONS:
                created = section.load()
                self.stdout.write(f"{section.__name__}: {created} created")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
