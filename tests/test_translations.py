"""Every string a visitor or editor sees has its Arabic translation."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from forum_site.management.commands.compile_translations import project_catalogues

BASE_DIR = Path(settings.BASE_DIR)


def test_there_is_an_arabic_catalogue_for_the_site_and_each_app():
    owners = {path.parents[3].relative_to(BASE_DIR).as_posix() for path in project_catalogues()}
    assert {".", "home", "partners"} <= owners


@pytest.mark.parametrize("catalogue", project_catalogues(), ids=lambda path: str(path.relative_to(BASE_DIR)))
def test_catalogue_has_an_arabic_translation_for_every_string(catalogue):
    po = polib.pofile(str(catalogue))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {catalogue}: {untranslated}"
    assert not fuzzy, f"fuzzy (unchecked) in {catalogue}: {fuzzy}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_catalogues_hold_every_string_of_the_sources(tmp_path):
    """`make messages` would add nothing: no string was added to the code without its translation."""
    backups = {path: path.read_bytes() for path in project_catalogues()}
    try:
        subprocess.run(
            ["make", "-s", "messages", f"PYTHON={sys.executable}"], cwd=BASE_DIR, check=True, capture_output=True
        )
        new_strings = {}
        for path in project_catalogues():
            missing = [entry.msgid for entry in polib.pofile(str(path)).untranslated_entries()]
            if missing:
                new_strings[str(path.relative_to(BASE_DIR))] = missing
    finally:
        for path in project_catalogues():
            if path not in backups:
                path.unlink()
        for path, content in backups.items():
            path.write_bytes(content)
        subprocess.run(
            [sys.executable, "manage.py", "compile_translations"], cwd=BASE_DIR, check=True, capture_output=True
        )
    assert not new_strings, f"strings without an Arabic translation: {new_strings}"
