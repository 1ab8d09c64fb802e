"""Security headers on home, a course, search, the admin login and a document, on page-cache hits too; no-store on
what shows personal data; __Host- cookies in production."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from forum_site import headers
from programs import links, rules
from programs.tests.conftest import registrant

pytestmark = pytest.mark.django_db


def _csp(response):
    return dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in response["Content-Security-Policy"].split(";") if part
    )


def _assert_public_headers(response):
    csp = _csp(response)
    for directive in ("script-src", "style-src"):
        assert csp[directive] == "'self'", directive
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert csp["object-src"] == "'none'" and csp["base-uri"] == "'none'" and csp["frame-ancestors"] == "'self'"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] not in ("no-referrer", "")


@pytest.mark.parametrize("path", ["/ar/", "/en/", "/ar/search/?q=مدن", "/en/search/?q=cities"])
def test_public_pages_have_the_headers_on_a_miss_and_on_a_hit(client, site_tree, path, settings):
    settings.SECURE_REFERRER_POLICY = "same-origin"
    first = client.get(path)
    assert first.status_code == 200
    _assert_public_headers(first)
    second = client.get(path)
    if second.get("X-Page-Cache") == "hit":
        _assert_public_headers(second)


def test_the_home_page_is_served_from_the_cache_with_the_headers(client, site_tree, settings):
    settings.SECURE_REFERRER_POLICY = "same-origin"
    client.get("/en/")
    hit = client.get("/en/")
    assert hit["X-Page-Cache"] == "hit"
    _assert_public_headers(hit)


def test_a_course_page_has_the_headers(client, course, settings):
    settings.SECURE_REFERRER_POLICY = "same-origin"
    response = client.get(course.url)
    assert response.status_code == 200
    _assert_public_headers(response)
    assert 'name="name_arabic"' in response.content.decode()


def test_the_admin_login_has_the_admin_policy(client, db, settings):
    settings.SECURE_REFERRER_POLICY = "same-origin"
    response = client.get("/admin/login/")
    assert response.status_code == 200
    csp = _csp(response)
    assert csp == _csp_of(headers.admin_policy())
    assert csp["default-src"] == "'self'" and csp["object-src"] == "'none'" and csp["frame-ancestors"] == "'self'"
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def _csp_of(policy):
    return dict((part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part)


def test_a_document_has_clean_headers(client, db):
    document = get_document_model()(title="Guide")
    document.file.save("guide.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document._set_document_file_metadata()
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert response["Content-Type"] == "application/pdf"
    assert _csp(response)["default-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_personal_pages_and_a_failed_form_are_no_store_private(client, course):
    # The form after a failed POST shows what the visitor typed.
    failed = client.post(course.url, {**registrant(), "email": "not-an-email", "consent": "on"})
    assert failed.status_code == 400
    assert set(failed["Cache-Control"].replace(" ", "").split(",")) >= {"no-store", "private"}

    result = rules.register(course, {**registrant(), "email": "owner@example.org"}, language="en")
    status = client.get(f"/en/programs/registration/{links.status_token(result.registration, result.email)}/")
    assert status.status_code == 200
    assert set(status["Cache-Control"].replace(" ", "").split(",")) >= {"no-store", "private"}
    cancel = client.get(f"/en/programs/cancel/{links.cancel_token(result.registration)}/")
    assert cancel.status_code == 200
    assert set(cancel["Cache-Control"].replace(" ", "").split(",")) >= {"no-store", "private"}

    # A public page stays cacheable.
    assert "no-store" not in client.get(course.url).get("Cache-Control", "")


def test_production_cookies_have_the_host_prefix():
    from tests.test_production_settings import run_with_production_settings

    result = run_with_production_settings(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.SESSION_COOKIE_PATH, s.SESSION_COOKIE_DOMAIN, s.CSRF_COOKIE_PATH, s.CSRF_COOKIE_DOMAIN, "
            "s.SECURE_REFERRER_POLICY)",
        ],
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="forum.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "True",
        "True",
        "/",
        "None",
        "/",
        "None",
        "same-origin",
    ]
