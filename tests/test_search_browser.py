"""A visitor searches in Arabic with a spelling variant, filters, opens a result; every page passes axe."""

import pytest
from playwright.sync_api import expect

from conftest import committed_once, home_pages
from search.tests.pages import create_mou, create_search_pages
from tests.browser import check_accessibility

pytestmark = pytest.mark.browser


def _create_search_site():
    tree = home_pages()
    create_search_pages(tree)
    create_mou(tree, "مذكرة تفاهم حول الاستراتيجية الرقمية", "Digital strategy MoU")


@pytest.fixture
def search_site(live_site):
    committed_once("search", _create_search_site)
    return live_site


def test_visitor_finds_page_by_spelling_variant_filters_and_opens_it(search_site, browser_page):
    page = browser_page
    page.goto(search_site.url + "/ar/")
    box = page.get_by_role("combobox", name="ابحث في الموقع")
    box.fill("الإستراتيجيه")
    box.press("Enter")

    page.wait_for_url("**/ar/search/?q=*")
    results = page.locator(".search-hit h3 a")
    assert "الاستراتيجية الوطنية للبيانات" in results.all_inner_texts()
    assert "مذكرة تفاهم حول الاستراتيجية الرقمية" in results.all_inner_texts()
    check_accessibility(page)

    page.locator('.search-facet a[href*="type=pages"]').click()
    page.wait_for_url("**type=pages*")
    titles = page.locator(".search-hit h3 a").all_inner_texts()
    assert "مذكرة تفاهم حول الاستراتيجية الرقمية" not in titles
    check_accessibility(page)

    page.get_by_role("link", name="الاستراتيجية الوطنية للبيانات").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("الاستراتيجية الوطنية للبيانات")


def test_suggestions_are_chosen_with_the_keyboard(search_site, browser_page):
    page = browser_page
    page.goto(search_site.url + "/ar/search/")
    box = page.locator("#search-page-q")
    box.press_sequentially("دليل المدن", delay=30)

    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option", name="دليل المدن الذكيه").wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    check_accessibility(page)

    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant")
    box.press("Enter")
    page.wait_for_url("**/ar/search-page-5/")
    expect(page.get_by_role("heading", level=1)).to_have_text("دليل المدن الذكيه")


@pytest.mark.parametrize(
    ("language", "query"),
    [("ar", "المدن الذكيه"), ("ar", "كلمة لا توجد"), ("en", "strategies"), ("en", "nothingmatches")],
)
def test_search_page_is_accessible_with_and_without_results(search_site, browser_page, language, query):
    browser_page.goto(f"{search_site.url}/{language}/search/?q={query}")

    assert browser_page.locator("html").get_attribute("lang") == language
    check_accessibility(browser_page)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_empty_search_page_is_accessible(search_site, browser_page, language):
    browser_page.goto(f"{search_site.url}/{language}/search/")

    check_accessibility(browser_page)
