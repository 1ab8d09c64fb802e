"""Wagtail's Elasticsearch 9 backend with an Arabic analyzer, fed the same normalised text as the database."""

from modelsearch.backends import elasticsearch9
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from . import NormalisingBackendMixin, indexed_form

TEXT_ANALYZER = "forum_text"

# Elasticsearch's own `arabic` analyzer, rebuilt as a custom one (its documented definition) so that it also
# reads English: Latin words are lower-cased and left to the normaliser's plural stemming, which every
# backend shares. Running Lucene's normaliser and stemmer over text already normalised is harmless: both
# sides of every match go through the same chain.
ARABIC_ANALYSIS = {
    "analyzer": {
        TEXT_ANALYZER: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "decimal_digit", "arabic_stop", "arabic_normalization", "arabic_stemmer"],
        },
    },
    "filter": {
        "arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
        "arabic_stemmer": {"type": "stemmer", "language": "arabic"},
    },
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


class ArabicElasticsearchSearchBackend(NormalisingBackendMixin, elasticsearch9.Elasticsearch9SearchBackend):
    mapping_class = ArabicElasticsearchMapping
    query_compiler_class = ArabicElasticsearchSearchQueryCompiler
    autocomplete_query_compiler_class = ArabicElasticsearchAutocompleteQueryCompiler
    settings = _deep_merge(
        elasticsearch9.Elasticsearch9SearchBackend.settings, {"settings": {"analysis": ARABIC_ANALYSIS}}
    )


SearchBackend = ArabicElasticsearchSearchBackend
