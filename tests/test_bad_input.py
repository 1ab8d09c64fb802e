"""No input answers 500: the five causes found in issue 10, then generated hostile input on every public endpoint.

The endpoints are discovered, not listed: every public page of the demo site in both languages (with its
routable sub-pages: feeds, citation exports), and every route of the URLconf outside the admin, its
parameters filled in by Hypothesis. The test client raises a view's exception instead of answering 500, so a
failure shows its traceback.
"""

import re
import string
from urllib.parse import quote, quote_from_bytes

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from forum_site.localize import public_pages
from programs.forms import EMAIL_MAX_LENGTH, RegistrationForm
from programs.models import Registration, TrainingCalendarPage, TrainingCoursePage
from publications.models import PublicationIndexPage
from tests.endpoints import HOSTILE_VALUES, LANGUAGES, QUERY_PARAMETERS, discovered_endpoints, form_fields


def _client():
    return Client(HTTP_HOST="127.0.0.1")


def _no_server_error(response, url):
    assert response.status_code < 500, f"{url} answered {response.status_code}"


# ---- The five causes of issue 10, each fixed where it arose --------------------------------------------------


def test_the_five_causes_of_500_in_issue_10(demo_site):
    client = _client()
    calendar = public_pages(TrainingCalendarPage, None).first()
    library = public_pages(PublicationIndexPage, None).first()

    # 1. A month the calendar does not offer is ignored, like an unknown topic.
    for month in ["9999-12", "0-0", "2026-13", "-1-1", "99999999999999999999-1", "٢٠٢٦-٠١"]:
        assert client.get(calendar.url, {"month": month}).status_code == 200, month

    # 2. A NUL byte in the query string matches nothing, like any unknown value; in the path it is a clean 400.
    for url in [
        f"{library.url}?topic=%00",
        f"{library.url}?type=report&topic=a%00b",
        f"{library.url}?%00=1",
        f"{calendar.url}?city=%00&topic=%00",
        "/ar/search/?q=%00",
        "/en/search/?q=cities%00&topic=%00",
        "/en/search/suggest/?q=abc%00",
    ]:
        assert client.get(url).status_code == 200, url
    response = client.get(f"{library.url}%00/")
    assert response.status_code == 400
    assert "This request could not be understood" in response.content.decode()
    # ...and the library takes a topic only as a slug, a year only in ASCII digits.
    for params in [{"topic": "<script>"}, {"year": "²⁰²⁴"}, {"year": "٢٠٢٤"}, {"topic": "x" * 500}]:
        assert client.get(library.url, params).status_code == 200, params

    # 3. A query that NFKC normalisation expands (U+FDFA: one character, 18 after it, four words) is cut after it.
    for path in ["/ar/search/", "/en/search/", "/ar/search/suggest/", "/en/search/suggest/"]:
        assert client.get(path, {"q": "ﷺ" * 60}).status_code == 200, path

    # 4. An email longer than its column is a form error, not a DataError.
    course = public_pages(TrainingCoursePage, None).first()
    long_address = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".org"
    assert 254 < len(long_address) <= 320
    response = client.post(course.url, {"email": long_address}, HTTP_ORIGIN="http://127.0.0.1")
    assert response.status_code in (400, 409)
    if response.status_code == 400:
        assert "email" in response.context["form"].errors
    assert not Registration.objects.filter(email=long_address).exists()

    # 5. A form declaring another encoding than UTF-8 is a clean 400.
    for charset in ["utf-16", "utf-32", "x-unknown", "latin-1'"]:
        body = "email=a%40example.org".encode("utf-16") if charset == "utf-16" else b"email=a%40example.org"
        content_type = f"application/x-www-form-urlencoded; charset={charset}"
        assert client.generic("POST", course.url, body, content_type=content_type).status_code == 400, charset


