"""The Arabic home page weighs at most 120 KB on the wire before the visitor scrolls: its HTML, CSS, scripts
and fonts as served compressed, and the images in the first screen (those below it load lazily)."""

import gzip

import pytest

pytestmark = pytest.mark.browser

BUDGET = 120 * 1024
# A phone with a dense screen (the hero's largest rendition) and a laptop.
SCREENS = [({"width": 390, "height": 844}, 3), ({"width": 1280, "height": 800}, 1)]
IMAGES_IN_FIRST_SCREEN = """() => Array.from(document.images)
    .filter((img) => img.getBoundingClientRect().top < innerHeight).map((img) => img.currentSrc)"""


def transfer_size(response):
    """Bytes on the wire: text as gzip would send it (whitenoise and the proxy compress it), the rest as is."""
    body = response.body()
    content_type = response.headers.get("content-type", "")
    if content_type.startswith(("text/", "application/javascript", "image/svg")):
        return len(gzip.compress(body, 6))
    return len(body)


def counts(response, first_screen):
    """Everything the page loaded, but raster images below the first screen."""
    content_type = response.headers.get("content-type", "")
    is_raster_image = content_type.startswith("image/") and "svg" not in content_type
    return response.status == 200 and (not is_raster_image or response.url in first_screen)


@pytest.mark.parametrize(("viewport", "scale"), SCREENS)
def test_arabic_home_weighs_at_most_120_kb_before_scrolling(viewport, scale, demo_site, live_site, browser):
    context = browser.new_context(viewport=viewport, device_scale_factor=scale, locale="ar")
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(live_site.url + "/ar/")
    page.wait_for_load_state("networkidle")
    first_screen = set(page.evaluate(IMAGES_IN_FIRST_SCREEN))

    counted = {response.url: transfer_size(response) for response in responses if counts(response, first_screen)}
    context.close()

    hero = [url for url in counted if ".format-avif" in url]
    assert hero, "the hero should come as AVIF"
    assert sum(counted.values()) <= BUDGET, {url.rsplit("/", 1)[-1]: size for url, size in counted.items()}
