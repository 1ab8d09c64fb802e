from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from editorial import machine


class Command(BaseCommand):
    help = (
        "Create machine-translated drafts, in English by default, of every page under an Arabic page that has no "
        "version in that language yet. Never publishes; pages already translated are left alone, so it can run "
        "again. Needs WAGTAILLOCALIZE_MACHINE_TRANSLATOR (DEEPL_AUTH_KEY or LIBRETRANSLATE_URL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("page", help="the id or the URL path (e.g. /ar/البرامج/) of the subtree's root page")
        parser.add_argument("--language", default="en", help="the language of the drafts (default: en)")

    def handle(self, *args, page, language, **options):
        root = self._page(page)
        try:
            drafts = machine.draft_subtree(root, language, report=self._progress)
        except machine.NoMachineTranslator as error:
            raise CommandError("No machine translator: set DEEPL_AUTH_KEY or LIBRETRANSLATE_URL.") from error
        self.stdout.write(f"{len(drafts)} draft(s) created in {language}; nothing published.")

    def _progress(self, done, total, page, draft):
        self.stdout.write(f"[{done}/{total}] {page.title} -> {draft.title} (draft)")

    def _page(self, given):
        if given.isdigit():
            found = Page.objects.filter(pk=int(given)).first()
        else:
            # /ar/البرامج/: the language's home page, then the path under it.
            language, *rest = [part for part in given.split("/") if part]
            home = Page.objects.filter(depth=2, locale__language_code=language).first()
            found = home and Page.objects.filter(url_path=home.url_path + "".join(f"{part}/" for part in rest)).first()
        if not found:
            raise CommandError(f"No page {given!r}.")
        return found
