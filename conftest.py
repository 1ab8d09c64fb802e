"""Fixtures shared by every app's tests and the end-to-end tests.

Each test worker builds its database once: migrations, then the base tree (the Arabic home page and its
English translation, the about, contact and privacy pages, topics and site settings), committed and copied
as the snapshot "base". Tests that roll back run on top of it. After a test that commits (a live server,
threads), `pytest_runtest_teardown` below copies "base" back, unless the test wrote nothing (tests/writes.py),
so every kind of test runs in one pytest pass, in any order. The whole demo site is built once per run, by a
process of its own beside the workers (tests/shared_demo.py); a worker copies it in the first time a test asks
for `demo_site`, and copies it back for each later test that asks for it, unless it is still there.
"""

import os
from itertools import groupby
from types import SimpleNamespace

import pytest
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from tests import avif, run, snapshots, writes
from tests.build_demo import render_every_page
from tests.shared_demo import SharedDemo

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run in such a
# thread unless told it is safe, which it is here (one test thread, no concurrent async code).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BASE, DEMO = "base", "demo"


def pytest_configure(config):
    avif.encode_faster()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request, shared_demo):
    from demo import home

    writes.watch()
    with django_db_blocker.unblock():
        home.load()
        with translation.override(translation.get_language()):  # requests activate their page's language
            render_every_page()
        snapshots.take(BASE)
        if any("demo_site" in getattr(item, "fixturenames", ()) for item in request.session.items):
            shared_demo.start_once()
    yield
    with django_db_blocker.unblock():
        snapshots.drop_all()
        shared_demo.worker_finished()


@pytest.fixture(scope="session")
def shared_demo(tmp_path_factory):
    """The demo site built once for all the run's workers (tests/shared_demo.py)."""
    return SharedDemo(*run.directory_and_workers(tmp_path_factory))


@pytest.fixture(scope="session", autouse=True)
def _copy_back_instead_of_flushing():
    """After a committing test, `pytest_runtest_teardown` copies the base back over whatever it left, so
    Django's flush before it (a TRUNCATE of every table, then every app's post_migrate handlers: seconds
    per test) is wasted work: skipped."""
    from django.test import TransactionTestCase

    flush = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = lambda test_case: None
    yield
    TransactionTestCase._fixture_teardown = flush


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    started = writes.mark()
    yield
    if not item.get_closest_marker("transactional"):
        writes.take_back(started)  # its transaction was rolled back


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    # The test's fixtures are finalised by now. The last test of a session has no successor, and its session
    # fixtures have dropped the test database already. A test that wrote nothing leaves the copy it ran on
    # (`snapshots.holds`), which the next test may want as it is.
    if nextitem is not None and item.get_closest_marker("transactional"):
        if snapshots.holds(DEMO) and "demo_site" in getattr(nextitem, "fixturenames", ()):
            return
        with item.config.stash[blocking_manager_key].unblock():
            snapshots.restore(BASE)


def _home_pages():
    from home.models import HomePage

    return SimpleNamespace(
        home_ar=HomePage.objects.get(locale__language_code="ar"),
        home_en=HomePage.objects.get(locale__language_code="en"),
    )


@pytest.fixture(autouse=True)
def _reset_language_and_cache():
    """No test's active language, or cached data (Wagtail caches site root paths), leaks into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture
def rendered_pages(settings):
    """Every request renders its page (the page cache keeps nothing), for tests that count a render's queries."""
    settings.PAGE_CACHE_SECONDS = 0


def home_pages():
    """The Arabic home page and its English translation, for fixtures that cannot ask for `site_tree`."""
    return _home_pages()


@pytest.fixture(scope="module")
def module_transaction(request, django_db_setup, django_db_blocker):
    """A transaction open from a module's first test to its last, then rolled back.

    What a module-scoped fixture builds inside it (a course, a library: seconds of publishing through
    Wagtail) is built once per module, and each test runs in a savepoint inside it, so no test sees another's
    changes. A module with committing tests cannot hold a transaction open across them: there it is None,
    and the fixtures build for each test instead.
    """
    if any(item.get_closest_marker("transactional") for item in _items_of_module(request)):
        yield None
        return
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield outer
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _items_of_module(request):
    return [item for item in request.session.items if getattr(item, "module", None) is request.module]


# Fixtures a module may build once (`shared_in_module`), in the order they build on each other.
SHAREABLE_FIXTURES = (
    "programs_tree",
    "course",
    "publication_index",
    "library",
    "bilingual_study",
    "cited",
    "partners_page",
    "delivered",
    "full_course",
    "past_course",
)


