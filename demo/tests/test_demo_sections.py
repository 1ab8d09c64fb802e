"""The demo content of partners, publications and news: complete, bilingual and idempotent."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from news.models import NewsPage
from partners.models import MoUPage, PartnerOrganisation
from publications.models import PublicationEdition, PublicationPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "organisations": PartnerOrganisation.objects.count(),
        "editions": PublicationEdition.objects.count(),
    }


def test_loading_the_demo_content_twice_creates_nothing_more(demo_site):
    before = counts()

    call_command("load_demo_content", stdout=io.StringIO())

    assert counts() == before


def test_every_partner_organisation_named_in_the_facts_has_an_english_translation(demo_site):
    arabic = PartnerOrganisation.objects.filter(locale__language_code="ar")
    english_names = set(PartnerOrganisation.objects.filter(locale__language_code="en").values_list("name", flat=True))

    assert arabic.count() == 14
    assert {
        "Petra Development and Tourism Region Authority",
        "Greater Amman Municipality",
        "Arab Towns Organization",
        "UN-Habitat",
        "Muscat Municipality",
        "Dhofar Municipality",
    } <= english_names
    assert len(english_names) == 14


def test_demo_has_the_two_petra_mous_and_the_mobility_agreement_in_both_languages(demo_site):
    for language_code in ("ar", "en"):
        mous = MoUPage.objects.live().filter(locale__language_code=language_code)
        assert mous.count() == 3
    petra = MoUPage.objects.get(locale__language_code="en", slug="services-cooperation-petra")
    assert petra.signed_on.strftime("%A") == "Wednesday"
    assert [row.name for row in petra.signatories.all()] == ["Dr. Yousef Al-Shawarbeh", "Dr. Fares Braizat"]


def test_demo_publications_have_pdf_editions_with_pages_and_text(demo_site):
    publications = PublicationPage.objects.live().filter(locale__language_code="en")
    assert publications.count() == 3
    editions = PublicationEdition.objects.filter(page__locale__language_code="ar")
    assert editions.count() == 5
    for edition in editions:
        assert edition.page_count >= 2
        assert edition.document.file_size > 1000
        assert edition.extracted_text
    arabic_text = editions.get(page__slug="عمان-نحو-المراجعة-المحلية-الطوعية-الثانية", language="ar").extracted_text
    assert "المرصد الحضري" in arabic_text


def test_demo_news_cover_every_event_in_both_languages(demo_site):
    assert NewsPage.objects.live().filter(locale__language_code="ar").count() == 8
    assert NewsPage.objects.live().filter(locale__language_code="en").count() == 8


def test_home_page_shows_publications_partners_and_news_in_that_order(client, demo_site):
    html = client.get(demo_site.home_en.url).content.decode()

    positions = [html.index(f'id="home-{name}-heading"') for name in ("publications", "partners", "news")]
    assert positions == sorted(positions)


def test_home_page_sections_cost_a_fixed_number_of_queries(
    client, demo_site, rendered_pages, django_assert_max_num_queries
):
    client.get(demo_site.home_ar.url)
    with django_assert_max_num_queries(25):
        client.get(demo_site.home_ar.url)
