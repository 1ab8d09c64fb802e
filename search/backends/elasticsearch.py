"""Wagtail's Elasticsearch 9 backend with an Arabic analyzer, fed the same normalised text as the database."""

from modelsearch.backends import elasticsearch9
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from . import NormalisingBackendMixin, VocabularyIndexMixin, indexed_form

TEXT_ANALYZER = "forum_text"
# Queries are analysed as documents are, then editors' synonyms are added (search.synonyms): at search time only,
# so an edit applies without reindexing (apply_synonyms).
SEARCH_ANALYZER = "forum_text_search"
SYNONYM_FILTER = "forum_synonyms"

# Elasticsearch's own `arabic` analyzer, rebuilt as a custom one (its documented definition) so that it also
# reads English: Latin words are lower-cased and left to the normaliser's plural stemming, which every
# backend shares. Running Lucene's normaliser and stemmer over text already normalised is harmless: both
# sides of every match go through the same chain.
TEXT_FILTERS = ["lowercase", "decimal_digit", "arabic_stop", "arabic_normalization", "arabic_stemmer"]
ARABIC_ANALYSIS = {
    "analyzer": {
        TEXT_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": TEXT_FILTERS},
        SEARCH_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": [*TEXT_FILTERS, SYNONYM_FILTER]},
    },
    "filter": {
        "arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
        "arabic_stemmer": {"type": "stemmer", "language": "arabic"},
    },
}


def synonym_analysis():
    """The synonym filter and the search analyzer, built from the editors' groups as they are now."""
    from search.synonyms import elasticsearch_rules

    # The rules are in search form, as the documents and queries this analyzer sees; each rule is analysed by the
    # filters before it, which leaves that form as it is. `lenient` skips a rule a stop word would empty.
    synonym_filter = {"type": "synonym_graph", "lenient": True, "synonyms": elasticsearch_rules()}
    return {
        "analyzer": {SEARCH_ANALYZER: ARABIC_ANALYSIS["analyzer"][SEARCH_ANALYZER]},
        "filter": {SYNONYM_FILTER: synonym_filter},
    }


def _deep_merge(base, extra):
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = _deep_merge(merged[key], value) if isinstance(merged.get(key), dict) else value
    return merged


class ArabicElasticsearchMapping(elasticsearch9.Elasticsearch9Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        self._use_text_analyzer(mapping["properties"])
        return mapping

    def _use_text_analyzer(self, properties):
        for field_mapping in properties.values():
            if field_mapping.get("type") == "nested":
                self._use_text_analyzer(field_mapping["properties"])
            elif field_mapping.get("type") == "text" and "analyzer" not in field_mapping:
                field_mapping["analyzer"] = TEXT_ANALYZER
                field_mapping["search_analyzer"] = SEARCH_ANALYZER

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, (SearchField, AutocompleteField)) and not isinstance(field, RelatedFields):
            value = indexed_form(field, value)
            edgengrams = [indexed_form(field, edgengram) for edgengram in edgengrams]
        return name, value, edgengrams


class ArabicElasticsearchSearchQueryCompiler(elasticsearch9.Elasticsearch9SearchQueryCompiler):
    mapping_class = ArabicElasticsearchMapping


class ArabicElasticsearchAutocompleteQueryCompiler(elasticsearch9.Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = ArabicElasticsearchMapping


class ArabicElasticsearchIndex(VocabularyIndexMixin, elasticsearch9.Elasticsearch9Index):
    add_normalised_items = elasticsearch9.Elasticsearch9Index.add_items  # the mapping normalises the documents

    def put(self):
        self.es.indices.create(index=self.name, **self.backend.index_settings())


class ArabicElasticsearchSearchBackend(NormalisingBackendMixin, elasticsearch9.Elasticsearch9SearchBackend):
    expands_synonyms = False  # the search analyzer's synonym_graph filter does it
    index_class = ArabicElasticsearchIndex
    mapping_class = ArabicElasticsearchMapping
    query_compiler_class = ArabicElasticsearchSearchQueryCompiler
    autocomplete_query_compiler_class = ArabicElasticsearchAutocompleteQueryCompiler
    settings = _deep_merge(
        elasticsearch9.Elasticsearch9SearchBackend.settings, {"settings": {"analysis": ARABIC_ANALYSIS}}
    )

    def index_settings(self):
        """The settings an index is created with: the analyzers, with the synonyms of the moment."""
        return _deep_merge(self.settings, {"settings": {"analysis": synonym_analysis()}})

    def apply_synonyms(self):
        """Put the editors' current synonyms into every index of the site: analysis settings change only on a
        closed index, so each is closed for the moment it takes (searches of that index fail meanwhile)."""
        analysis = {"analysis": synonym_analysis()}
        for name in self.es.indices.get(index=f"{self.index_prefix}*"):
            self.es.indices.close(index=name)
            try:
                self.es.indices.put_settings(index=name, settings=analysis)
            finally:
                self.es.indices.open(index=name)


SearchBackend = ArabicElasticsearchSearchBackend
