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
    """`make messages` would add nothing: no string was added to the code without its translation.

    It runs on a copy of the sources, so the tracked catalogues are never rewritten.
    """
    copy = tmp_path / "site"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "media",
            ".test-media",
            "test-artifacts",
            ".hypothesis",
            "staticfiles",
            "*.sqlite3",
            "*.pdf",
        ),
    )
    (copy / ".venv").symlink_to(BASE_DIR / ".venv")
    subprocess.run(["make", "-s", "messages", f"PYTHON={sys.executable}"], cwd=copy, check=True, capture_output=True)

    new_strings = {}
    for path in project_catalogues():
        copied = copy / path.relative_to(BASE_DIR)
        missing = [entry.msgid for entry in polib.pofile(str(copied)).untranslated_entries()]
        if missing:
            new_strings[str(path.relative_to(BASE_DIR))] = missing
    assert not new_strings, f"strings without an Arabic translation: {new_strings}"
