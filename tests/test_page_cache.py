"""The page cache: what is served from it, to whom, and with which HTTP caching headers.

A test sees a hit by the `X-Page-Cache: hit` header and by the response costing no database query.
"""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from news.tests import helpers as news
from programs.models import Registration
from programs.tests.conftest import make_event
from programs.tests.conftest import registrant as registrant_details

ORIGIN = "http://testserver"


def get_hit(client, url, django_assert_num_queries, **headers):
    with django_assert_num_queries(0):
        response = client.get(url, **headers)
    assert response["X-Page-Cache"] == "hit", url
    return response


def test_second_anonymous_request_is_a_hit_without_a_query(client, site_tree, django_assert_num_queries):
    first = client.get("/ar/")
    assert first["X-Page-Cache"] == "miss"
    second = get_hit(client, "/ar/", django_assert_num_queries)
    assert second.content == first.content


def test_each_query_string_is_cached_apart(client, site_tree, django_assert_num_queries):
    index = news.news_index(site_tree.home_ar)
    for number in range(12):
        news.news_page(index, f"خبر {number}")
    first_page = client.get(index.url)
    second_page = client.get(index.url + "?page=2")
    assert first_page.content != second_page.content
    assert get_hit(client, index.url + "?page=2", django_assert_num_queries).content == second_page.content
    assert get_hit(client, index.url, django_assert_num_queries).content == first_page.content


def test_editor_with_a_session_never_gets_a_cached_page(client, site_tree):
    client.get("/ar/")
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pass")
    client.force_login(editor)
    response = client.get("/ar/")
    assert "X-Page-Cache" not in response
    assert b"wagtail-userbar" in response.content
    client.logout()
    client.get("/ar/")
    assert b"wagtail-userbar" not in client.get("/ar/").content


def test_preview_is_never_cached(client, site_tree):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pass")
    client.force_login(editor)
    home = site_tree.home_ar
    url = f"/admin/pages/{home.pk}/edit/preview/"
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_a_private_page_and_its_login_form_are_never_cached(client, site_tree):
    about = site_tree.home_ar.get_children().live().first().specific
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    for _attempt in range(2):
        response = client.get(about.url)
        assert response.get("X-Page-Cache") != "hit"
        assert "public" not in response.get("Cache-Control", "")


def test_registration_status_with_personal_data_is_never_cached(client, course):
    response = client.post(course.url, {**registrant_details(), "consent": "on"}, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 302
    status_url = response["Location"]
    for _attempt in range(2):
        response = client.get(status_url)
        assert "layla@example.org" in response.content.decode()
        assert response.get("X-Page-Cache") is None
        assert "public" not in response.get("Cache-Control", "")


def test_course_page_is_cached_without_a_csrf_token_or_cookie(client, course, django_assert_num_queries):
    first = client.get(course.url)
    assert first["X-Page-Cache"] == "miss"
    assert b"csrfmiddlewaretoken" not in first.content
    assert not first.cookies
    hit = get_hit(client, course.url, django_assert_num_queries)
    assert 'name="email"' in hit.content.decode()


def test_registration_posted_from_the_site_without_a_token_is_accepted(client, course):
    client = type(client)(enforce_csrf_checks=True)
    response = client.post(course.url, {**registrant_details(), "consent": "on"}, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 302
    assert Registration.objects.filter(email="layla@example.org").exists()


def test_registration_posted_from_another_site_is_refused(client, course):
    client = type(client)(enforce_csrf_checks=True)
    response = client.post(course.url, {**registrant_details(), "consent": "on"}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    no_origin = client.post(course.url, {**registrant_details(), "consent": "on"})
    assert no_origin.status_code == 403
    assert not Registration.objects.exists()


def test_registration_shows_the_new_seat_count_at_the_next_request(client, course, programs_tree):
    english = course.get_translation(Locale.objects.get(language_code="en"))
    urls = [english.url, programs_tree.calendar_en.url, programs_tree.home_en.url]
    for url in urls:
        assert "10 seats left" in client.get(url).content.decode(), url
    client.post(course.url, {**registrant_details(), "consent": "on"}, HTTP_ORIGIN=ORIGIN)
    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "9 seats left" in response.content.decode(), url


def test_course_is_kept_no_longer_than_until_its_registration_opens(client, programs_tree):
    opens_in = timedelta(minutes=10)
    event = make_event(
        programs_tree.program,
        english=False,
        registration_opens_at=timezone.now() + opens_in,
    )
    response = client.get(event.url)
    shared_max_age = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 < shared_max_age <= opens_in.total_seconds()


def test_cacheable_page_tells_a_cdn_it_is_public_for_a_while(client, site_tree):
    response = client.get("/en/")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=" in cache_control
    assert "stale-while-revalidate=" in cache_control
    assert "Cookie" not in response.get("Vary", "")


def test_root_that_varies_by_language_is_not_public(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert "public" not in response.get("Cache-Control", "")
    assert "X-Page-Cache" not in response


def test_conditional_get_answers_not_modified(client, site_tree):
    first = client.get("/en/")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    fresh = client.get("/en/", HTTP_IF_NONE_MATCH='"something-else"')
    assert fresh.status_code == 200


def test_pages_leave_compressed_for_a_browser_that_accepts_it_and_a_hit_still_says_not_modified(client, site_tree):
    import gzip

    plain = client.get("/en/")
    first = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert first["X-Page-Cache"] == "hit" and first["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first["Vary"]
    assert gzip.decompress(first.content) == plain.content
    assert len(first.content) < len(plain.content) / 3
    # The compressed page's (weak) ETag still answers a conditional request.
    assert client.get("/en/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_health_reports_database_and_cache_and_is_never_cached(client, db):
    for _attempt in range(2):
        response = client.get("/health/")
        assert response.status_code == 200
        assert response.json() == {"database": "ok", "cache": "ok"}
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response


def test_feeds_ics_and_sitemap_are_cached(client, course, django_assert_num_queries):
    english = course.get_translation(Locale.objects.get(language_code="en"))
    urls = ["/sitemap.xml", "/ar/programs/feeds/calendar.ics", f"/en/programs/events/{english.pk}/event.ics"]
    for url in urls:
        assert client.get(url).status_code == 200
        get_hit(client, url, django_assert_num_queries)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_cached_page_keeps_its_language(client, site_tree, language):
    client.get(f"/{language}/")
    response = client.get(f"/{language}/")
    assert response["X-Page-Cache"] == "hit"
    assert f'lang="{language}"' in response.content.decode()
    assert unquote(response.wsgi_request.path) == f"/{language}/"
