"""MoUs: status from the term, the partners page's register and filters, and what was delivered under an MoU."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import built_for_module, for_this_test, home_pages
from forum_site.localize import translate
from partners.models import MoUPage, MoUStatus, PartnerOrganisation
from publications.tests import helpers as publication_helpers

from . import helpers

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("term_start", "term_end", "status"),
    [
        (None, None, MoUStatus.ACTIVE),
        (datetime.date(2026, 1, 1), None, MoUStatus.ACTIVE),
        (datetime.date(2026, 1, 1), datetime.date(2026, 6, 1), MoUStatus.ACTIVE),
        (datetime.date(2025, 1, 1), datetime.date(2026, 5, 31), MoUStatus.EXPIRED),
        (datetime.date(2026, 6, 2), None, MoUStatus.UPCOMING),
    ],
)
def test_status_is_derived_from_the_term(term_start, term_end, status):
    assert MoUPage(term_start=term_start, term_end=term_end).status_on(TODAY) == status


def test_a_term_cannot_end_before_it_starts():
    page = MoUPage(title="x", slug="x", term_start=datetime.date(2026, 2, 1), term_end=datetime.date(2026, 1, 1))

    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "term_end" in error.value.message_dict


@pytest.fixture
def register(partners_page):
    locale = partners_page.locale
    amman = helpers.organisation(locale, "أمانة عمان", PartnerOrganisation.Kind.MUNICIPALITY, "الأردن")
    escwa = helpers.organisation(locale, "الإسكوا", PartnerOrganisation.Kind.UN_AGENCY, "لبنان")
    uitp = helpers.organisation(locale, "الاتحاد الدولي", PartnerOrganisation.Kind.INTERNATIONAL_ORGANISATION, "بلجيكا")
    helpers.mou(partners_page, "مذكرة البلديات", [amman], term_end=datetime.date(2099, 1, 1))
    helpers.mou(partners_page, "مذكرة الأمم المتحدة", [amman, escwa])
    helpers.mou(
        partners_page, "مذكرة منتهية", [uitp], term_start=datetime.date(2020, 1, 1), term_end=datetime.date(2021, 1, 1)
    )
    return partners_page


def register_titles(response):
    return sorted(page.title for page in response.context["mous"])


def test_partners_page_shows_organisations_and_the_register(client, register):
    response = client.get(register.url)
    html = response.content.decode()

    assert "الإسكوا" in html
    assert register_titles(response) == ["مذكرة الأمم المتحدة", "مذكرة البلديات", "مذكرة منتهية"]


def test_register_filters_by_partner_kind(client, register):
    response = client.get(register.url, {"kind": "un_agency"})

    assert register_titles(response) == ["مذكرة الأمم المتحدة"]


def test_register_filters_by_country(client, register):
    response = client.get(register.url, {"country": "الأردن"})

    assert register_titles(response) == ["مذكرة الأمم المتحدة", "مذكرة البلديات"]


def test_register_filters_by_status(client, register):
    assert register_titles(client.get(register.url, {"status": "expired"})) == ["مذكرة منتهية"]
    assert register_titles(client.get(register.url, {"status": "active"})) == ["مذكرة الأمم المتحدة", "مذكرة البلديات"]


def test_register_ignores_unknown_filter_values(client, register):
    response = client.get(register.url, {"kind": "pirates", "status": "<script>", "page": "-1"})

    assert response.status_code == 200
    assert len(response.context["mous"]) == 3


def test_register_filters_are_a_labelled_get_form(client, register):
    html = client.get(register.url).content.decode()

    assert '<form method="get"' in html
    for name in ("kind", "country", "status"):
        assert f'<label for="id_{name}">' in html


def test_mou_page_shows_parties_signatories_term_and_status(client, partners_page):
    locale = partners_page.locale
    amman = helpers.organisation(locale, "أمانة عمان")
    page = helpers.mou(partners_page, "مذكرة", [amman], term_start=datetime.date(2026, 1, 21), signed_at="عمّان")
    page.signatories = [helpers.signatory("د. يوسف الشواربة", "أمين عمان", amman, locale)]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert "د. يوسف الشواربة" in html and "أمين عمان" in html
    assert 'datetime="2026-01-21"' in html
    assert "mou-status--active" in html


@pytest.fixture(scope="module")
def delivered_of_module(request, partners_page_of_module):
    return built_for_module(
        request, "delivered", lambda partners: delivered_under_an_mou(partners, home_pages()), partners_page_of_module
    )


@pytest.fixture
def delivered(delivered_of_module, partners_page, site_tree):
    """An MoU with a publication and a news item delivered under it, in Arabic and in English."""
    return for_this_test(delivered_of_module, delivered_under_an_mou, partners_page, site_tree)


def delivered_under_an_mou(partners_page, site_tree):
    from news.tests.helpers import news_index, news_page

    locale = partners_page.locale
    amman = helpers.organisation(locale, "أمانة عمان", english=("Greater Amman Municipality", "Jordan"))
    page = helpers.mou(partners_page, "مذكرة البترا", [amman], slug="petra")
    pub_index = publication_helpers.index_page(site_tree.home_ar)
    publication = publication_helpers.publication(pub_index, "دليل الاستراتيجية", slug="guide", mou=page)
    other = publication_helpers.publication(pub_index, "دراسة أخرى", slug="other")
    index = news_index(site_tree.home_ar)
    news = news_page(index, "توقيع المذكرة", slug="signing", mou=page)
    draft = news_page(index, "مسودة", slug="draft", mou=page)
    draft.unpublish()
    return {
        "partners_page": partners_page,
        "mou": page,
        "publication": publication,
        "other": other,
        "news": news,
        "pub_index": pub_index,
        "news_index": index,
    }


def delivered_by_type(response):
    return {type(pages[0]).__name__: [page.title for page in pages] for _label, pages in response.context["delivered"]}


def test_mou_page_lists_what_was_delivered_under_it_by_type(client, delivered):
    response = client.get(delivered["mou"].url)
    groups = delivered_by_type(response)

    assert groups == {"PublicationPage": ["دليل الاستراتيجية"], "NewsPage": ["توقيع المذكرة"]}
    html = response.content.decode()
    assert f'href="{delivered["publication"].url}"' in html
    assert f'href="{delivered["news"].url}"' in html
    assert "مسودة" not in html


def test_publication_delivered_under_an_mou_links_back_to_it(client, delivered):
    html = client.get(delivered["publication"].url).content.decode()

    assert f'href="{delivered["mou"].url}"' in html


def test_news_delivered_under_an_mou_links_back_to_it(client, delivered):
    html = client.get(delivered["news"].url).content.decode()

    assert f'href="{delivered["mou"].url}"' in html


def test_english_mou_lists_english_translations_even_when_they_point_at_the_arabic_mou(client, delivered):
    translate(delivered["partners_page"], {"الشركاء": "Partners", "partners": "partners"})
    english_mou = translate(delivered["mou"], {"مذكرة البترا": "Petra MoU", "petra": "petra"})
    translate(delivered["pub_index"], {"المنشورات": "Publications", "publications": "publications"})
    english_publication = translate(
        delivered["publication"], {"دليل الاستراتيجية": "Strategy guide", "guide": "guide", "Abstract": "Abstract"}
    )
    # wagtail-localize copies the page link as it is: the English publication still points at the Arabic MoU.
    assert english_publication.mou_id == delivered["mou"].pk

    response = client.get(english_mou.url)
    groups = delivered_by_type(response)

    assert groups == {"PublicationPage": ["Strategy guide"]}
    assert f'href="{english_mou.url}"' in client.get(english_publication.url).content.decode()


def test_english_mou_also_lists_pages_pointing_at_the_english_mou(client, delivered, site_tree):
    from news.tests.helpers import news_index, news_page

    translate(delivered["partners_page"], {"الشركاء": "Partners", "partners": "partners"})
    english_mou = translate(delivered["mou"], {"مذكرة البترا": "Petra MoU", "petra": "petra"})
    english_index = news_index(site_tree.home_en, slug="news-en")
    news_page(english_index, "Written in English", slug="english-only", mou=english_mou)

    response = client.get(english_mou.url)
    groups = delivered_by_type(response)

    assert groups == {"NewsPage": ["Written in English"]}


def test_mou_page_lists_nothing_the_public_may_not_see(client, delivered):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=delivered["news"], restriction_type=PageViewRestriction.LOGIN)

    groups = delivered_by_type(client.get(delivered["mou"].url))

    assert groups == {"PublicationPage": ["دليل الاستراتيجية"]}


def test_mou_page_query_count_does_not_grow_with_what_was_delivered(client, delivered, rendered_pages):
    client.get(delivered["mou"].url)
    with CaptureQueriesContext(connection) as few:
        client.get(delivered["mou"].url)

    for number in range(5):
        publication_helpers.publication(delivered["pub_index"], f"منشور {number}", mou=delivered["mou"])
    with CaptureQueriesContext(connection) as many:
        response = client.get(delivered["mou"].url)

    assert sum(len(pages) for _label, pages in response.context["delivered"]) == 7
    assert len(many) == len(few)


def test_english_mou_names_the_english_parties(client, partners_page):
    locale = partners_page.locale
    amman = helpers.organisation(locale, "أمانة عمان", english=("Greater Amman Municipality", "Jordan"))
    page = helpers.mou(partners_page, "مذكرة", [amman], slug="m")
    translate(partners_page, {"الشركاء": "Partners", "partners": "partners"})
    english = translate(page, {"مذكرة": "MoU", "m": "m"})

    html = client.get(english.url).content.decode()

    assert "Greater Amman Municipality" in html
    assert "أمانة عمان" not in html


def test_partners_page_query_count_does_not_grow_with_the_register(client, register, rendered_pages):
    client.get(register.url)
    with CaptureQueriesContext(connection) as few:
        client.get(register.url)

    locale = register.locale
    for number in range(6):
        party = helpers.organisation(locale, f"بلدية {number}", country="مصر")
        helpers.mou(register, f"مذكرة {number}", [party])
    # A new partner organisation renews what every page shares (the footer's partners): rebuilt once, first.
    client.get(register.url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(register.url)

    assert len(response.context["mous"]) == 9
    assert len(many) == len(few)


def test_a_page_does_not_link_to_an_unpublished_mou(client, delivered):
    delivered["mou"].unpublish()

    html = client.get(delivered["publication"].url).content.decode()

    assert f'href="{delivered["mou"].url}"' not in html
