"""The embedded default: Wagtail's database backend (SQLite FTS5 or PostgreSQL) with Arabic normalisation."""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - modelsearch loads a backend module's `SearchBackend` callable
    # Imported on demand: each vendor's module of modelsearch loads models that exist only on that vendor.
    if connection.vendor == "postgresql":
        from .postgres import NormalisingPostgresSearchBackend

        return NormalisingPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import NormalisingSQLiteSearchBackend

        return NormalisingSQLiteSearchBackend(params)
    raise NotImplementedError(f"No Arabic-aware search backend for {connection.vendor}")
