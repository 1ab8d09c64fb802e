"""PDF downloads counted on the server, without cookies or personal data; shown on the page; a library sort."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications.models import EditionDownloads

from . import helpers

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"


def download(client, page, language, address="203.0.113.7", **headers):
    edition = page.editions.get(language=language)
    response = client.get(edition.document.url, **({"REMOTE_ADDR": address, "HTTP_USER_AGENT": BROWSER} | headers))
    assert response.status_code == 200
    if response.streaming:
        response.content_read = b"".join(response.streaming_content)  # served to the end, as a reader's would be
    return response


def counts(page):
    return dict(EditionDownloads.objects.filter(translation_key=page.translation_key).values_list("language", "count"))


def test_each_download_of_an_edition_is_counted_without_a_cookie(client, bilingual_study):
    response = download(client, bilingual_study["ar"], "ar", address="203.0.113.1")
    download(client, bilingual_study["ar"], "ar", address="203.0.113.2")
    download(client, bilingual_study["en"], "en", address="203.0.113.3")

    assert counts(bilingual_study["ar"]) == {"ar": 2, "en": 1}
    assert not response.cookies
    assert "Set-Cookie" not in response


def test_nothing_personal_is_stored(client, bilingual_study):
    download(client, bilingual_study["ar"], "ar")

    (row,) = EditionDownloads.objects.values()
    assert set(row) == {"id", "translation_key", "language", "count"}
    assert "203.0.113.7" not in str(row)


def test_the_same_reader_again_within_seconds_counts_once(client, bilingual_study):
    download(client, bilingual_study["ar"], "ar")
    download(client, bilingual_study["ar"], "ar")

    assert counts(bilingual_study["ar"]) == {"ar": 1}


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": "Googlebot/2.1 (+http://www.google.com/bot.html)"},
        {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Google Scholar)"},
        {"HTTP_RANGE": "bytes=1000-2000"},  # a PDF viewer fetching the rest of a file already counted
    ],
)
def test_robots_and_partial_requests_are_not_counted(client, bilingual_study, headers):
    download(client, bilingual_study["ar"], "ar", **headers)

    assert counts(bilingual_study["ar"]) == {}


def test_counts_show_on_both_language_pages(client, bilingual_study):
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        download(client, bilingual_study["ar"], "en", address=address)

    english = client.get(bilingual_study["en"].url).content.decode()
    arabic = client.get(bilingual_study["ar"].url).content.decode()

    assert '<span class="edition__downloads">3 downloads</span>' in english
    assert '<span class="edition__downloads">0 downloads</span>' in english
    assert '<span class="edition__downloads">3 تنزيلات</span>' in arabic


def test_the_library_sorts_by_most_downloaded(client, publication_index):
    pages = [
        helpers.publication(publication_index, title, date=datetime.date(2026, 1, day), slug=f"d{day}")
        for day, title in enumerate(["أ", "ب", "ج"], start=1)
    ]
    for number in range(3):
        download(client, pages[1], "ar", address=f"198.51.100.{number}")
    download(client, pages[0], "ar")

    response = client.get(publication_index.url, {"sort": "downloads"})

    assert [page.title for page in response.context["listing"].publications] == ["ب", "أ", "ج"]
    assert "الأكثر تنزيلاً" in response.content.decode()


def test_sorting_by_downloads_costs_no_extra_query(client, publication_index):
    for number in range(3):
        helpers.publication(publication_index, f"منشور {number}", slug=f"q{number}")
    client.get(publication_index.url)

    def queries(sort):
        with CaptureQueriesContext(connection) as captured:
            client.get(publication_index.url, {"sort": sort})
        return len(captured)

    assert queries("downloads") == queries("newest")
