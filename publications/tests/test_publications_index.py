"""The publications index: facets with counts for the current result, filters, sort, pages, constant queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import built_for_module, for_this_test
from publications.listing import PAGE_SIZE

from . import helpers

pytestmark = pytest.mark.django_db


def four_publications(publication_index):
    """Four publications with known types, topics, years and edition languages."""
    helpers.publication(
        publication_index, "أ دراسة المياه", "study", datetime.date(2025, 5, 1), ["sdgs-vlr"], ("ar", "en")
    )
    helpers.publication(
        publication_index, "ب دراسة النقل", "study", datetime.date(2026, 2, 1), ["sustainable-mobility"], ("ar",)
    )
    helpers.publication(
        publication_index, "ج دليل الاستراتيجية", "guide", datetime.date(2026, 3, 1), ["sdgs-vlr"], ("ar", "en")
    )
    helpers.publication(
        publication_index, "د تقرير الخدمات", "report", datetime.date(2026, 4, 1), ["e-services"], ("en",)
    )
    return publication_index


@pytest.fixture(scope="module")
def library_of_module(request, publication_index_of_module):
    return built_for_module(request, "library", four_publications, publication_index_of_module)


@pytest.fixture
def library(library_of_module, publication_index):
    return for_this_test(library_of_module, four_publications, publication_index)


def facet_counts(response, name):
    return {option.value: option.count for facet in response.context["listing"].facets if facet.name == name
            for option in facet.options}  # fmt: skip


def listed_titles(response):
    return [page.title for page in response.context["listing"].publications]


def test_facets_count_every_publication_when_nothing_is_selected(client, library):
    response = client.get(library.url)

    assert facet_counts(response, "type") == {"study": 2, "guide": 1, "report": 1}
    assert facet_counts(response, "year") == {"2025": 1, "2026": 3}
    assert facet_counts(response, "language") == {"ar": 3, "en": 3}
    assert facet_counts(response, "topic") == {"sdgs-vlr": 2, "sustainable-mobility": 1, "e-services": 1}


def test_facet_counts_follow_the_current_result(client, library):
    response = client.get(library.url, {"year": "2026"})

    assert response.context["listing"].total == 3
    assert facet_counts(response, "type") == {"study": 1, "guide": 1, "report": 1}
    assert facet_counts(response, "language") == {"ar": 2, "en": 2}
    assert facet_counts(response, "topic") == {"sdgs-vlr": 1, "sustainable-mobility": 1, "e-services": 1}


def test_filters_combine(client, library):
    response = client.get(library.url, {"type": "study", "language": "en"})

    assert listed_titles(response) == ["أ دراسة المياه"]


def test_topic_filter_lists_publications_of_that_topic(client, library):
    response = client.get(library.url, {"topic": "sdgs-vlr"})

    assert sorted(listed_titles(response)) == ["أ دراسة المياه", "ج دليل الاستراتيجية"]


def test_facet_options_are_plain_links_that_keep_the_other_filters(client, library):
    response = client.get(library.url, {"year": "2026", "sort": "title"})
    html = response.content.decode()

    assert 'href="?year=2026&amp;sort=title&amp;type=guide"' in html
    assert re.search(r'<a href="\?sort=title"[^>]*aria-current="true"', html), "selected year links to its removal"


def test_facet_shows_its_count_next_to_the_option(client, library):
    html = client.get(library.url).content.decode()

    assert re.search(r"<span>2026</span>\s*<span class=\"facet__count\">\(3\)</span>", html)


def test_newest_first_is_the_default_order(client, library):
    response = client.get(library.url)

    assert listed_titles(response) == ["د تقرير الخدمات", "ج دليل الاستراتيجية", "ب دراسة النقل", "أ دراسة المياه"]


def test_sort_by_title(client, library):
    response = client.get(library.url, {"sort": "title"})

    assert listed_titles(response) == ["أ دراسة المياه", "ب دراسة النقل", "ج دليل الاستراتيجية", "د تقرير الخدمات"]


def test_unknown_filter_values_are_ignored_not_an_error(client, library):
    response = client.get(library.url, {"type": "poem", "year": "20x6", "language": "xx", "sort": "drop", "page": "z"})

    assert response.status_code == 200
    assert response.context["listing"].total == 4


def test_an_unknown_topic_gives_an_empty_result_and_a_way_back(client, library):
    response = client.get(library.url, {"topic": "no-such-topic"})

    assert response.status_code == 200
    assert response.context["listing"].total == 0
    assert f'<a href="{library.url}">' in response.content.decode(), "a link clears the filters"


def test_listing_is_paginated(client, publication_index):
    for number in range(PAGE_SIZE + 1):
        helpers.publication(publication_index, f"منشور {number:02d}", date=datetime.date(2026, 1, 1 + number))

    first = client.get(publication_index.url)
    second = client.get(publication_index.url, {"page": 2})

    assert len(listed_titles(first)) == PAGE_SIZE
    assert listed_titles(second) == ["منشور 00"]
    assert second.context["listing"].total == PAGE_SIZE + 1


def test_index_shows_only_publications_of_its_language(client, library, site_tree):
    from forum_site.localize import translate

    english_index = translate(library, {"المنشورات": "Publications", "publications": "publications"})

    response = client.get(english_index.url)

    assert response.context["listing"].total == 0


def _queries_for_index(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_publications(
    client, publication_index, site_tree, rendered_pages
):
    from publications.models import Author

    authors = [helpers.author(publication_index.locale, f"مؤلف {n}") for n in range(2)]
    for number in range(2):
        helpers.publication(
            publication_index, f"أول {number}", topics=["sdgs-vlr"], languages=("ar", "en"), authors=authors
        )
    client.get(publication_index.url)  # warm per-process caches (content types, site root paths)
    few = _queries_for_index(client, publication_index.url)

    for number in range(9):
        helpers.publication(
            publication_index,
            f"ثان {number}",
            publication_type="guide" if number % 2 else "report",
            date=datetime.date(2020 + number, 1, 1),
            topics=["e-services", "gis-addressing"],
            languages=("ar", "en"),
            authors=authors,
        )
    client.get(publication_index.url)  # the new covers' renditions are made once, then read from the cache
    many = _queries_for_index(client, publication_index.url)

    assert Author.objects.count() == 2
    assert many == few, f"{few} queries with 2 publications, {many} with 11"


def test_query_count_of_the_index_is_bounded(client, library, django_assert_max_num_queries, rendered_pages):
    client.get(library.url)
    with django_assert_max_num_queries(30):
        client.get(library.url, {"year": "2026", "topic": "sdgs-vlr"})


def test_english_library_names_its_topic_facet_in_english(client, library):
    from forum_site.localize import translate

    english_index = translate(library, {"المنشورات": "Publications", "publications": "publications"})
    study = library.get_children().specific().get(title="أ دراسة المياه")
    translate(study, {"أ دراسة المياه": "A water study", study.slug: study.slug, "Abstract": "Abstract"})

    response = client.get(english_index.url)
    filtered = client.get(english_index.url, {"topic": "sdgs-vlr"})

    topic_labels = [option.label for facet in response.context["listing"].facets if facet.name == "topic"
                    for option in facet.options]  # fmt: skip
    assert topic_labels == ["SDGs and voluntary local reviews"]
    assert listed_titles(filtered) == ["A water study"]
