"""Citation: BibTeX and RIS downloads that parse back with the authors in order, Highwire tags, JSON-LD, OG."""

import datetime
import json
import re

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors
from wagtail.models import Locale

from conftest import built_for_module, for_this_test
from forum_site.localize import translate
from publications.models import Author

from . import helpers

pytestmark = pytest.mark.django_db

ARABIC = {
    "title": "المراجعة المحلية الطوعية",
    "subtitle": "مسار الإعداد",
    "authors": [("خريسات", "أكرم"), ("النصراوي", "سكينة")],
    "organisation": "أمانة عمان الكبرى",
}
ENGLISH = {
    "title": "The voluntary local review",
    "subtitle": "How it was prepared",
    "authors": [("Khraisat", "Akram"), ("Al-Nasrawi", "Sukaina")],
    "organisation": "Greater Amman Municipality",
}


@pytest.fixture(scope="module")
def cited_of_module(request, publication_index_of_module):
    return built_for_module(request, "cited", a_cited_study, publication_index_of_module)


@pytest.fixture
def cited(cited_of_module, publication_index):
    """A study by two people and an organisation, in that order, in Arabic with its English translation."""
    return for_this_test(cited_of_module, a_cited_study, publication_index)


def a_cited_study(publication_index):
    arabic = publication_index.locale
    people = []
    english_of = {}
    for (family_ar, given_ar), (family_en, given_en) in zip(ARABIC["authors"], ENGLISH["authors"], strict=True):
        person = helpers.author(arabic, f"{given_ar} {family_ar}", Author.Kind.PERSON, family_ar, given_ar)
        translate(person, {person.name: f"{given_en} {family_en}", family_ar: family_en, given_ar: given_en})
        people.append(person)
    organisation = helpers.author(arabic, ARABIC["organisation"])
    translate(organisation, {ARABIC["organisation"]: ENGLISH["organisation"]})

    page = helpers.publication(
        publication_index,
        ARABIC["title"],
        date=datetime.date(2026, 3, 2),
        languages=("ar", "en"),
        authors=[*people, organisation],
        subtitle=ARABIC["subtitle"],
        publisher="المنتدى العربي للمدن الذكية",
        doi="10.5281/zenodo.1234567",
        slug="vlr",
        abstract="<p>ملخص الدراسة</p>",
    )
    english_of.update(
        {
            ARABIC["title"]: ENGLISH["title"],
            ARABIC["subtitle"]: ENGLISH["subtitle"],
            "vlr": "vlr",
            "المنتدى العربي للمدن الذكية": "Arab Smart Cities Forum",
            "ملخص الدراسة": "Summary of the study",
        }
    )
    translate(publication_index, {"المنشورات": "Publications", "publications": "publications"})
    english = translate(page, english_of)
    return {"ar": page, "en": english}


