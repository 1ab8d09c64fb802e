"""The page tree of publications, partners and news, checked with Wagtail's page test assertions."""

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from news.tests.helpers import news_index, news_page
from partners.models import MoUPage, PartnersPage
from partners.tests.helpers import mou, partners_page
from publications.models import PublicationIndexPage, PublicationPage
from tests.pages import LocalisedPageTestCase

from . import helpers


class PageTreeTests(LocalisedPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="ar")
        cls.index = helpers.index_page(cls.home)
        cls.publication = helpers.publication(cls.index, "دراسة", slug="study")
        cls.partners = partners_page(cls.home)
        cls.mou = mou(cls.partners, "مذكرة", slug="mou")
        cls.news_index = news_index(cls.home)
        cls.news = news_page(cls.news_index, "خبر", slug="item")

    def test_publication_pages_sit_under_their_index_under_home(self):
        self.assertAllowedParentPageTypes(PublicationIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(PublicationPage, {PublicationIndexPage})
        self.assertAllowedSubpageTypes(PublicationPage, set())

    def test_partner_and_news_pages_sit_under_their_index_under_home(self):
        self.assertAllowedParentPageTypes(PartnersPage, {HomePage})
        self.assertAllowedParentPageTypes(MoUPage, {PartnersPage})
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})

    def test_editors_can_create_each_page_type_where_it_belongs(self):
        self.assertCanCreateAt(HomePage, PublicationIndexPage)
        self.assertCanCreateAt(PublicationIndexPage, PublicationPage)
        self.assertCanCreateAt(HomePage, PartnersPage)
        self.assertCanCreateAt(PartnersPage, MoUPage)
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, PublicationPage)
        self.assertCanNotCreateAt(HomePage, MoUPage)

    def test_publication_routes_are_routable_and_renderable(self):
        self.assertPageIsRoutable(self.publication)
        self.assertPageIsRoutable(self.publication, "cite/bibtex/")
        self.assertPageIsRoutable(self.publication, "cite/ris/")
        self.assertPageIsRenderable(self.publication)
        self.assertPageIsRenderable(self.publication, "cite/ris/")

    def test_publication_index_and_its_feeds_are_routable_and_renderable(self):
        self.assertPageIsRoutable(self.index, "feed/rss/")
        self.assertPageIsRoutable(self.index, "feed/atom/")
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.index, "feed/atom/")

    def test_partner_and_news_pages_are_routable_and_renderable(self):
        for page in (self.partners, self.mou, self.news_index, self.news):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(self.news_index, "feed/rss/")


def test_every_page_type_names_its_date_field_for_the_search_year_filter():
    for model in (PublicationIndexPage, PublicationPage, PartnersPage, MoUPage, NewsIndexPage, NewsPage):
        field = model._meta.get_field(model.search_date_field)
        assert field.get_internal_type() in {"DateField", "DateTimeField"}, model
