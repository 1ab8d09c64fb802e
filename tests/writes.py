"""Whether the test process may have changed the database since a moment: a statement that writes, on any of its
connections (the live server's thread included), or a process it started (a server, a command: it may write on
its own). Lets a test that only read (most browser tests) keep the database as it is instead of copying it back.
"""

import re
import sys

from django.db import connections
from django.db.backends.signals import connection_created

# Statements that change nothing; anything else counts as a write, WITH included (it may hold an INSERT).
_READ = re.compile(r"\s*(SELECT|SHOW|SET|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|EXPLAIN)\b", re.IGNORECASE)
_SEQUENCE_CHANGE = re.compile(r"\b(nextval|setval)\s*\(", re.IGNORECASE)
_PROCESS_EVENTS = {"subprocess.Popen", "os.posix_spawn", "os.fork", "os.system", "os.exec"}

_statements = 0  # writes run through Django's connections
_processes = 0  # processes started: what they did is unknown, so never taken back


def mark():
    """The moment now, for `since`."""
    return _statements, _processes


def since(moment):
    """Whether anything may have been written since `moment`."""
    return mark() != moment


def take_back(moment):
    """Forget the statements since `moment`: they ran in a transaction that was rolled back (a test that does not
    commit). Processes started since still count."""
    global _statements
    _statements = moment[0]


def watch():
    """Count writes on every connection from now on, and every process started."""
    connection_created.connect(_watch_connection, weak=False)
    for connection in connections.all(initialized_only=True):
        _watch_connection(connection=connection)
    sys.addaudithook(_count_processes)


def _watch_connection(sender=None, connection=None, **kwargs):
    # First in the list: Django's own `execute_wrapper()` contexts remove the last one when they end.
    if _count_write not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _count_write)


def _count_write(execute, sql, params, many, context):
    global _statements
    if not isinstance(sql, str) or not _READ.match(sql) or _SEQUENCE_CHANGE.search(sql):
        _statements += 1
    return execute(sql, params, many, context)


def _count_processes(event, args):
    global _processes
    if event in _PROCESS_EVENTS:
        _processes += 1
