"""Fixtures of the apps' own test folders that the cross-app tests use too, and the production static files."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from programs.tests.conftest import course, course_of_module, programs_tree, programs_tree_of_module  # noqa: F401 - fixtures, found by pytest here
from tests import run

# Production installs requirements/base.txt, without brotli, so whitenoise makes gzip copies only; the tests'
# environment has brotli (for fonttools), and compressing every file with it took 22 s of processor time a run.
COLLECT_AS_PRODUCTION = """
import sys
import whitenoise.compress
assert hasattr(whitenoise.compress, "brotli_installed"), "whitenoise no longer has the switch this turns off"
whitenoise.compress.brotli_installed = False
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", *sys.argv[1:]])
"""


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """The static files as production collects them (hashed names, compressed copies), collected once per run
    for the tests that start the site with production settings: collecting takes a dozen seconds."""
    directory, _workers = run.directory_and_workers(tmp_path_factory)
    static_root = directory / "production-static"
    with run.locked(directory / "production-static.lock"):
        if not (static_root / "staticfiles.json").exists():
            environment = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "forum_site.settings.production",
                "SECRET_KEY": "collectstatic-test-only",
                "ALLOWED_HOSTS": "127.0.0.1",
                "STATIC_ROOT": str(static_root),
            }
            collected = subprocess.run(
                [sys.executable, "-c", COLLECT_AS_PRODUCTION, "collectstatic", "--no-input", "--verbosity", "0"],
                cwd=settings.BASE_DIR,
                env=environment,
                capture_output=True,
                text=True,
            )
            assert collected.returncode == 0, collected.stderr
    assert (static_root / "staticfiles.json").exists()
    return static_root
