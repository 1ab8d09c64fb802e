"""The header on a phone: one short row, the menu behind a disclosure button, search one tap away."""

import pytest
from playwright.sync_api import expect

from tests.browser import check_accessibility

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MENU_BUTTON = {"ar": "القائمة", "en": "Menu"}
MAIN_NAV = {"ar": "الرئيسية", "en": "Main"}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.mark.parametrize("language_code", ["ar", "en"])
def test_phone_header_is_one_short_row_with_the_menu_behind_a_button(language_code, demo_site, live_site, phone):
    phone.goto(f"{live_site.url}/{language_code}/")
    header = phone.locator("header.site-header")
    button = phone.get_by_role("button", name=MENU_BUTTON[language_code])
    menu = phone.get_by_role("navigation", name=MAIN_NAV[language_code])

    assert header.bounding_box()["height"] <= 120
    assert button.get_attribute("aria-expanded") == "false"
    expect(menu).not_to_be_visible()
    expect(phone.locator(".site-header__search-link")).to_be_visible()
    check_accessibility(phone)

    button.focus()
    phone.keyboard.press("Enter")

    assert button.get_attribute("aria-expanded") == "true"
    expect(menu).to_be_visible()
    assert len(menu.get_by_role("link").all()) >= 6
    assert phone.evaluate("document.activeElement.closest('nav')?.id") == "main-nav"
    check_accessibility(phone)

    phone.keyboard.press("Escape")

    assert button.get_attribute("aria-expanded") == "false"
    expect(menu).not_to_be_visible()
    assert phone.evaluate("document.activeElement.classList.contains('menu-toggle')")


def test_a_menu_link_opened_from_the_phone_menu_leads_to_its_page(demo_site, live_site, phone):
    phone.goto(f"{live_site.url}/en/")
    phone.get_by_role("button", name="Menu").click()
    phone.get_by_role("navigation", name="Main").get_by_role("link", name="Publications").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Publications")


def test_without_javascript_the_phone_menu_stays_open_and_has_no_dead_button(demo_site, live_site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_site.url}/ar/")

    expect(page.get_by_role("navigation", name="الرئيسية")).to_be_visible()
    expect(page.get_by_role("button", name="القائمة")).not_to_be_visible()
    context.close()


def test_wide_screens_show_the_menu_and_the_search_box_without_a_menu_button(demo_site, live_site, browser_page):
    browser_page.goto(f"{live_site.url}/ar/")

    expect(browser_page.get_by_role("navigation", name="الرئيسية")).to_be_visible()
    expect(browser_page.locator("#site-search-q")).to_be_visible()
    expect(browser_page.get_by_role("button", name="القائمة")).not_to_be_visible()
    expect(browser_page.locator(".site-header__search-link")).not_to_be_visible()
