"""Generation tokens in the shared cache: what is cached under a token's value is dropped, on every app server at
once, by giving the token a new value (the page cache's purges, the routing cache, snippets' translations)."""

import uuid

from django.core.cache import cache


def _new_value():
    return uuid.uuid4().hex[:12]


def current(*keys):
    """The values of the tokens `keys`, in order; a token not yet in the cache is made, by the first server to
    ask when several ask at once."""
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            value = _new_value()
            if not cache.add(key, value, timeout=None):
                value = cache.get(key) or value
            found[key] = value
    return [found[key] for key in keys]


def renew(*keys):
    cache.set_many({key: _new_value() for key in keys}, timeout=None)
