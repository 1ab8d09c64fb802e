from wagtail.models import Page

from home.models import HomePage, StandardPage
from partners.models import MoUPage, PartnersPage
from tests.pages import LocalisedPageTestCase


class HomePageTypesTests(LocalisedPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get(locale__language_code="ar")
        self.about = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")

    def test_home_page_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_page_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_partners_page_under_home_and_mou_under_partners(self):
        self.assertAllowedParentPageTypes(PartnersPage, {HomePage})
        self.assertAllowedParentPageTypes(MoUPage, {PartnersPage})
        self.assertCanNotCreateAt(HomePage, MoUPage)

    def test_home_and_standard_pages_are_routable_and_renderable(self):
        for page in (self.home, self.about, self.home.get_translation(self.en), self.about.get_translation(self.en)):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    @property
    def en(self):
        from wagtail.models import Locale

        return Locale.objects.get(language_code="en")
