"""Named copies of a test worker's database, taken once and put back in a second.

Building the base tree or the whole demo site through Wagtail's API (publishing, translating, indexing)
takes seconds to tens of seconds; copying a database takes a fraction of one. PostgreSQL copies a database
from a template; SQLite's in-memory test database is copied with the backup API.
"""

import sqlite3

from django.db import connection, connections

from tests import writes

_sqlite_copies = {}
_taken = set()  # by this process: a copy left behind by an interrupted run is never restored
_held = None  # (name, moment): the copy the database was made equal to last, and when (tests/writes.py)


def _postgres_name(name):
    return f"{connection.settings_dict['NAME']}_{name}"


def exists(name):
    return name in _taken


def holds(name):
    """Whether the database is still the copy `name`: taken or put back, and nothing written since."""
    return _held is not None and _held[0] == name and not writes.since(_held[1])


def _now_holds(name):
    global _held
    _held = (name, writes.mark())


def take(name):
    """Copy the database as it is now (every change committed) under `name`."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = _sqlite_copies.get(name) or sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _sqlite_copies[name] = copy
    else:
        copy_to_database(_postgres_name(name))
    _taken.add(name)
    _now_holds(name)


def restore(name):
    """Put back the copy `name` in place of the database, unless it still holds it."""
    if holds(name):
        return
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        _sqlite_copies[name].backup(connection.connection)
    else:
        copy_from_database(_postgres_name(name))
    _now_holds(name)


def drop_all():
    global _held
    _held = None
    if connection.vendor == "sqlite":
        for copy in _sqlite_copies.values():
            copy.close()
        _sqlite_copies.clear()
    else:
        for name in _taken:
            drop_database(_postgres_name(name))
    _taken.clear()


# Copies another process can read: a PostgreSQL database, or an SQLite file.


def copy_to_database(database_name):
    """Copy this PostgreSQL database (every change committed) to `database_name`, replacing it."""
    database = connection.settings_dict["NAME"]
    connections.close_all()
    with connection._nodb_cursor() as cursor:
        # A template database must have no other session: a live server's thread may still hold one.
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        )
        cursor.execute(f'DROP DATABASE IF EXISTS "{database_name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{database_name}" TEMPLATE "{database}"')


def copy_from_database(database_name):
    """Put a copy of the PostgreSQL database `database_name` in place of this one."""
    database = connection.settings_dict["NAME"]
    connections.close_all()
    with connection._nodb_cursor() as cursor:
        # FORCE ends the sessions a live server's thread may still hold.
        cursor.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{database}" TEMPLATE "{database_name}"')


def drop_database(database_name):
    connections.close_all()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database_name}" WITH (FORCE)')


def copy_to_file(path):
    """Copy this SQLite database to the file `path`, replacing it."""
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    copy.close()


def copy_from_file(path):
    """Put the SQLite database in the file `path` in place of this one."""
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        copy.backup(connection.connection)
    copy.close()
