from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks


class Command(BaseCommand):
    help = "Build the bilingual demo site (Arabic, with English translations). Running it again changes nothing."

    def handle(self, *args, **options):
        # Each app adds its own content through the `load_demo_content` hook, after the home tree exists.
        loaders = hooks.get_hooks("load_demo_content")
        with transaction.atomic():
            for load in loaders:
                created = load()
                self.stdout.write(f"{load.__module__}: {created} created")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
