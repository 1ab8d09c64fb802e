"""The release in the cache's keys (forum_site/release.py): a new release renders its pages anew instead of serving
what the last one cached, while servers of one release share the cache."""

import os
import shutil
import subprocess
import sys

from django.conf import settings as django_settings

from forum_site import release


def _project(tmp_path):
    """A small copy of a project: an app with a template and a catalogue, static sources, requirements."""
    root = tmp_path / "site"
    for name, text in {
        "programs/__init__.py": "",
        "programs/models.py": "FIELDS = 1\n",
        "programs/templates/programs/event_page.html": "<h1>{{ page.title }}</h1>\n",
        "locale/ar/LC_MESSAGES/django.po": 'msgid "Register"\nmsgstr "سجّل"\n',
        "static/css/site.css": "body { margin: 0; }\n",
        "requirements/base.txt": "wagtail==8.0\n",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_copies_of_one_release_agree_whatever_their_dates(tmp_path):
    root = _project(tmp_path)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    for path in copy.rglob("*"):
        os.utime(path, (1_000_000, 1_000_000))

    assert release.fingerprint(copy) == release.fingerprint(root)


def test_a_change_to_code_templates_catalogues_static_files_or_requirements_is_a_new_release(tmp_path):
    root = _project(tmp_path)
    seen = {release.fingerprint(root)}
    for name, text in {
        "programs/models.py": "FIELDS = 2\n",
        "programs/templates/programs/event_page.html": "<h1 class='title'>{{ page.title }}</h1>\n",
        "locale/ar/LC_MESSAGES/django.po": 'msgid "Register"\nmsgstr "سجّل الآن"\n',
        "static/css/site.css": "body { margin: 1rem; }\n",
        "requirements/base.txt": "wagtail==8.0.1\n",
    }.items():
        (root / name).write_text(text, encoding="utf-8")
        seen.add(release.fingerprint(root))

    assert len(seen) == 6


def test_what_the_site_compiles_collects_or_stores_is_not_part_of_the_release(tmp_path):
    root = _project(tmp_path)
    before = release.fingerprint(root)
    for name in (
        "programs/__pycache__/models.cpython-311.pyc",
        "locale/ar/LC_MESSAGES/django.mo",
        "staticfiles/css/site.0123456789ab.css",
        "media/images/cover.png",
        ".venv/lib/site.py",
        "test-artifacts/screenshots/ar-home-phone.png",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"built")

    assert release.fingerprint(root) == before


def test_the_cache_keys_carry_the_release_named_by_the_deployment_or_else_the_fingerprint():
    assert django_settings.CACHES["default"]["KEY_PREFIX"] == f"forum:{django_settings.RELEASE}"
    if not os.environ.get("RELEASE"):
        assert django_settings.RELEASE == release.fingerprint(django_settings.BASE_DIR)
    named = subprocess.run(
        [sys.executable, "-c", "from forum_site.settings import test; print(test.CACHES['default']['KEY_PREFIX'])"],
        cwd=django_settings.BASE_DIR,
        env={**os.environ, "RELEASE": "2026-12-01.1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert named.stdout.strip() == "forum:2026-12-01.1"


def test_a_new_release_renders_a_page_the_last_one_cached(client, site_tree, settings):
    assert client.get("/ar/")["X-Page-Cache"] == "miss"
    assert client.get("/ar/")["X-Page-Cache"] == "hit"

    settings.CACHES = {"default": {**settings.CACHES["default"], "KEY_PREFIX": "forum:the-next-release"}}

    assert client.get("/ar/")["X-Page-Cache"] == "miss"
    assert client.get("/ar/")["X-Page-Cache"] == "hit"
