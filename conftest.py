"""Fixtures shared by every app's tests and the end-to-end tests."""

import os
from types import SimpleNamespace

import pytest
from django.utils import translation

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run in such a
# thread unless told it is safe, which it is here (one test thread, no concurrent async code).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _reset_language_and_cache():
    """No test's active language, or cached data (Wagtail caches site root paths), leaks into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture
def site_tree(db):
    """The Arabic home page with its English translation, and the about, contact and privacy pages."""
    from home import demo_content
    from home.models import HomePage

    demo_content.load()
    home_ar = HomePage.objects.get(locale__language_code="ar")
    home_en = HomePage.objects.get(locale__language_code="en")
    return SimpleNamespace(home_ar=home_ar, home_en=home_en)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS, chromium_available

    if not chromium_available():
        pytest.fail(f"Chromium is needed for the browser tests and is not at {CHROMIUM} (apt-get install chromium)")
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
    """The demo home tree, committed so the live server's thread sees it (also on PostgreSQL).

    A transactional test flushes every table afterwards, migration data included, so the tree's root
    (which Wagtail's migrations create) is made again here when it is missing.
    """
    from wagtail.models import Locale, Page

    from home import demo_content

    if Page.get_first_root_node() is None:
        locale, _created = Locale.objects.get_or_create(language_code="ar")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    demo_content.load()
    return live_server


def pytest_collection_modifyitems(items):
    """Mark the tests that commit to the database (live server, threads) as `transactional`.

    Such a test empties every table when it ends, migration data included. Run alone, pytest-django
    puts them last; pytest-xdist does not keep that order, so `make test` runs them in a second pass.
    """
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "transactional_db" in fixtures or "live_server" in fixtures:
            item.add_marker(pytest.mark.transactional)
