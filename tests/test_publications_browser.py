"""A visitor browses the library, a publication, the partners register, an MoU and the news, in both languages."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import check_accessibility

pytestmark = pytest.mark.browser

PAGES = {
    "ar": {
        "index": "/ar/المنشورات-والدراسات/",
        "publication": "/ar/المنشورات-والدراسات/عمان-نحو-المراجعة-المحلية-الطوعية-الثانية/",
        "partners": "/ar/الشركاء/",
        "mou": "/ar/الشركاء/العمل-المشترك-المنتدى-والبترا/",
        "news": "/ar/أخبار-المنتدى/توقيع-مذكرتي-تفاهم-مع-البترا/",
    },
    "en": {
        "index": "/en/publications/",
        "publication": "/en/publications/amman-second-voluntary-local-review/",
        "partners": "/en/partners/",
        "mou": "/en/partners/forum-petra-joint-work/",
        "news": "/en/news/amman-petra-sign-two-mous/",
    },
}


@pytest.mark.parametrize("language_code", ["ar", "en"])
def test_pages_are_accessible(demo_site, live_site, browser_page, language_code):
    for url in PAGES[language_code].values():
        response = browser_page.goto(live_site.url + url)

        assert response.status == 200, url
        assert browser_page.locator("html").get_attribute("lang") == language_code, url
        check_accessibility(browser_page)


def test_visitor_narrows_the_library_with_facet_links(demo_site, live_site, browser_page):
    browser_page.goto(live_site.url + PAGES["en"]["index"])

    browser_page.get_by_role("link", name="English (2)").click()
    browser_page.get_by_role("link", name="Guide (1)").click()

    expect(browser_page).to_have_url(re.compile(r"\?(?=.*language=en)(?=.*type=guide)"))
    expect(browser_page.get_by_role("heading", level=2, name="1 publication")).to_be_visible()
    expect(browser_page.get_by_role("link", name="A guide to preparing a smart city strategy")).to_be_visible()
    check_accessibility(browser_page)


def test_visitor_filters_the_mou_register_in_arabic(demo_site, live_site, browser_page):
    browser_page.goto(live_site.url + PAGES["ar"]["partners"])

    browser_page.get_by_label("الحالة").select_option("expired")
    browser_page.get_by_role("button", name="تصفية").click()

    register = browser_page.locator(".cards")
    expect(register.get_by_role("link")).to_have_count(1)
    expect(register).to_contain_text("قادة التنقل الحضري المستدام")
    check_accessibility(browser_page)


def test_mou_lists_the_guide_delivered_under_it_and_the_guide_links_back(demo_site, live_site, browser_page):
    browser_page.goto(live_site.url + PAGES["en"]["mou"])

    browser_page.get_by_role("link", name="A guide to preparing a smart city strategy").click()
    browser_page.get_by_role(
        "link", name="MoU on joint work between the Arab Smart Cities Forum and the Petra Authority"
    ).click()

    expect(browser_page).to_have_url(live_site.url + PAGES["en"]["mou"])
