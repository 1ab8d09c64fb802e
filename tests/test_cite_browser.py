"""A reader copies a publication's reference with the Cite box's copy button (the one script of the box)."""

import pytest
from playwright.sync_api import expect

from tests.browser import check_accessibility

pytestmark = pytest.mark.browser

PUBLICATION = {
    "ar": "/ar/المنشورات-والدراسات/عمان-نحو-المراجعة-المحلية-الطوعية-الثانية/",
    "en": "/en/publications/amman-second-voluntary-local-review/",
}


@pytest.mark.parametrize(("language_code", "copied_label"), [("ar", "تم النسخ"), ("en", "Copied")])
def test_reader_copies_a_reference(demo_site, live_site, browser_page, language_code, copied_label):
    browser_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_site.url)
    browser_page.goto(live_site.url + PUBLICATION[language_code])
    button = browser_page.locator("button[data-copy='cite-chicago-author-date']")

    button.click()

    # The copy is asynchronous: wait for the live region that announces it (the button's label reverts).
    expect(browser_page.locator("#cite-status")).to_have_text(copied_label)
    reference = browser_page.locator("#cite-chicago-author-date").text_content().strip()
    assert browser_page.evaluate("navigator.clipboard.readText()") == reference
    assert "(2026)" in reference or "2026." in reference
    expect(browser_page.locator("button.cite__copy:visible")).to_have_count(4)
    check_accessibility(browser_page)
