from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery
from django.db.models import F, Q
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import And, Or, PlainText
from wagtail.models import Page

from . import NormalisingBackendMixin, VocabularyIndexMixin, normalising_object_indexer, with_object_indexer


class NormalisingPostgresIndex(VocabularyIndexMixin, postgres.PostgresIndex):
    add_normalised_items = with_object_indexer(
        postgres.PostgresIndex.add_items, normalising_object_indexer(postgres.ObjectIndexer)
    )


class PerColumnMatchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    """modelsearch's PostgreSQL compiler, testing each word against title and body rather than title || body.

    Upstream matches the concatenation `title || body`, which no index serves and which PostgreSQL builds
    anew for every entry: most of a broad query's time. Without phrases a query only asks whether each
    word is present, and a word is in title || body exactly when it is in the title or in the body, which
    the two columns' own GIN indexes answer.
    """

    class Unsupported(Exception):
        pass

    def _word_in_entry(self, word, config):
        query = SearchQuery(Lexeme(word), search_type="raw", config=config)
        return Q(index_entries__title=query) | Q(index_entries__body=query)

    def _presence(self, query, config):
        if isinstance(query, PlainText):
            words = [self._word_in_entry(word, config) for word in query.query_string.split()]
            if not words:
                raise self.Unsupported
            return reduce(and_ if query.operator == "and" else or_, words)
        if isinstance(query, (And, Or)):
            parts = [self._presence(subquery, config) for subquery in query.subqueries]
            return reduce(and_ if isinstance(query, And) else or_, parts)
        # Phrases need positions across both columns, negations an anti-join: upstream handles those.
        raise self.Unsupported

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None:
            return super().search(config, start, stop, score_field, backend)
        try:
            presence = self._presence(self.query, config)
        except self.Unsupported:
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        rank_expression = self._build_rank_expression(self.get_search_vectors(search_query), config)
        if issubclass(self.queryset.model, Page):
            # A page's entry has the page's own (specific) content type: saying so turns the generic relation's
            # join, one index probe per page type, into a single probe of the entry's unique index.
            presence &= Q(index_entries__content_type_id=F("content_type_id"))
        queryset = self.queryset.filter(presence)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    def _apply_ordering_and_scoring(self, queryset, rank_expression, start, stop, score_field=None):
        if score_field is None or self.order_by_relevance:
            return super()._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)
        # Upstream scores an unordered search by its pk; the search page ranks its window by the real score.
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset.annotate(**{score_field: rank_expression})[start:stop]


class NormalisingPostgresSearchBackend(NormalisingBackendMixin, postgres.PostgresSearchBackend):
    index_class = NormalisingPostgresIndex
    query_compiler_class = PerColumnMatchQueryCompiler

    def __init__(self, params):
        # PostgreSQL has no Arabic default configuration: without this it would index with 'simple'.
        super().__init__({"SEARCH_CONFIG": "arabic", **params})
