"""Production starts only with its secrets, passes the deployment checks, serves hashed compressed static files."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def run_with_production_settings(args, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(DJANGO_SETTINGS_MODULE="forum_site.settings.production", **environment)
    return subprocess.run([sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True)


@pytest.fixture
def production_environment(tmp_path):
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "forum.example.org",
        "STATIC_ROOT": str(tmp_path / "static"),
    }


def test_deployment_checks_pass_without_warnings(production_environment):
    result = run_with_production_settings(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **production_environment
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing, production_environment):
    del production_environment[missing]
    result = run_with_production_settings(["manage.py", "check"], **production_environment)
    assert result.returncode != 0
    assert f"{missing} must be set in production" in result.stderr


def test_whitenoise_serves_hashed_compressed_static_files(production_environment, production_static):
    # production_static ran collectstatic with the production settings, and checked it succeeded.
    production_environment["STATIC_ROOT"] = str(production_static)

    # A fresh process, as gunicorn would start, so whitenoise indexes the collected files.
    probe = """
import django, json
django.setup()
from django.templatetags.static import static
from django.test import Client
url = static("css/site.css")
response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip, br", HTTP_HOST="forum.example.org", secure=True)
print(json.dumps({"url": url, "status": response.status_code, "encoding": response.get("Content-Encoding"),
                  "cache": response.get("Cache-Control")}))
"""
    result = run_with_production_settings(["-c", probe], **production_environment)
    assert result.returncode == 0, result.stderr

    served = json.loads(result.stdout.strip().splitlines()[-1])
    assert served["url"].startswith("/static/css/site.") and served["url"] != "/static/css/site.css"
    assert served["status"] == 200
    assert served["encoding"] in ("gzip", "br")
    assert "immutable" in served["cache"]
