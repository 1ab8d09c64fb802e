"""Render the cover of every edition that has none yet (editions saved before covers existed), with progress."""

from django.core.management.base import BaseCommand

from publications.models import PublicationEdition


class Command(BaseCommand):
    help = "Render the first page of each PDF edition without a cover as its cover."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="render every edition's cover again")

    def handle(self, *args, all=False, **options):
        editions = PublicationEdition.objects.select_related("document", "document__collection").order_by("pk")
        if not all:
            editions = editions.filter(cover_from__isnull=True)
        total = editions.count()
        rendered = 0
        for number, edition in enumerate(editions.iterator(), 1):
            edition.cover_from = None
            edition.render_cover()
            edition.save(update_fields=["cover", "cover_from"])
            rendered += edition.cover_id is not None
            self.stdout.write(f"\r{number}/{total} editions", ending="")
        self.stdout.write(f"\n{rendered} of {total} editions have a cover.")
