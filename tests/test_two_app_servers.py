"""Two app servers (gunicorn, production settings) on one PostgreSQL database and one Redis: a page published
through the admin of one is what the other serves at the next request, although both had it cached."""

import os
import socket
import subprocess
import sys
import time

import pytest
import requests
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

REDIS_DB = 5
pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="two app servers share one database: run with DATABASE_URL on PostgreSQL",
)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url():
    db = connection.settings_dict
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}/{db['NAME']}"


class AppServer:
    """One gunicorn with production settings, on a free port of 127.0.0.1, seen as behind an HTTPS proxy."""

    def __init__(self, env):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "forum_site.wsgi", "--config", "gunicorn.conf.py"],
            cwd=settings.BASE_DIR,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": "1"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.cookies = {}

    def wait_until_healthy(self, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if requests.get(self.base + "/health/", timeout=15).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        self.process.kill()
        raise AssertionError(f"gunicorn did not start: {self.process.stderr.read().decode()[-2000:]}")

    def request(self, method, path, **kwargs):
        # Production cookies are Secure: sent by hand, as a browser would over the proxy's HTTPS.
        headers = {"X-Forwarded-Proto": "https", **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def _form_fields(html, form_selector):
    """What a browser would post from the form: every named field with its current value."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    fields = {}
    for element in form.select("input[name], textarea[name], select[name]"):
        kind = element.get("type", "text")
        if kind in ("submit", "button", "file") or kind in ("checkbox", "radio") and not element.has_attr("checked"):
            continue
        if element.name == "textarea":
            fields[element["name"]] = element.text
        elif element.name == "select":
            chosen = element.select_one("option[selected]")
            fields[element["name"]] = chosen["value"] if chosen else ""
        else:
            fields[element["name"]] = element.get("value", "")
    return fields


@pytest.fixture
def two_app_servers(transactional_db, production_static):
    redis = pytest.importorskip("redis")
    store = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    try:
        store.flushdb()
    except redis.ConnectionError:
        pytest.skip("Redis is not answering on 127.0.0.1:6379")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "forum_site.settings.production",
        "SECRET_KEY": "two-app-servers-test-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "STATIC_ROOT": str(production_static),
        "SECURE_SSL_REDIRECT": "False",
        "GUNICORN_ACCESS_LOG": "",
    }
    servers = [AppServer(env), AppServer(env)]
    try:
        for server in servers:
            server.wait_until_healthy()
        yield servers
    finally:
        for server in servers:
            server.stop()
        store.flushdb()


def test_page_published_through_one_server_is_served_by_the_other(two_app_servers):
    from demo import home as demo_home
    from home.models import HomePage

    demo_home.load()  # the base tree, there already unless a committing test before this one emptied it
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org")
    # Hashed as production checks it (the test settings hash with MD5, which production does not read).
    editor.password = PBKDF2PasswordHasher().encode("two-servers-pass", PBKDF2PasswordHasher().salt())
    editor.save()
    home = HomePage.objects.get(locale__language_code="ar")
    first, second = two_app_servers

    for server in (first, second):
        server.request("GET", "/ar/")
    assert second.request("GET", "/ar/").headers["X-Page-Cache"] == "hit"

    origin = {"Origin": f"https://127.0.0.1:{first.port}", "Referer": f"https://127.0.0.1:{first.port}/admin/"}
    login = first.request("GET", "/admin/login/")
    fields = _form_fields(login.text, "form")
    fields.update(username="editor", password="two-servers-pass")
    assert first.request("POST", "/admin/login/", data=fields, headers=origin).status_code == 302
    edit = first.request("GET", f"/admin/pages/{home.pk}/edit/")
    fields = _form_fields(edit.text, "form#page-edit-form")
    fields.update(hero_title="منتدى يجمع بلديات المنطقة", **{"action-publish": "action-publish"})
    published = first.request("POST", f"/admin/pages/{home.pk}/edit/", data=fields, headers=origin)
    assert published.status_code == 302, published.text[:2000]

    answer = second.request("GET", "/ar/")
    assert "منتدى يجمع بلديات المنطقة" in answer.text
    assert answer.headers["X-Page-Cache"] == "miss"
