"""The links in registration emails work where the site is served: one setting (SITE_URL) builds them all."""

import http.cookiejar
import re
import urllib.request
from urllib.parse import urlencode, urlsplit

import pytest
from django.core import mail

from programs import rules
from programs.emails import send_due_emails
from programs.models import Registration

from .conftest import registrant


@pytest.mark.django_db(transaction=True)
def test_a_registrant_follows_the_cancel_link_in_their_email(course, live_server, settings):
    settings.SITE_URL = live_server.url  # what `make run` sets to the address it serves
    rules.register(course, registrant(), "ar")
    send_due_emails()

    (message,) = mail.outbox
    links = re.findall(r"https?://\S+", message.body)
    assert links and all(link.startswith(live_server.url + "/") for link in links)
    cancel_link = next(link for link in links if "/programs/cancel/" in link)
    event_link = next(link for link in links if "/programs/cancel/" not in link)
    # A real HTTP client, as a mail reader's browser: cookies kept, the form's CSRF token sent back.
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    with browser.open(event_link, timeout=30) as response:
        assert response.status == 200
        assert urlsplit(response.url).path == urlsplit(event_link).path
    with browser.open(cancel_link, timeout=30) as response:
        assert response.status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)
    confirm = urllib.request.Request(
        cancel_link,
        data=urlencode({"csrfmiddlewaretoken": token}).encode(),
        headers={"Origin": live_server.url, "Referer": cancel_link},
    )
    with browser.open(confirm, timeout=30) as response:
        assert response.status == 200
        assert "أُلغي التسجيل" in response.read().decode()
    assert Registration.objects.get().status == Registration.Status.CANCELLED
