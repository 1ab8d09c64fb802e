"""What each app server process would otherwise build during its first requests, built once in gunicorn's
master process before it forks the workers (gunicorn.conf.py: `preload_app`, `when_ready`): the cache's and
the database's client libraries imported, the site's templates compiled, each language's message catalogues
read and URL patterns resolved, the apps' Wagtail hooks found. A worker replaced after `max_requests`
inherits them all: its first request took a tenth of a second, most of it importing the Redis client.

Nothing here reads the database or the cache, so no worker inherits a connection.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string
from wagtail import hooks


def site_templates():
    """The names of the templates of the project's own folders (not Django's, Wagtail's or other libraries')."""
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    for app in apps.get_app_configs():
        path = Path(app.path)
        if path.is_relative_to(settings.BASE_DIR) and "site-packages" not in path.parts:
            folders.append(path / "templates")
    for folder in folders:
        for file in folder.rglob("*"):
            if file.suffix in (".html", ".txt", ".xml") and file.is_file():
                yield file.relative_to(folder).as_posix()


def warm():
    # Imported, not connected: the first command opens a worker's own connection.
    for alias in settings.CACHES:
        import_string(settings.CACHES[alias]["BACKEND"])
    for alias in connections:
        connections[alias].ops  # noqa: B018 - the backend's modules are imported on first access
    for name in site_templates():
        get_template(name)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reverse("search")
    hooks.search_for_hooks()
