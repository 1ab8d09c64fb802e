"""Django's Redis cache, degraded instead of failing when Redis cannot be reached.

Everything the site keeps in the cache can be rebuilt (pages, lookups) or is a counter (the registration rate
limit, repeat downloads), so an unreachable Redis must not turn every page into a 500. While it is down:

- reads miss and writes are dropped: every page is rendered, as without a cache;
- counters (`add`, `incr`, `decr`) go to this process's memory, so the rate limit still holds, per app server
  process instead of across them (see README, "When Redis is down");
- after a failure Redis is not tried again for RETRY_SECONDS, so a request does not wait on a dead server at
  every cache call; a short connect timeout bounds the first wait.

A purge made while Redis is down is lost with it: if Redis comes back with its data (a network cut rather than
a restart), pages edited meanwhile stay stale until their time runs out or they are edited again.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
RETRY_SECONDS = 5


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = {"socket_connect_timeout": 0.5, "socket_timeout": 2, **params.get("OPTIONS", {})}
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()
        self._counters = LocMemCache("forum-site-counters-while-redis-is-down", {"OPTIONS": {"MAX_ENTRIES": 10_000}})

    @property
    def available(self):
        """False while Redis is taken for down (after a failure, for RETRY_SECONDS)."""
        return time.monotonic() >= self._down_until

    def _failed(self, operation, error):
        with self._lock:
            first = self.available
            self._down_until = time.monotonic() + RETRY_SECONDS
        if first:
            logger.error("Redis unreachable (%s: %s): serving without the shared cache", operation, error)

    def _call(self, operation, fallback, *args, **kwargs):
        if not self.available:
            return fallback(*args, **kwargs)
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except RedisError as error:
            self._failed(operation, error)
            return fallback(*args, **kwargs)

    # Reads miss, writes are dropped.
    def get(self, key, default=None, version=None):
        return self._call("get", lambda *a, **k: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", lambda *a, **k: {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda *a, **k: False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda *a, **k: None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda *a, **k: list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda *a, **k: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", lambda *a, **k: False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda *a, **k: None, keys, version)

    def clear(self):
        self._counters.clear()
        return self._call("clear", lambda *a, **k: None)

    # Counters fall back to this process's memory.
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", self._counters.add, key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", self._counters.incr, key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self._call("decr", self._counters.decr, key, delta, version)
