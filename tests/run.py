"""What the workers of one test run share: a directory (pytest's base temporary directory of the run), and a
lock to take turns in it."""

import fcntl
import os
from contextlib import contextmanager


def directory_and_workers(tmp_path_factory):
    """The run's directory, and how many workers share it."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # Each worker's base temporary directory is in the run's.
        return tmp_path_factory.getbasetemp().parent, int(os.environ["PYTEST_XDIST_WORKER_COUNT"])
    return tmp_path_factory.getbasetemp(), 1


@contextmanager
def locked(path):
    """Hold the lock file `path`: one worker at a time."""
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