def test_the_email_field_is_as_long_as_its_column():
    assert EMAIL_MAX_LENGTH == Registration._meta.get_field("email").max_length
    form = RegistrationForm(data={"email": "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".org"})
    form.is_valid()
    assert "email" in form.errors


# ---- Generated hostile input on every discovered endpoint --------------------------------------------------


HOSTILE_TEXT = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.sampled_from([*HOSTILE_VALUES, "\ud800"]),  # a lone surrogate too: sent percent-encoded
)
HOSTILE_BYTES = st.binary(max_size=40)


def _encode(value):
    if isinstance(value, bytes):
        return quote_from_bytes(value, safe="")
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def _fill(route, draw):
    """A route with each <converter:name> filled in: an int converter gets an integer, anything else text."""

    def value(match):
        converter = match.group(1) or "str"
        if converter == "int":
            return str(draw(st.integers(min_value=0, max_value=10**25)))
        return _encode(draw(st.one_of(HOSTILE_TEXT, HOSTILE_BYTES))) or "x"

    return re.sub(r"<(?:(\w+):)?\w+>", value, route)


@st.composite
def query_strings(draw):
    pairs = draw(
        st.lists(
            st.tuples(
                st.one_of(st.sampled_from(QUERY_PARAMETERS), HOSTILE_TEXT), st.one_of(HOSTILE_TEXT, HOSTILE_BYTES)
            ),
            max_size=5,
        )
    )
    return "&".join(f"{_encode(key)}={_encode(value)}" for key, value in pairs)


@st.composite
def endpoint_urls(draw, endpoints):
    pages, routes = endpoints
    if draw(st.booleans()):
        return draw(st.sampled_from(pages))
    return _fill(draw(st.sampled_from(routes)), draw)


@pytest.fixture
def endpoints(demo_site):
    pages, routes = discovered_endpoints()
    # The discovery found pages of every kind in both languages, and the routes outside the page tree.
    assert any(url.startswith("/ar/") for url in pages) and any(url.startswith("/en/") for url in pages)
    assert any(url.endswith("/feed/rss/") for url in pages)
    assert {"/ar/search/", "/en/search/suggest/", "/oai/", "/sitemap.xml"} <= set(routes)
    return pages, routes


FORM_FIELDS = form_fields()


def _query_string_request(client, endpoints, data):
    url = data.draw(endpoint_urls(endpoints)) + "?" + data.draw(query_strings())
    language = data.draw(st.sampled_from(LANGUAGES))
    return url, client.get(url, HTTP_ACCEPT_LANGUAGE=language)


def _path_request(client, endpoints, data):
    base = data.draw(endpoint_urls(endpoints))
    segments = data.draw(st.lists(st.one_of(HOSTILE_TEXT, HOSTILE_BYTES), min_size=1, max_size=3))
    url = base.rstrip("/") + "/" + "/".join(_encode(segment) or "x" for segment in segments)
    if data.draw(st.booleans()):
        url += "/"
    return url, client.get(url)


def _form_request(client, endpoints, data):
    url = data.draw(endpoint_urls(endpoints))
    fields = data.draw(
        st.dictionaries(st.one_of(st.sampled_from(FORM_FIELDS), HOSTILE_TEXT), st.one_of(HOSTILE_TEXT, HOSTILE_BYTES))
    )
    body = "&".join(f"{_encode(key)}={_encode(value)}" for key, value in fields.items())
    charset = data.draw(
        st.sampled_from(["", "; charset=utf-8", "; charset=utf-16", "; charset=" + string.ascii_letters])
    )
    response = client.generic(
        "POST",
        url,
        body.encode(),
        content_type="application/x-www-form-urlencoded" + charset,
        HTTP_ACCEPT_LANGUAGE=data.draw(st.sampled_from(LANGUAGES)),
        HTTP_ORIGIN=data.draw(st.sampled_from(["http://127.0.0.1", "null", "http://evil.example"])),
    )
    return f"POST {url} {body[:200]}", response


@hypothesis_settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_hostile_query_strings_paths_and_forms_never_answer_5xx(endpoints, data):
    kind = data.draw(st.sampled_from([_query_string_request, _path_request, _form_request]))
    url, response = kind(_client(), endpoints, data)
    _no_server_error(response, url)
