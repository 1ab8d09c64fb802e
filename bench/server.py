"""A production-like app server for the benchmarks: gunicorn with production settings on a free port of
127.0.0.1, over a database with the demo content and hashed, compressed static files.

The database is DATABASE_URL's (PostgreSQL recommended; the demo content is loaded if missing), else a
throwaway SQLite file; the cache is REDIS_URL's, else each worker's local memory.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Site:
    """The prepared environment (database, static files) that app servers are started on."""

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="forum-bench-"))
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{self.workdir / 'bench.sqlite3'}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "forum_site.settings.production",
            "SECRET_KEY": "benchmark-only-not-a-secret-0123456789-abcdefghijklmnop",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(self.workdir / "static"),
            # Uploaded images (the publications' covers) from gunicorn itself, as a proxy or a bucket would serve them.
            "MEDIA_ROOT": str(self.workdir / "media"),
            "SERVE_MEDIA": "True",
            "SECURE_SSL_REDIRECT": "False",
            "LOG_LEVEL": "ERROR",
            # Persistent database connections, as a production server would keep them.
            "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "60"),
            "GUNICORN_ACCESS_LOG": "",
        }
        self.servers = []

    def manage(self, *args, settings_module="forum_site.settings.production"):
        env = {**self.env, "DJANGO_SETTINGS_MODULE": settings_module}
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)

    def prepare(self):
        print(f"Preparing the database ({self.env['DATABASE_URL'].split('@')[-1]}) and static files…", flush=True)
        self.manage("migrate", "--no-input", "--verbosity", "0")
        self.manage("compile_translations", "--verbosity", "0")
        # The demo app is installed by the development settings only.
        self.manage("load_demo_content", settings_module="forum_site.settings.dev")
        self.manage("collectstatic", "--no-input", "--verbosity", "0")
        return self

    def start(self, workers=2, **extra_env):
        port = free_port()
        env = {**self.env, **extra_env, "WEB_CONCURRENCY": str(workers), "GUNICORN_BIND": f"127.0.0.1:{port}"}
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "forum_site.wsgi", "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.servers.append(process)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(base + "/health/", timeout=10) as response:
                    if response.status == 200:
                        return base
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("gunicorn did not answer /health/ within 120 s")

    def close(self):
        for process in self.servers:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def django(self):
        """Django set up in this process with the servers' settings (to find URLs and count queries)."""
        os.environ.update(self.env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        return django
