"""The search page's cases against a real Elasticsearch cluster, where ELASTICSEARCH_URL is set."""

import io
import os

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from search.tests.pages import create_search_pages
from search.tests.test_search_page import ARABIC_VARIANTS, ENGLISH_INFLECTIONS, result_titles

pytestmark = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="ELASTICSEARCH_URL is not set: no Elasticsearch cluster to run these cases against",
)


@pytest.fixture
def indexed_pages(site_tree):
    pages = create_search_pages(site_tree)
    call_command("update_index", stdout=io.StringIO())
    get_search_backend().refresh_indexes()
    return pages


@pytest.mark.parametrize(("query", "title"), ARABIC_VARIANTS)
def test_arabic_spelling_variant_finds_page_on_elasticsearch(client, indexed_pages, query, title):
    assert title in result_titles(client.get("/ar/search/", {"q": query}))


@pytest.mark.parametrize(("query", "title"), ENGLISH_INFLECTIONS)
def test_english_inflection_finds_page_on_elasticsearch(client, indexed_pages, query, title):
    assert title in result_titles(client.get("/en/search/", {"q": query, "type": "pages"}))


def test_arabic_search_never_returns_english_pages_on_elasticsearch(client, indexed_pages):
    assert result_titles(client.get("/ar/search/", {"q": "GIS"})) == ["نظم GIS للبلديات"]


def test_an_edited_synonym_group_applies_without_reindexing_on_elasticsearch(client, indexed_pages):
    from wagtail.models import Locale

    from search.models import SynonymGroup

    assert result_titles(client.get("/ar/search/", {"q": "GISX"})) == []
    SynonymGroup.objects.create(locale=Locale.objects.get(language_code="ar"), terms="GISX", also_finds="خرائط")
    # On commit an edit puts the groups into the live indexes; a test's transaction never commits: do it here.
    get_search_backend().apply_synonyms()

    assert result_titles(client.get("/ar/search/", {"q": "GISX"})) == ["نظم GIS للبلديات"]
