"""The health check that load balancers poll: can this app server reach the database and the cache?

Only the database decides the status: without it no page can be served (503), while without Redis every page
is still served, rendered each time (forum_site/cache.py). A load balancer that took every app server out
because Redis is down would turn a slower site into no site; the body still says the cache is unavailable,
for monitoring.
"""

import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure means "not healthy", reported rather than raised
        return False


def _cache_ok():
    key, value = "health:probe", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        return cache.get(key) == value
    except Exception:  # noqa: BLE001
        return False


@never_cache
def health(request):
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    return JsonResponse(body, status=200 if checks["database"] else 503)
