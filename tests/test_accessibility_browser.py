"""Every page type of the demo site, in each language, passes axe-core and the Arabic contrast check."""

import pytest
from wagtail.models import Page

from tests.browser import check_accessibility

pytestmark = pytest.mark.browser


def one_page_of_each_type(language_code):
    pages = {}
    for page in Page.objects.filter(depth__gt=1, locale__language_code=language_code).live().order_by("path"):
        pages.setdefault(page.content_type_id, page)
    return list(pages.values())


@pytest.mark.parametrize("language_code", ["ar", "en"])
def test_every_page_type_is_accessible(language_code, demo_site, live_site, browser_page):
    pages = one_page_of_each_type(language_code)
    assert len(pages) >= 2
    for page in pages:
        response = browser_page.goto(live_site.url + page.url)
        assert response.status == 200, page.url
        assert browser_page.locator("html").get_attribute("lang") == language_code
        check_accessibility(browser_page)
