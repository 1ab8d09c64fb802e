"""The embedded default: Wagtail's database backend (SQLite FTS5 or PostgreSQL) with Arabic normalisation."""

from django.db import connection
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.sqlite import sqlite

from . import NormalisingBackendMixin, normalising_object_indexer, with_object_indexer


class NormalisingSQLiteIndex(sqlite.SQLiteIndex):
    add_items = with_object_indexer(sqlite.SQLiteIndex.add_items, normalising_object_indexer(sqlite.ObjectIndexer))


class NormalisingSQLiteSearchBackend(NormalisingBackendMixin, sqlite.SQLiteSearchBackend):
    index_class = NormalisingSQLiteIndex


class NormalisingPostgresIndex(postgres.PostgresIndex):
    add_items = with_object_indexer(
        postgres.PostgresIndex.add_items, normalising_object_indexer(postgres.ObjectIndexer)
    )


class NormalisingPostgresSearchBackend(NormalisingBackendMixin, postgres.PostgresSearchBackend):
    index_class = NormalisingPostgresIndex

    def __init__(self, params):
        # PostgreSQL has no Arabic default configuration: without this it would index with 'simple'.
        params = {"SEARCH_CONFIG": "arabic", **params}
        super().__init__(params)


def SearchBackend(params):  # noqa: N802 - modelsearch loads a backend module's `SearchBackend` callable
    if connection.vendor == "postgresql":
        return NormalisingPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        return NormalisingSQLiteSearchBackend(params)
    raise NotImplementedError(f"No Arabic-aware search backend for {connection.vendor}")
