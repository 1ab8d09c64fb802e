"""The demo site, built once per test run by a process of its own while the workers run other tests.

Loading the demo content (publishing and translating a hundred pages, drawing and rendering their images) takes
a minute of one core; each test worker building it for itself took a minute of each core. Now the first worker
to finish its base tree copies it for a builder process (`load_demo_content` on that copy, tests/build_demo.py), and a
worker's first `demo_site` copies the finished result into its own database. The workers share a directory
(pytest's base temporary directory of the run) that holds a lock, the builder's log and its exit status.
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from tests import snapshots
from tests.run import locked

BUILD_TIMEOUT_SECONDS = 600


class SharedDemo:
    """The run's demo build, as each worker sees it: `directory` is shared by the run's `workers`."""

    def __init__(self, directory, workers):
        self.directory = Path(directory)
        self.workers = workers
        self.log = self.directory / "demo-build.log"
        self.exit_status = self.directory / "demo-build.exit"
        self.started = self.directory / "demo-build.started"
        self.finished_workers = self.directory / "demo-build.finished-workers"

    def start_once(self):
        """Start the builder on a copy of this worker's database, unless another worker has started it."""
        with locked(self.directory / "demo-build.lock"):
            if self.started.exists():
                return
            if connection.vendor == "sqlite":
                database_url = f"sqlite:///{self._sqlite_file()}"
                snapshots.copy_to_file(self._sqlite_file())
            else:
                snapshots.copy_to_database(self._postgres_name())
                database_url = _postgres_url(self._postgres_name())
            environment = {
                **os.environ,
                "DATABASE_URL": database_url,
                "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
            }
            command = (
                f'"{sys.executable}" -m tests.build_demo >"{self.log}" 2>&1; '
                f'echo $? >"{self.exit_status}.part" && mv "{self.exit_status}.part" "{self.exit_status}"'
            )
            subprocess.Popen(["sh", "-c", command], cwd=settings.BASE_DIR, env=environment, start_new_session=True)
            self.started.touch()

    def copy_in(self):
        """Put the finished demo site in place of this worker's database, waiting for the builder if need be."""
        deadline = time.monotonic() + BUILD_TIMEOUT_SECONDS
        while not self.exit_status.exists():
            if time.monotonic() > deadline:
                pytest.fail(f"The demo site was not built in {BUILD_TIMEOUT_SECONDS} s; its log: {self.log}")
            time.sleep(0.2)
        if self.exit_status.read_text().strip() != "0":
            pytest.fail(f"Building the demo site failed:\n{self.log.read_text()[-3000:]}")
        with locked(self.directory / "demo-build.lock"):
            if connection.vendor == "sqlite":
                snapshots.copy_from_file(self._sqlite_file())
            else:
                snapshots.copy_from_database(self._postgres_name())

    def worker_finished(self):
        """The last worker to finish removes the builder's database (stopping the builder, if no test waited).

        A worker that never opened its database never counts: the copy is then left behind, and the next run
        replaces it (its name is the test database's)."""
        with locked(self.directory / "demo-build.lock"):
            finished = int(self.finished_workers.read_text() or 0) + 1 if self.finished_workers.exists() else 1
            self.finished_workers.write_text(str(finished))
            if finished == self.workers and self.started.exists() and connection.vendor != "sqlite":
                snapshots.drop_database(self._postgres_name())

    def _sqlite_file(self):
        return self.directory / "demo.sqlite3"

    def _postgres_name(self):
        # The workers' databases are the test database's name with a suffix per worker: one name for them all.
        name = connection.settings_dict["NAME"]
        worker = os.environ.get("PYTEST_XDIST_WORKER")
        if worker and name.endswith(f"_{worker}"):
            name = name.removesuffix(f"_{worker}")
        return f"{name}_demo_shared"


def _postgres_url(database_name):
    settings_dict = connection.settings_dict
    user = quote(settings_dict.get("USER") or "", safe="")
    password = f":{quote(settings_dict['PASSWORD'], safe='')}" if settings_dict.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    host = settings_dict.get("HOST") or "localhost"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{database_name}"
