from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every .po catalogue of the project to .mo, without needing GNU gettext installed."

    def handle(self, *args, **options):
        # compilemessages needs GNU gettext's msgfmt; `make run` must work with nothing but Python.
        for po_path in project_catalogues():
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            if options["verbosity"] > 1:
                self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")


def project_catalogues():
    base = Path(settings.BASE_DIR)
    return sorted(
        path
        for path in base.glob("**/locale/*/LC_MESSAGES/*.po")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    )
