from modelsearch.backends.database.sqlite import sqlite

from . import NormalisingBackendMixin, normalising_object_indexer, with_object_indexer


class NormalisingSQLiteIndex(sqlite.SQLiteIndex):
    add_items = with_object_indexer(sqlite.SQLiteIndex.add_items, normalising_object_indexer(sqlite.ObjectIndexer))


class NormalisingSQLiteSearchBackend(NormalisingBackendMixin, sqlite.SQLiteSearchBackend):
    index_class = NormalisingSQLiteIndex
