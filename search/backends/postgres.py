from modelsearch.backends.database.postgres import postgres

from . import NormalisingBackendMixin, normalising_object_indexer, with_object_indexer


class NormalisingPostgresIndex(postgres.PostgresIndex):
    add_items = with_object_indexer(
        postgres.PostgresIndex.add_items, normalising_object_indexer(postgres.ObjectIndexer)
    )


class NormalisingPostgresSearchBackend(NormalisingBackendMixin, postgres.PostgresSearchBackend):
    index_class = NormalisingPostgresIndex

    def __init__(self, params):
        # PostgreSQL has no Arabic default configuration: without this it would index with 'simple'.
        super().__init__({"SEARCH_CONFIG": "arabic", **params})
