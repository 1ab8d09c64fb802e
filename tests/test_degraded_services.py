"""The site degrades instead of falling over: Redis unreachable (a closed port), the database's connections
killed (pg_terminate_backend) and the database refusing connections."""

import os
import time
import uuid

import pytest
import requests
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from forum_site import cache as resilient
from programs.models import Registration
from tests.test_two_app_servers import AppServer, _database_url, _free_port

REDIS_DB = 5


def _cache_at(location):
    return {"default": {"BACKEND": "forum_site.cache.ResilientRedisCache", "LOCATION": location}}


@pytest.fixture
def redis_down(settings):
    """The cache is Redis at a port nothing listens on."""
    settings.CACHES = _cache_at(f"redis://127.0.0.1:{_free_port()}/0")
    yield
    cache._counters.clear()


def _form(**overrides):
    from programs.tests.conftest import registrant

    return {**registrant(), "consent": "on", "website": "", **overrides}


def test_with_redis_unreachable_public_pages_are_served(client, site_tree, redis_down):
    assert not isinstance(cache, type(None))
    for path in ["/ar/", "/en/", "/ar/search/?q=مدن", "/sitemap.xml"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.get("X-Page-Cache") != "hit"
    assert not cache.available
    # Taken for down, Redis is not asked again at every call: a page costs no connection attempt.
    started = time.monotonic()
    for _attempt in range(5):
        assert client.get("/en/").status_code == 200
    assert time.monotonic() - started < 5

    health = client.get("/health/")
    assert health.status_code == 200
    assert health.json() == {"database": "ok", "cache": "unavailable"}


def test_with_redis_unreachable_the_rate_limit_counts_in_the_process(client, course, redis_down, settings):
    settings.PROGRAMS_REGISTRATION_RATE_LIMIT = (2, 600)
    for number in range(2):
        response = client.post(course.url, _form(email=f"p{number}@example.org"), REMOTE_ADDR="10.0.0.1")
        assert response.status_code == 302
    refused = client.post(course.url, _form(email="p3@example.org"), REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429
    assert Registration.objects.count() == 2


def test_the_resilient_cache_is_redis_when_redis_answers(settings):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB).ping()
    except redis.ConnectionError:
        pytest.skip("Redis is not answering on 127.0.0.1:6379")
    settings.CACHES = _cache_at(f"redis://127.0.0.1:6379/{REDIS_DB}")
    key = f"resilience-test:{uuid.uuid4().hex}"
    cache.set(key, "shared", 30)
    assert redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB).exists(f":1:{key}")
    assert cache.get(key) == "shared"
    assert cache.add(key + ":n", 0, 30) and cache.incr(key + ":n") == 1
    assert cache.available
    cache.delete_many([key, key + ":n"])


def test_redis_is_tried_again_after_the_retry_delay(redis_down, monkeypatch):
    assert cache.get("anything") is None
    assert not cache.available
    now = time.monotonic
    monkeypatch.setattr(resilient.time, "monotonic", lambda: now() + resilient.RETRY_SECONDS + 1)
    assert cache.available


# ---- The database: killed connections and a database that refuses them, through gunicorn --------------------


def _maintenance():
    """A connection to the server's maintenance database: from there the test database's connections can be
    killed, and the database told to refuse new ones (PostgreSQL does not let a database refuse connections
    from inside itself)."""
    import psycopg

    db = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        autocommit=True,
    )


def _terminate_app_connections():
    """pg_terminate_backend on every connection to the test database (this test's own is closed first)."""
    connection.close()
    with _maintenance() as maintenance:
        return maintenance.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s",
            [connection.settings_dict["NAME"]],
        ).fetchone()[0]


def _allow_connections(allowed):
    with _maintenance() as maintenance:
        name = connection.ops.quote_name(connection.settings_dict["NAME"])
        maintenance.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS {'true' if allowed else 'false'}")


@pytest.fixture
def app_server(transactional_db, production_static):
    """One gunicorn worker with production settings and persistent database connections (CONN_MAX_AGE)."""
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.skip("pg_terminate_backend: run with DATABASE_URL on PostgreSQL")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "forum_site.settings.production",
        "SECRET_KEY": "degraded-services-test-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": "",
        "CONN_MAX_AGE": "600",
        "STATIC_ROOT": str(production_static),
        "SECURE_SSL_REDIRECT": "False",
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "CRITICAL",
    }
    server = AppServer(env)
    try:
        server.wait_until_healthy()
        yield server
    finally:
        server.stop()
        _allow_connections(True)


def _uncached(server, path, **headers):
    """A render (a query string new to the page cache), never a stored copy."""
    return requests.get(f"{server.base}{path}?fresh={uuid.uuid4().hex}", headers=headers, timeout=30)


def test_killed_database_connections_are_replaced_without_an_error(app_server):
    assert _uncached(app_server, "/en/").status_code == 200
    assert _terminate_app_connections() >= 1
    # The worker's persistent connection is dead: the health check before reuse replaces it.
    for path in ["/en/", "/ar/", "/health/"]:
        assert _uncached(app_server, path).status_code == 200, path


def test_an_unreachable_database_gets_a_503_page_in_the_visitors_language_and_the_site_recovers(app_server):
    assert _uncached(app_server, "/ar/").status_code == 200
    _allow_connections(False)
    _terminate_app_connections()
    try:
        english = _uncached(app_server, "/en/")
        arabic = _uncached(app_server, "/ar/")
        by_browser = _uncached(app_server, "/en-nowhere/", **{"Accept-Language": "en"})
        health = requests.get(app_server.base + "/health/", timeout=30)
    finally:
        _allow_connections(True)

    assert english.status_code == 503
    assert english.headers["Retry-After"] == "30"
    assert "no-store" in english.headers["Cache-Control"]
    assert 'lang="en"' in english.text and "temporarily unavailable" in english.text
    assert arabic.status_code == 503
    assert 'lang="ar" dir="rtl"' in arabic.text and "الموقع غير متاح مؤقتًا" in arabic.text
    assert by_browser.status_code == 503 and 'lang="en"' in by_browser.text
    assert health.status_code == 503 and health.json()["database"] == "unavailable"

    # Recovery on its own: the next requests connect again.
    for path in ["/en/", "/ar/"]:
        assert _uncached(app_server, path).status_code == 200, path
