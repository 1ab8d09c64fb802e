"""Linked language editions: schema.org workTranslation / translationOfWork, DataCite HasTranslation /
IsTranslationOf (valid against DataCite 4.6), each edition's own citation_language and citation_pdf_url, the DOI
wherever an identifier goes, and a publication page in a constant number of queries."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from . import helpers
from .xsd import validated

pytestmark = pytest.mark.django_db

DATACITE = {"d": "http://datacite.org/schema/kernel-4"}
DOI_URL = "https://doi.org/10.5281/zenodo.1234567"


def json_ld(html):
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(raw)


def meta(html, name):
    return re.findall(rf'<meta name="{name}" content="([^"]*)">', html)


def test_arabic_page_names_its_english_translation(client, bilingual_study):
    data = json_ld(client.get(bilingual_study["ar"].url).content.decode())

    (translation,) = data["workTranslation"]
    assert translation["url"] == "http://testserver" + bilingual_study["en"].url
    assert translation["inLanguage"] == "en"
    assert translation["name"] == "The voluntary local review: How it was prepared"
    assert "translationOfWork" not in data


def test_english_page_names_the_arabic_original(client, bilingual_study):
    data = json_ld(client.get(bilingual_study["en"].url).content.decode())

    assert data["translationOfWork"]["url"] == "http://testserver" + bilingual_study["ar"].url
    assert data["translationOfWork"]["inLanguage"] == "ar"
    assert "workTranslation" not in data


def test_a_publication_without_translation_claims_none(client, publication_index):
    page = helpers.publication(publication_index, "وحيد", slug="alone")

    data = json_ld(client.get(page.url).content.decode())

    assert "workTranslation" not in data and "translationOfWork" not in data


@pytest.mark.parametrize(
    ("language", "relation", "other"), [("ar", "HasTranslation", "en"), ("en", "IsTranslationOf", "ar")]
)
def test_datacite_download_relates_the_editions(client, bilingual_study, language, relation, other):
    response = client.get(bilingual_study[language].url + "cite/datacite/")

    assert response["Content-Type"].startswith("application/vnd.datacite.datacite+xml")
    resource = validated(response.content)
    related = resource.xpath("//d:relatedIdentifier", namespaces=DATACITE)
    assert [(node.get("relationType"), node.text) for node in related] == [
        (relation, "http://testserver" + bilingual_study[other].url)
    ]
    assert resource.xpath("//d:language/text()", namespaces=DATACITE) == [language]
    assert resource.xpath("//d:identifier[@identifierType='DOI']/text()", namespaces=DATACITE) == [
        "10.5281/zenodo.1234567"
    ]


def test_datacite_without_doi_is_identified_by_the_page_address(client, publication_index):
    page = helpers.publication(publication_index, "بلا معرّف", slug="no-doi")

    resource = validated(client.get(page.url + "cite/datacite/").content)

    assert resource.xpath("//d:identifier[@identifierType='URL']/text()", namespaces=DATACITE) == [
        "http://testserver" + page.url
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_each_edition_has_its_own_language_and_pdf(client, bilingual_study, language):
    page = bilingual_study[language]
    html = client.get(page.url).content.decode()

    assert meta(html, "citation_language") == [language]
    assert meta(html, "citation_pdf_url") == ["http://testserver" + page.editions.get(language=language).document.url]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_doi_is_used_everywhere(client, bilingual_study, language):
    page = bilingual_study[language]
    html = client.get(page.url).content.decode()

    assert meta(html, "citation_doi") == ["10.5281/zenodo.1234567"]
    assert json_ld(html)["identifier"] == DOI_URL
    assert f'href="{DOI_URL}"' in html
    assert DOI_URL in re.sub(r"<[^>]+>", "", html.split('class="cite"')[1])  # in every style of the Cite box
    assert "10.5281/zenodo.1234567" in client.get(page.url + "cite/bibtex/").content.decode()
    assert "DO  - 10.5281/zenodo.1234567" in client.get(page.url + "cite/ris/").content.decode()
    assert json.loads(client.get(page.url + "cite/csl-json/").content)[0]["DOI"] == "10.5281/zenodo.1234567"


def test_publication_page_queries_do_not_grow_with_authors_editions_or_translations(client, publication_index):
    def queries(page):
        client.get(page.url)  # warm per-process caches (site root paths, content types)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    small = helpers.bilingual_study(publication_index, slug="small")["ar"]
    authors = [helpers.author(publication_index.locale, f"مؤلف {n}") for n in range(5)]
    large = helpers.bilingual_study(publication_index, slug="large", translate_index=False)["ar"]
    large.publication_authors = [
        *large.publication_authors.all(),
        *[type(large.publication_authors.first())(author=a, locale=large.locale) for a in authors],
    ]
    large.save_revision().publish()

    assert queries(large) == queries(small)
