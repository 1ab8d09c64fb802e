from django.db.models import FloatField, Func, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not

from . import NormalisingBackendMixin, VocabularyIndexMixin, normalising_object_indexer, with_object_indexer


class NormalisingSQLiteIndex(VocabularyIndexMixin, sqlite.SQLiteIndex):
    add_normalised_items = with_object_indexer(
        sqlite.SQLiteIndex.add_items, normalising_object_indexer(sqlite.ObjectIndexer)
    )


class TitleWeightedRelevance(Func):
    """How well an entry matches, higher for better: FTS5's bm25() with the title weighted above the body.

    Upstream calls bm25() without column weights, so a word in the title counted no more than one in the body;
    on PostgreSQL the title's rank is boosted. bm25() is lower for better matches, hence the negation.
    """

    output_field = FloatField()
    # The FTS5 table's columns, in the order modelsearch's migration creates them: autocomplete, body, title.
    COLUMN_WEIGHTS = (0.0, 1.0, 10.0)

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join(str(weight) for weight in self.COLUMN_WEIGHTS)
        return f"-bm25({sqlite.SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class JoinedSQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    """modelsearch's SQLite compiler, matching and scoring in one join instead of a subquery per result.

    Upstream scores each result with a correlated subquery that runs the FTS5 match again: quadratic, about
    2 s a query at 10,000 pages. Joining the searched pages to their index entries and the FTS5 table lets
    SQLite run the match once and compute bm25() for each matching row as it goes.
    """

    def search(self, config, start, stop, score_field=None):
        normalized_query = normalize(self.query)
        if isinstance(normalized_query, MatchAll):
            return self.queryset[start:stop]
        if isinstance(normalized_query, Not) or self.fields:
            return super().search(config, start, stop, score_field)

        search_query = self.build_search_query(normalized_query, config=config)
        # The MATCH names the FTS5 table itself, which is the alias Django gives the table's only join. The
        # generic relation joins on CAST(page.id AS text): the integer comparison added here is what lets
        # SQLite go from each FTS5 match to its page by primary key instead of scanning the pages.
        queryset = self.queryset.filter(
            MatchExpression(self.FTS_TABLE_FIELDS, search_query),
            index_entries__sqliteftsindexentry__isnull=False,
            pk=Cast("index_entries__object_id", output_field=IntegerField()),
        )
        if self.order_by_relevance and score_field is None:
            score_field = "_score"
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: TitleWeightedRelevance()})
            if self.order_by_relevance:
                queryset = queryset.order_by(f"-{score_field}", "-pk")
        if not self.order_by_relevance and not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class NormalisingSQLiteSearchBackend(NormalisingBackendMixin, sqlite.SQLiteSearchBackend):
    index_class = NormalisingSQLiteIndex
    query_compiler_class = JoinedSQLiteSearchQueryCompiler
