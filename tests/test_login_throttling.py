"""Login throttling on the admin login and the page-password form (django-axes), per account and per address,
and the client address read through one helper: X-Forwarded-For only behind trusted proxies."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from forum_site.clients import client_ip
from home.models import StandardPage

pytestmark = pytest.mark.django_db
LIMIT = 3


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", "editor@example.org", "right-password", is_superuser=True)


def _login(client, username, password, address):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_admin_login_locks_an_account_after_the_limit_with_a_message_in_arabic(client, editor):
    for _attempt in range(LIMIT - 1):
        assert _login(client, "editor", "wrong", "10.0.0.1").status_code == 200
    # The failure that reaches the limit is answered with the lockout page already.
    assert _login(client, "editor", "wrong", "10.0.0.1").status_code == 429
    # From another address, even with the right password: the account is paused.
    locked = _login(client, "editor", "right-password", "10.0.0.2")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert 'lang="ar"' in html
    assert "محاولات فاشلة كثيرة" in html
    assert "15 دقيقة" in html or "١٥" in html
    assert int(locked["Retry-After"]) == 15 * 60


def test_the_admin_login_locks_an_address_that_tries_many_accounts(client, editor):
    for number in range(LIMIT):
        _login(client, f"nobody-{number}", "wrong", "10.0.0.3")
    assert _login(client, "editor", "right-password", "10.0.0.3").status_code == 429
    # Another address still signs in.
    assert _login(client, "editor", "right-password", "10.0.0.4").status_code == 302


def test_a_success_before_the_limit_resets_the_count(client, editor):
    for _attempt in range(LIMIT - 1):
        _login(client, "editor", "wrong", "10.0.0.5")
    assert _login(client, "editor", "right-password", "10.0.0.5").status_code == 302
    client.logout()
    for _attempt in range(LIMIT - 1):
        _login(client, "editor", "wrong", "10.0.0.5")
    assert _login(client, "editor", "right-password", "10.0.0.5").status_code == 302


@pytest.fixture
def protected_page(site_tree):
    page = StandardPage(title="Members only", slug="members-only")
    site_tree.home_en.add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    return page, restriction


def _password(client, page, restriction, password, address):
    url = f"/en/_util/authenticate_with_password/{restriction.id}/{page.id}/"
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


def test_the_page_password_form_is_throttled_per_page_with_a_message_in_english(client, protected_page):
    page, restriction = protected_page
    for _attempt in range(LIMIT - 1):
        assert _password(client, page, restriction, "guess", "10.0.1.1").status_code == 200
    assert _password(client, page, restriction, "guess", "10.0.1.1").status_code == 429
    locked = _password(client, page, restriction, "open-sesame", "10.0.1.2")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert 'lang="en"' in html and "Too many failed attempts" in html and "15 minutes" in html
    assert "no-store" in locked["Cache-Control"]


def test_the_right_page_password_still_works_under_the_limit(client, protected_page):
    page, restriction = protected_page
    _password(client, page, restriction, "guess", "10.0.1.3")
    response = _password(client, page, restriction, "open-sesame", "10.0.1.3")
    assert response.status_code == 302
    assert client.get(page.url).status_code == 200


# ---- The client address ----------------------------------------------------------------------------------


def _request(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_a_spoofed_forwarded_header_is_ignored_without_a_trusted_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("203.0.113.7", "1.2.3.4")) == "203.0.113.7"


def test_behind_trusted_proxies_the_address_is_counted_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The visitor forged the first entry; the proxy appended the address it really saw.
    assert client_ip(_request("10.0.0.9", "1.2.3.4, 198.51.100.20")) == "198.51.100.20"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request("10.0.0.9", "1.2.3.4, 198.51.100.20, 10.0.0.8")) == "198.51.100.20"
    # Fewer entries than proxies, or garbage: the connection's address.
    assert client_ip(_request("10.0.0.9", "198.51.100.20")) == "10.0.0.9"
    assert client_ip(_request("10.0.0.9", "not-an-address, x")) == "10.0.0.9"


def test_the_registration_rate_limit_ignores_a_spoofed_header(client, course, settings):
    from programs.tests.conftest import registrant

    settings.TRUSTED_PROXY_COUNT = 0
    settings.PROGRAMS_REGISTRATION_RATE_LIMIT = (2, 600)
    statuses = []
    for number in range(3):
        data = {**registrant(), "consent": "on", "website": "", "email": f"s{number}@example.org"}
        # A new forged address each time, from one connection: one limit.
        response = client.post(course.url, data, REMOTE_ADDR="10.0.2.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
        statuses.append(response.status_code)
    assert statuses == [302, 302, 429]


def test_the_registration_rate_limit_counts_visitors_apart_behind_a_trusted_proxy(client, course, settings):
    from programs.tests.conftest import registrant

    settings.TRUSTED_PROXY_COUNT = 1
    settings.PROGRAMS_REGISTRATION_RATE_LIMIT = (1, 600)
    for number in range(3):
        data = {**registrant(), "consent": "on", "website": "", "email": f"v{number}@example.org"}
        response = client.post(course.url, data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
        assert response.status_code == 302


def test_login_throttling_reads_the_address_through_the_same_helper(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(LIMIT):
        client.post(
            "/admin/login/",
            {"username": f"x{number}", "password": "wrong"},
            REMOTE_ADDR="10.0.3.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    # The forged header did not spread the failures over three addresses.
    assert _login(client, "editor", "right-password", "10.0.3.1").status_code == 429


def test_the_test_clients_login_still_works(client, editor):
    # No request to throttle: axes steps aside, the password is still checked.
    assert client.login(username="editor", password="right-password")
    assert not client.login(username="editor", password="wrong")
