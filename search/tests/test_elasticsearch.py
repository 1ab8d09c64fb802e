"""The Elasticsearch backend: its index settings, mappings, documents and queries, built offline.

No cluster can run where the suite runs; test_elasticsearch_cluster.py runs the search cases against a real
one when ELASTICSEARCH_URL is set.
"""

import pytest
from wagtail.models import Page

from home.models import StandardPage
from search.backends.elasticsearch import (
    SEARCH_ANALYZER,
    SYNONYM_FILTER,
    TEXT_ANALYZER,
    ArabicElasticsearchSearchBackend,
)

# Nothing listens there: building settings, mappings and queries never connects.
OFFLINE = {"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "test_"}


@pytest.fixture
def backend():
    return ArabicElasticsearchSearchBackend(dict(OFFLINE))


def test_index_settings_define_an_arabic_analyzer(backend):
    analysis = backend.settings["settings"]["analysis"]
    filters = analysis["analyzer"][TEXT_ANALYZER]["filter"]

    assert filters == ["lowercase", "decimal_digit", "arabic_stop", "arabic_normalization", "arabic_stemmer"]
    assert analysis["filter"]["arabic_stemmer"] == {"type": "stemmer", "language": "arabic"}
    assert analysis["filter"]["arabic_stop"] == {"type": "stop", "stopwords": "_arabic_"}


def test_index_settings_keep_wagtail_autocomplete_analyzers(backend):
    analyzers = backend.settings["settings"]["analysis"]["analyzer"]

    assert {"edgengram_analyzer", "ngram_analyzer", TEXT_ANALYZER} <= set(analyzers)


def test_every_full_text_field_is_mapped_with_the_arabic_analyzer(backend):
    properties = backend.mapping_class(StandardPage).get_mapping()["properties"]

    assert properties["title"]["analyzer"] == TEXT_ANALYZER
    assert properties["home_standardpage__summary"]["analyzer"] == TEXT_ANALYZER
    assert properties["_all_text"]["analyzer"] == TEXT_ANALYZER
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"


def test_document_holds_normalised_stemmed_text(backend, site_tree):
    page = site_tree.home_ar.add_child(
        instance=StandardPage(title="مؤشر المدن الذكية", slug="index", summary="الإستراتيجية في عمّان")
    )

    document = backend.mapping_class(StandardPage).get_document(page)

    assert document["title"] == "مؤشر مدن ذك"
    assert document["home_standardpage__summary"] == "استراتيج في عم"
    assert "المدن" in " ".join(document["_edgengrams"])


def test_query_is_normalised_like_the_documents(backend):
    results = backend.search("الذكيه عمّان", Page.objects.all())

    query = str(results.query_compiler.get_query())

    assert "ذك" in query and "عم" in query
    assert "الذكيه" not in query and "عمّان" not in query


def test_empty_query_after_normalisation_builds_no_request(backend):
    results = backend.search('" * -', Page.objects.all())

    assert list(results) == []


def test_index_settings_build_a_synonym_graph_filter_from_the_editors_groups(backend, db):
    from wagtail.models import Locale

    from search.models import SynonymGroup

    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    SynonymGroup.objects.create(locale=arabic, terms="VLR", also_finds="الاستعراض المحلي الطوعي")
    SynonymGroup.objects.create(locale=arabic, terms="البترا\nالبتراء\nPetra")

    analysis = backend.index_settings()["settings"]["analysis"]

    # In search form, as the documents and the queries reach the analyzer: one-way with =>, equivalents with commas.
    # البتراء and البترا have one search form already (normalise.SPELLING_RULES): the group keeps it once.
    assert analysis["filter"][SYNONYM_FILTER] == {
        "type": "synonym_graph",
        "lenient": True,
        "synonyms": ["vlr => vlr, استعراض محل طوع", "بترا, petra"],
    }
    assert analysis["analyzer"][SEARCH_ANALYZER]["filter"] == [
        "lowercase",
        "decimal_digit",
        "arabic_stop",
        "arabic_normalization",
        "arabic_stemmer",
        SYNONYM_FILTER,
    ]
    # Documents are analysed without synonyms: an edited group applies without reindexing.
    assert SYNONYM_FILTER not in analysis["analyzer"][TEXT_ANALYZER]["filter"]


def test_full_text_fields_are_searched_with_the_synonym_analyzer(backend):
    properties = backend.mapping_class(StandardPage).get_mapping()["properties"]

    assert properties["title"]["search_analyzer"] == SEARCH_ANALYZER
    assert properties["_all_text"]["search_analyzer"] == SEARCH_ANALYZER


def test_queries_are_left_to_the_analyzer_to_expand(backend, db):
    from wagtail.models import Locale

    from search.models import SynonymGroup

    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    SynonymGroup.objects.create(locale=arabic, terms="VLR", also_finds="الاستعراض المحلي الطوعي")

    query = str(backend.search("VLR", Page.objects.all()).query_compiler.get_query())

    assert "vlr" in query and "استعراض" not in query