def expected_authors(language):
    names = ARABIC if language == "ar" else ENGLISH
    return [f"{family}, {given}" for family, given in names["authors"]] + [names["organisation"]]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_bibtex_download_parses_with_authors_in_order(client, cited, language):
    page = cited[language]
    response = client.get(page.url + "cite/bibtex/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert "attachment" in response["Content-Disposition"]
    library = bibtexparser.parse_string(response.content.decode(), append_middleware=[SeparateCoAuthors()])
    assert not library.failed_blocks
    (entry,) = library.entries
    authors = [name.strip("{}") for name in entry["author"]]
    assert authors == expected_authors(language)
    names = ARABIC if language == "ar" else ENGLISH
    assert entry["title"] == f"{names['title']}: {names['subtitle']}"
    assert entry["year"] == "2026"
    assert entry["doi"] == "10.5281/zenodo.1234567"
    assert entry.entry_type == "techreport"


def test_bibtex_keeps_an_organisation_author_whole(client, cited):
    text = client.get(cited["en"].url + "cite/bibtex/").content.decode()

    assert "and {Greater Amman Municipality}" in text


@pytest.mark.parametrize("language", ["ar", "en"])
def test_ris_download_parses_with_authors_in_order(client, cited, language):
    page = cited[language]
    response = client.get(page.url + "cite/ris/")

    assert response.status_code == 200
    (record,) = rispy.loads(response.content.decode())
    assert record["type_of_reference"] == "RPRT"
    assert record["authors"] == expected_authors(language)
    assert record["year"] == "2026"
    assert record["date"] == "2026/03/02"
    assert record["doi"] == "10.5281/zenodo.1234567"
    assert record["language"] == {"ar": "Arabic", "en": "English"}[language]


def test_ris_reference_type_follows_the_publication_type(client, publication_index):
    page = helpers.publication(publication_index, "وقائع", publication_type="proceedings", slug="proc")

    (record,) = rispy.loads(client.get(page.url + "cite/ris/").content.decode())

    assert record["type_of_reference"] == "CONF"


def meta(html, name):
    return re.findall(rf'<meta name="{name}" content="([^"]*)">', html)


def test_highwire_tags_describe_the_publication(client, cited):
    page = cited["en"]
    html = client.get(page.url).content.decode()

    assert meta(html, "citation_title") == ["The voluntary local review: How it was prepared"]
    assert meta(html, "citation_author") == expected_authors("en")
    assert meta(html, "citation_publication_date") == ["2026/03/02"]
    assert meta(html, "citation_language") == ["en"]
    assert meta(html, "citation_doi") == ["10.5281/zenodo.1234567"]
    (pdf_url,) = meta(html, "citation_pdf_url")
    english_edition = page.editions.get(language="en")
    assert pdf_url == "http://testserver" + english_edition.document.url


def test_highwire_pdf_url_is_the_edition_in_the_page_language(client, cited):
    html = client.get(cited["ar"].url).content.decode()

    (pdf_url,) = meta(html, "citation_pdf_url")
    assert pdf_url.endswith(cited["ar"].editions.get(language="ar").document.url)
    assert meta(html, "citation_author") == expected_authors("ar")
    assert meta(html, "citation_language") == ["ar"]


def test_json_ld_is_a_schema_org_scholarly_article(client, cited):
    html = client.get(cited["en"].url).content.decode()

    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(raw)
    assert data["@type"] == "ScholarlyArticle"
    assert [author["name"] for author in data["author"]] == [
        "Akram Khraisat",
        "Sukaina Al-Nasrawi",
        "Greater Amman Municipality",
    ]
    assert data["author"][2]["@type"] == "Organization"
    assert data["datePublished"] == "2026-03-02"
    assert data["inLanguage"] == "en"
    assert {media["inLanguage"] for media in data["encoding"]} == {"ar", "en"}


def test_json_ld_cannot_be_closed_by_a_title(client, publication_index):
    page = helpers.publication(publication_index, "</script><script>alert(1)</script>", slug="x")

    html = client.get(page.url).content.decode()

    assert "</script><script>alert(1)" not in html


def test_open_graph_tags(client, cited):
    html = client.get(cited["en"].url).content.decode()

    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="The voluntary local review: How it was prepared">' in html
    assert '<meta property="og:locale" content="en_GB">' in html


def test_cite_block_shows_the_apa_reference_and_the_downloads(client, cited):
    html = client.get(cited["en"].url).content.decode()

    assert (
        "Khraisat, A., Al-Nasrawi, S., &amp; Greater Amman Municipality. (2026). <i>The voluntary local review: How "
        "it was prepared</i>" in html
    )
    for route in ("bibtex", "ris", "csl-json", "datacite"):
        assert 'href="' + cited["en"].url + f'cite/{route}/"' in html


def test_english_page_lists_editions_with_page_count_and_size(client, cited):
    html = client.get(cited["en"].url).content.decode()

    assert html.count('type="application/pdf"') == 2
    assert "1 page" in html
    assert re.search(r"\d+(\.\d)?\xa0KB", html)


def test_english_translation_uses_english_author_snippets(cited):
    english = cited["en"]

    assert [row.author.locale for row in english.publication_authors.all()] == [
        Locale.objects.get(language_code="en")
    ] * 3
