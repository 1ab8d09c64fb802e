from contextlib import chdir
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Never translated: the virtual environment, the benchmarks and the tests.
NOT_SOURCES = [".venv/*", "bench/*", "tests/*"]


class Command(BaseCommand):
    help = (
        "Update every Arabic catalogue from the sources (needs GNU gettext): the site's, then each app's own, "
        "then compile them. One process for all of them: a makemessages run per catalogue took ten startups."
    )

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        # Apps that keep their own catalogue in <app>/locale/; the site's catalogue holds everything else.
        apps = sorted(path.parent.name for path in base.glob("*/locale") if not path.parent.name.startswith("."))
        quiet = {"verbosity": max(options["verbosity"] - 1, 0)}
        with chdir(base):
            ignore = [f"{app}/*" for app in apps] + NOT_SOURCES
            call_command("makemessages", locale=["ar"], no_obsolete=True, ignore_patterns=ignore, **quiet)
        for app in apps:
            with chdir(base / app):
                call_command("makemessages", locale=["ar"], no_obsolete=True, **quiet)
            self.stdout.write(f"{app}: updated")
        call_command("compile_translations", **quiet)
        self.stdout.write(self.style.SUCCESS(f"The site's catalogue and {len(apps)} apps' are up to date."))