def shared_in_module(request, fixture_name):
    """Whether a module fixture may build `fixture_name` once for the rest of the module: `module_transaction`
    is open, and every test from the first one asking for it to the module's last asks for it too, so no
    test meets data it did not ask for (`pytest_collection_modifyitems` runs a module's tests in that order)."""
    if request.getfixturevalue("module_transaction") is None:
        return False
    asks = [fixture_name in getattr(item, "fixturenames", ()) for item in _items_of_module(request)]
    return True in asks and all(asks[asks.index(True) :])


def built_for_module(request, fixture_name, build, *needs):
    """`build(*needs)`, once for the rest of the module, where `fixture_name` may be shared (`shared_in_module`)
    and what it builds on (`needs`) was built for the module too; None otherwise."""
    if all(need is not None for need in needs) and shared_in_module(request, fixture_name):
        return build(*needs)
    return None


def for_this_test(of_module, build, *needs):
    """The module's copy (`built_for_module`) read again for this test, or else `build(*needs)` for it alone."""
    return refreshed(of_module) if of_module is not None else build(*needs)


def refreshed(value):
    """`value` with every model instance in it read again from the database.

    A fixture built once per module hands each test fresh objects, so what one test changes in memory (and
    its savepoint rolls back in the database) never reaches the next.
    """
    from django.db.models import Model

    if isinstance(value, Model):
        return type(value)._default_manager.get(pk=value.pk)
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**{name: refreshed(item) for name, item in vars(value).items()})
    if isinstance(value, (list, tuple)):
        return type(value)(refreshed(item) for item in value)
    if isinstance(value, dict):
        return {key: refreshed(item) for key, item in value.items()}
    return value


@pytest.fixture
def site_tree(db):
    """The Arabic home page with its English translation, and the about, contact and privacy pages."""
    return _home_pages()


def committed_once(name, build):
    """Build data for committing tests once per worker: the first test builds and commits it, and the
    database is copied under `name` (tests/snapshots.py); each later test gets that copy back in a second."""
    if snapshots.exists(name):
        snapshots.restore(name)
    else:
        build()
        snapshots.take(name)


@pytest.fixture
def demo_site(transactional_db, shared_demo):
    """The whole bilingual demo site (demo/), committed, as `make run` serves it."""
    committed_once(DEMO, shared_demo.copy_in)
    return _home_pages()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS, chromium_available

    if not chromium_available():
        pytest.fail(
            f"Chromium is needed for the browser tests and is not at {CHROMIUM}"
            " (apt-get install chromium-headless-shell)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    """A fresh browser tab (own cookies) for one test, with Arabic as the browser's preferred language."""
    context = browser.new_context(locale="ar", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def live_site(transactional_db, live_server):
    """The site served by a live server thread, over the committed base tree (also on PostgreSQL)."""
    return live_server


def pytest_collection_modifyitems(items):
    """Mark the tests that commit to the database (live server, threads): the base is copied back after each.

    In each module, the tests asking for none of `SHAREABLE_FIXTURES` run first; the others are ordered by which
    of them they ask for, the list's first weighing most, so the tests asking for a fixture run last in their
    module wherever the fixtures build on each other (a course on a programs tree), and the module builds it
    once. Otherwise tests keep their file order."""
    items[:] = [
        item
        for _, module_items in groupby(items, key=lambda item: getattr(item, "module", None))
        for item in sorted(module_items, key=_shareable_fixtures_asked_for)
    ]
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        marker = item.get_closest_marker("django_db")
        if (
            "transactional_db" in fixtures
            or "live_server" in fixtures
            or (marker is not None and marker.kwargs.get("transaction"))
        ):
            item.add_marker(pytest.mark.transactional)


def _shareable_fixtures_asked_for(item):
    if getattr(item, "cls", None) is not None:
        return ()  # a class's tests stay together, first in their module
    return tuple(name in getattr(item, "fixturenames", ()) for name in SHAREABLE_FIXTURES)


@pytest.fixture(autouse=True)
def _reference_index_only_where_asked(request):
    """Wagtail's reference index (what refers to what: the admin's usage counts, our cache purges after a snippet
    edit) is updated during a test only where it is marked `reference_index`.

    Updating it on every save was a fifth of the time of the tests that publish pages, and no other test reads
    it. The base tree, the demo site and what a module shares are built before this runs, with the index.
    """
    if request.node.get_closest_marker("reference_index"):
        yield
        return
    from wagtail.signal_handlers import disable_reference_index_auto_update

    with disable_reference_index_auto_update():
        yield
