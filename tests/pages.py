from urllib.parse import unquote

from django.http import Http404
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase


class LocalisedPageTestCase(WagtailPageTestCase):
    """WagtailPageTestCase for a site under i18n_patterns.

    Wagtail's assertPageIsRoutable routes the whole URL, language prefix included ("/ar/about/"), from the
    site root, so it fails for every page of a site whose URLs carry the language; route what follows the
    prefix, in the page's language, as Wagtail's serve view does.
    """

    def assertPageIsRoutable(self, page, route_path="/", msg=None):
        language_code = page.locale.language_code
        with translation.override(language_code):
            path = unquote(page.get_url(self.dummy_request)).removeprefix(f"/{language_code}")
            if route_path != "/":
                path = path.rstrip("/") + "/" + route_path.lstrip("/")
            components = [component for component in path.split("/") if component]
            try:
                routed, _args, _kwargs = page.get_site().root_page.localized.specific.route(
                    self.dummy_request, components
                )
            except Http404 as error:
                raise self.failureException(msg or f"{path!r} did not route to {page!r}") from error
        self.assertEqual(routed.pk, page.pk, msg)
