"""Which pages the public may see, without a query per listing.

Wagtail's `public()` reads every view restriction each time it is called, and its serve view reads the
restrictions of a page's ancestors on every request. Both are answered here from one cached list of the
restricted sections' tree paths, forgotten whenever a restriction is added, changed or removed.
Alias pages are not used on this site; an alias page keeps Wagtail's own check.
"""

from django.core.cache import cache
from wagtail.models import PageViewRestriction

_KEY = "privacy:restricted-paths"
# Every change of a restriction, and every move of a page, forgets the list at once; the timeout only bounds how
# long a worker could keep a stale list if the shared cache failed to forget it.
_TIMEOUT = 60


def restricted_paths():
    paths = cache.get(_KEY)
    if paths is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        cache.set(_KEY, paths, timeout=_TIMEOUT)
    return paths


def forget_restrictions():
    cache.delete(_KEY)


def is_restricted(page):
    return any(page.path.startswith(path) for path in restricted_paths())


def public(queryset):
    """The pages of `queryset` outside every restricted section (a login or a password)."""
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset
