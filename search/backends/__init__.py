"""Search backends that index and query the normalised, stemmed form of every text (see search.normalise).

Normalising at the backend, rather than in each page model or in the search view, means every indexed
field of every model (related fields included) and every query, the Wagtail admin's page search among
them, go through the same `search_form`, whatever engine sits underneath.
"""

import types

from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from search.normalise import autocomplete_form, query_alternatives, search_form, search_words, stem_word
from search.synonyms import synonym_spans
from search.vocabulary import forget_vocabulary, record_vocabulary


def autocomplete_query_form(text):
    """Whole words stemmed, the last one (still being typed) only normalised: it is matched as a prefix."""
    words = search_words(text)
    if not words:
        return ""
    return " ".join([*(stem_word(word) for word in words[:-1]), words[-1]])


def _word_query(stems):
    return Or([PlainText(stem) for stem in stems]) if len(stems) > 1 else PlainText(stems[0])


def _all_words_query(alternatives, operator="and", boost=1):
    """A query for every word of `alternatives` (or any, with operator "or"): a word matches any of its stems."""
    if all(len(stems) == 1 for stems in alternatives):
        return PlainText(" ".join(stems[0] for stems in alternatives), operator=operator, boost=boost)
    words = [_word_query(stems) for stems in alternatives]
    return And(words) if operator == "and" else Or(words)


def _plain_text(text, operator="and", boost=1, synonyms=True):
    """A query for `text` in search form, each run of words that is a synonym's term matching its group too."""
    alternatives = query_alternatives(text)
    spans = synonym_spans(alternatives) if synonyms else []
    if not spans:
        return _all_words_query(alternatives, operator, boost)
    parts = []
    position = 0
    for start, end, found in spans:
        parts += [_word_query(stems) for stems in alternatives[position:start]]
        options = {tuple(stems[0] for stems in alternatives[start:end]): alternatives[start:end]}
        for term in found:
            term_alternatives = query_alternatives(term)
            options.setdefault(tuple(stems[0] for stems in term_alternatives), term_alternatives)
        parts.append(Or([_all_words_query(option) for option in options.values()]))
        position = end
    parts += [_word_query(stems) for stems in alternatives[position:]]
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def normalise_query(query, autocomplete=False, synonyms=False):
    """The query with each of its texts in search form; an empty string when nothing searchable is left."""
    if isinstance(query, str):
        if autocomplete:
            return autocomplete_query_form(query)
        return _plain_text(query, synonyms=synonyms) if search_words(query) else ""
    if isinstance(query, PlainText):
        if autocomplete:
            return PlainText(autocomplete_query_form(query.query_string), operator=query.operator, boost=query.boost)
        if not search_words(query.query_string):
            return PlainText("")
        return _plain_text(query.query_string, query.operator, query.boost, synonyms=synonyms)
    if isinstance(query, Phrase):
        return Phrase(search_form(query.query_string))
    if isinstance(query, (And, Or)):
        return type(query)([normalise_query(subquery, autocomplete, synonyms) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(normalise_query(query.subquery, autocomplete, synonyms))
    if isinstance(query, Boost):
        return Boost(normalise_query(query.subquery, autocomplete, synonyms), query.boost)
    return query


def indexed_form(field, value):
    """What a search_fields entry contributes to the index: its text in search (or autocomplete) form."""
    form = autocomplete_form if isinstance(field, AutocompleteField) else search_form
    if isinstance(value, str):
        return form(value)
    if isinstance(value, list):
        return [form(item) if isinstance(item, str) else item for item in value]
    return value


class NormalisingBackendMixin:
    # The database backends expand editors' synonyms into the query here; Elasticsearch's analyzer does it there.
    expands_synonyms = True

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        autocomplete = query_compiler_class is self.autocomplete_query_compiler_class
        query = normalise_query(query, autocomplete=autocomplete, synonyms=self.expands_synonyms and not autocomplete)
        if isinstance(query, PlainText) and not query.query_string:
            query = ""  # the base backend answers an empty query with empty results
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


class VocabularyIndexMixin:
    """An index that records the words of what it indexes (search.vocabulary), for "did you mean".

    The class names the upstream add_items it wraps `add_normalised_items`.
    """

    def add_item(self, obj):
        self.add_items(obj._meta.model, [obj])

    def add_items(self, model, items):
        self.add_normalised_items(model, items)
        record_vocabulary(model, items)

    def reset(self):
        super().reset()
        forget_vocabulary()


def normalising_object_indexer(base):
    """The database backends' ObjectIndexer, with every leaf field's text put in search form."""

    class NormalisingObjectIndexer(base):
        def prepare_field(self, obj, field):
            if isinstance(field, RelatedFields):
                # The base class recurses into self.prepare_field for each sub-field, which puts the leaves
                # in search form; transforming here again would stem the stems.
                yield from super().prepare_field(obj, field)
                return
            for *head, value in super().prepare_field(obj, field):
                yield (
                    *head,
                    indexed_form(field, value) if isinstance(field, SearchField | AutocompleteField) else value,
                )

    return NormalisingObjectIndexer


def with_object_indexer(add_items, indexer_class):
    """`add_items` of a modelsearch database index, building its rows with `indexer_class`.

    modelsearch's SQLite and PostgreSQL indexes instantiate the module-level ObjectIndexer by name, with no
    hook to substitute it; rebinding that one global keeps their (long, vendor-specific) bulk insert code
    as upstream wrote it instead of copying it here.
    """
    namespace = {**add_items.__globals__, "ObjectIndexer": indexer_class}
    return types.FunctionType(add_items.__code__, namespace, add_items.__name__, add_items.__defaults__)
