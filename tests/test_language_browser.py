"""A visitor lands on the Arabic site, switches to English and back, and every page is accessible."""

import pytest
from playwright.sync_api import expect

from tests.browser import check_accessibility

pytestmark = pytest.mark.browser


def test_visitor_lands_on_arabic_home_right_to_left(live_site, browser_page):
    browser_page.goto(live_site.url + "/")

    assert browser_page.url == live_site.url + "/ar/"
    html = browser_page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("نحو مدن عربية ذكية ومستدامة")
    check_accessibility(browser_page)


def test_switching_to_english_opens_translation_of_same_page_left_to_right(live_site, browser_page):
    browser_page.goto(live_site.url + "/ar/")
    browser_page.get_by_role("link", name="عن المنتدى").first.click()
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("عن المنتدى")

    browser_page.get_by_role("navigation", name="اللغة").get_by_role("link", name="English").click()

    expect(browser_page).to_have_url(live_site.url + "/en/about/")
    html = browser_page.locator("html")
    assert html.get_attribute("lang") == "en"
    assert html.get_attribute("dir") == "ltr"
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("About the forum")
    check_accessibility(browser_page)

    browser_page.get_by_role("navigation", name="Language").get_by_role("link", name="العربية").click()
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("عن المنتدى")
    check_accessibility(browser_page)


def test_english_browser_is_sent_to_english_home(live_site, browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(live_site.url + "/")
    assert page.url == live_site.url + "/en/"
    assert page.locator("html").get_attribute("dir") == "ltr"
    check_accessibility(page)
    context.close()


@pytest.mark.parametrize("path", ["/ar/", "/en/", "/en/about/"])
def test_pages_fit_a_320_pixel_phone_without_sideways_scrolling(live_site, browser, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_site.url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    check_accessibility(page)
    context.close()


def test_skip_link_moves_focus_to_the_main_content(live_site, browser_page):
    browser_page.goto(live_site.url + "/ar/")
    browser_page.keyboard.press("Tab")
    skip_link = browser_page.get_by_role("link", name="تخطَّ إلى المحتوى الرئيسي")
    assert skip_link.evaluate("element => element === document.activeElement")
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


def test_nothing_is_loaded_from_an_outside_host(live_site, browser_page):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    browser_page.goto(live_site.url + "/ar/")
    browser_page.wait_for_load_state("networkidle")
    outside = [url for url in requested if not url.startswith(live_site.url) and not url.startswith("data:")]
    assert outside == []
    assert any(url.endswith(".woff2") for url in requested)
