import pytest

from tests.browser import AccessibilityError, check_accessibility

pytestmark = pytest.mark.browser

LOW_CONTRAST_ARABIC = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>اختبار</title></head>
<body><main><h1>عنوان</h1><p style="color:#bbbbbb;background:#ffffff">نص عربي باهت يصعب قراءته</p></main></body></html>"""

GOOD_CONTRAST_ARABIC = LOW_CONTRAST_ARABIC.replace("#bbbbbb", "#222222")


def test_arabic_low_contrast_paragraph_is_reported(browser_page):
    browser_page.set_content(LOW_CONTRAST_ARABIC)
    with pytest.raises(AccessibilityError, match="arabic-color-contrast"):
        check_accessibility(browser_page)


def test_arabic_paragraph_with_good_contrast_passes(browser_page):
    browser_page.set_content(GOOD_CONTRAST_ARABIC)
    check_accessibility(browser_page)


def test_axe_itself_reports_a_missing_label(browser_page):
    browser_page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><input type="text"></main></body></html>'
    )
    with pytest.raises(AccessibilityError, match="label"):
        check_accessibility(browser_page)
