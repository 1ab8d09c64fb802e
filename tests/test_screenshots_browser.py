"""Every page type at a phone's size in both languages passes axe (the wide layout is checked by
test_accessibility_browser.py), and printed pages drop the site's chrome.

With SCREENSHOTS=1 (`make screenshots`), the same tests also photograph every page type at a phone's size and a
laptop's, and the printed pages, for review of a change's look (test-artifacts/screenshots/, not committed).
Otherwise they take no photographs: four dozen full-page images are half a minute of every run, seen by nobody."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect
from wagtail.models import Locale

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from partners.models import MoUPage, PartnersPage
from programs.models import ProgramPage, TrainingCoursePage, WorkshopPage
from publications.models import PublicationIndexPage, PublicationPage
from tests.browser import check_accessibility

pytestmark = pytest.mark.browser

TAKE_SCREENSHOTS = os.environ.get("SCREENSHOTS") == "1"
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS_DIR", settings.BASE_DIR / "test-artifacts" / "screenshots"))
PHONE = {"width": 390, "height": 844}
SIZES = {"phone": PHONE, "wide": {"width": 1280, "height": 800}} if TAKE_SCREENSHOTS else {"phone": PHONE}
SEARCH_WORDS = {"ar": "المدن الذكية", "en": "smart city"}
# The course whose registration is open in the demo content (demo/programs.py).
OPEN_COURSE = "gis-and-addressing"


def first_page(model, locale, **filters):
    page = model.objects.live().filter(locale=locale, **filters).order_by("path").first()
    assert page is not None, f"no live {model.__name__} in {locale}"
    return page.url


def page_types(language_code):
    """{page type: path} of one page of every public type in a language."""
    locale = Locale.objects.get(language_code=language_code)
    english_course = TrainingCoursePage.objects.get(locale__language_code="en", slug=OPEN_COURSE)
    course = english_course.get_translation(locale)
    return {
        "home": first_page(HomePage, locale),
        "program": first_page(ProgramPage, locale),
        "course": course.url,
        "workshop": first_page(WorkshopPage, locale),
        "news-index": first_page(NewsIndexPage, locale),
        "news-article": first_page(NewsPage, locale),
        "library": first_page(PublicationIndexPage, locale),
        "publication": first_page(PublicationPage, locale),
        "partners": first_page(PartnersPage, locale),
        "mou": first_page(MoUPage, locale),
        "search": f"/{language_code}/search/?q={SEARCH_WORDS[language_code]}",
        "registration-form": course.url + "#register",
    }


def load_lazy_images(page):
    """Load every lazy image now, so that the full-page screenshot shows them all."""
    page.evaluate(
        """() => Promise.all(Array.from(document.images).map((img) => {
            img.loading = "eager";
            return img.complete ? null : new Promise((resolve) => { img.onload = img.onerror = resolve; });
        }))"""
    )


def test_every_page_type_passes_axe_on_a_phone_in_both_languages(demo_site, live_site, browser):
    checked, taken = [], []
    for language_code in ("ar", "en"):
        paths = page_types(language_code)
        for size_name, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, locale=language_code)
            page = context.new_page()
            page.set_default_timeout(15_000)
            for page_type, path in paths.items():
                response = page.goto(live_site.url + path)
                assert response.status == 200, path
                assert page.locator("html").get_attribute("lang") == language_code
                if size_name == "phone":
                    check_accessibility(page)
                    checked.append(path)
                if TAKE_SCREENSHOTS:
                    taken.append(_photograph(page, f"{language_code}-{page_type}-{size_name}.png", page_type))
            context.close()

    assert len(checked) == 2 * 12
    if TAKE_SCREENSHOTS:
        assert len(taken) == 2 * 2 * 12
        assert all(file.stat().st_size > 5_000 for file in taken)


def _photograph(page, name, page_type):
    """A screenshot of the whole page (of the registration form: the window scrolled to it)."""
    full_page = page_type != "registration-form"
    if full_page:
        load_lazy_images(page)
        page.evaluate("scrollTo(0, 0)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    file = SCREENSHOTS / name
    page.screenshot(path=file, full_page=full_page)
    return file


@pytest.mark.parametrize("page_type", ["publication", "course"])
def test_printed_publications_and_courses_drop_the_site_chrome_and_show_link_addresses(
    page_type, demo_site, live_site, browser_page
):
    browser_page.goto(live_site.url + page_types("ar")[page_type])
    browser_page.emulate_media(media="print")

    for chrome in (".main-nav", ".site-header__tools", ".site-footer", ".breadcrumbs", "#register"):
        assert not browser_page.locator(chrome).first.is_visible(), chrome
    expect(browser_page.locator(".site-brand")).to_be_visible()
    link = browser_page.locator("main a[href^='/']").first
    href = link.get_attribute("href")
    shown_after = link.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert href in shown_after
    if TAKE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser_page.screenshot(path=SCREENSHOTS / f"ar-{page_type}-print.png", full_page=True)
