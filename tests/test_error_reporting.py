"""Errors reach someone: ADMINS from the environment are mailed, Sentry is set up when SENTRY_DSN is, and the 500
page says the error was reported only when it was."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_site(settings):
    settings.ROOT_URLCONF = "tests.error_urls"
    return Client(raise_request_exception=False)


def test_without_admins_or_sentry_the_500_page_claims_no_report(failing_site, settings):
    settings.ADMINS, settings.SENTRY_DSN = [], ""
    response = failing_site.get("/fail/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong on our side" in html
    assert "reported" not in html and "notified" not in html
    assert mail.outbox == []


def test_with_admins_the_error_is_mailed_and_the_page_says_so(failing_site, settings):
    settings.ADMINS = [("Operations", "ops@example.org")]
    response = failing_site.get("/fail/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 500
    html = response.content.decode()
    assert 'lang="ar"' in html and "أُبلغ فريقنا التقني بالخطأ" in html
    assert [message.to for message in mail.outbox] == [["ops@example.org"]]
    assert "a bug" in mail.outbox[0].body


def _settings_in_a_fresh_process(**env):
    code = (
        "import django, json; django.setup(); from django.conf import settings; import sentry_sdk; "
        "print(json.dumps({'admins': settings.ADMINS, 'sentry': sentry_sdk.get_client().is_active()}))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "forum_site.settings.test", **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def test_admins_and_sentry_come_from_the_environment():
    configured = _settings_in_a_fresh_process(
        ADMINS="Operations <ops@example.org>, Web Team <web@example.org>",
        SENTRY_DSN="http://public@127.0.0.1:9/1",
    )
    assert configured == {
        "admins": [["Operations", "ops@example.org"], ["Web Team", "web@example.org"]],
        "sentry": True,
    }
    assert _settings_in_a_fresh_process(ADMINS="", SENTRY_DSN="") == {"admins": [], "sentry": False}
