"""A visitor lands on the Arabic site, switches to English and back, and every page is accessible."""

import pytest

from tests.browser import check_accessibility

pytestmark = pytest.mark.browser


def test_visitor_lands_on_arabic_home_right_to_left(live_site, browser_page):
    browser_page.goto(live_site.url + "/")

    assert browser_page.url == live_site.url + "/ar/"
    html = browser_page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert browser_page.get_by_role("heading", level=1).inner_text() == "نحو مدن عربية ذكية ومستدامة"
    check_accessibility(browser_page)


def test_switching_to_english_opens_translation_of_same_page_left_to_right(live_site, browser_page):
    browser_page.goto(live_site.url + "/ar/")
    browser_page.get_by_role("link", name="عن المنتدى").first.click()
    assert browser_page.get_by_role("heading", level=1).inner_text() == "عن المنتدى"

    browser_page.get_by_role("navigation", name="اللغة").get_by_role("link", name="English").click()

    assert browser_page.url == live_site.url + "/en/about/"
    html = browser_page.locator("html")
    assert html.get_attribute("lang") == "en"
    assert html.get_attribute("dir") == "ltr"
    assert browser_page.get_by_role("heading", level=1).inner_text() == "About the forum"
    check_accessibility(browser_page)

    browser_page.get_by_role("navigation", name="Language").get_by_role("link", name="العربية").click()
    assert browser_page.get_by_role("heading", level=1).inner_text() == "عن المنتدى"
    check_accessibility(browser_page)


def test_english_browser_is_sent_to_english_home(live_site, browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(live_site.url + "/")
    assert page.url == live_site.url + "/en/"
    assert page.locator("html").get_attribute("dir") == "ltr"
    check_accessibility(page)
    context.close()
