"""The search page as a visitor uses it, on whichever database the suite runs (SQLite or PostgreSQL)."""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.models import StandardPage
from search import results as site_search
from search.tests.pages import create_mou, publish


def result_titles(response):
    """The titles of the results listed on a search page, highlighting removed."""
    html = response.content.decode()
    hits = re.findall(r'<li class="search-hit">\s*<h3><a href="[^"]*">(.*?)</a></h3>', html, re.S)
    return [re.sub(r"</?mark>", "", hit) for hit in hits]


def result_urls(response):
    return re.findall(r'<li class="search-hit">\s*<h3><a href="([^"]*)"', response.content.decode())


# Every example of the point 2: (query, a title written another way that it must find).
ARABIC_VARIANTS = [
    ("عمّان", "خطة عمان الرقمية"),
    ("عمان", "مكتبة عمّان العامة"),
    ("الإستراتيجية", "الاستراتيجية الوطنية للبيانات"),
    ("الاستراتيجية", "الإستراتيجية العربية للتحول"),
    ("المدن الذكيه", "مؤشر المدن الذكية"),
    ("المدن الذكية", "دليل المدن الذكيه"),
    ("مدن", "مؤشر المدن الذكية"),
    ("للمدن", "دليل المدن الذكيه"),
]


@pytest.mark.parametrize(("query", "title"), ARABIC_VARIANTS)
def test_arabic_spelling_variant_finds_page(client, search_pages, query, title):
    response = client.get("/ar/search/", {"q": query})

    assert response.status_code == 200
    assert title in result_titles(response)


ENGLISH_INFLECTIONS = [
    ("libraries", "Amman public library"),
    ("strategies", "National data strategy"),
    ("municipality", "GIS for municipalities"),
    ("cities", "Smart city guide"),
]


@pytest.mark.parametrize(("query", "title"), ENGLISH_INFLECTIONS)
def test_english_inflection_finds_page(client, search_pages, query, title):
    response = client.get("/en/search/", {"q": query, "type": "pages"})
    pages = [result_titles(response)]
    pages += [result_titles(client.get("/en/search/", {"q": query, "page": n})) for n in (2, 3)]

    assert title in sum(pages, [])


def test_arabic_search_never_returns_english_pages(client, search_pages):
    response = client.get("/ar/search/", {"q": "GIS"})

    assert result_titles(response) == ["نظم GIS للبلديات"]
    assert all(url.startswith("/ar/") for url in result_urls(response))


def test_english_search_never_returns_arabic_pages(client, search_pages):
    response = client.get("/en/search/", {"q": "GIS"})

    assert result_titles(response) == ["GIS for municipalities"]
    assert client.get("/en/search/", {"q": "عمان"}).content.decode().count('class="search-hit"') == 0


def test_matched_words_are_highlighted_in_title_and_snippet(client, search_pages):
    html = client.get("/ar/search/", {"q": "الذكيه"}).content.decode()

    assert "مؤشر المدن <mark>الذكية</mark>" in html


def test_query_is_kept_in_the_search_box(client, search_pages):
    html = client.get("/ar/search/", {"q": "المدن الذكيه"}).content.decode()

    assert 'id="search-page-q" type="search" name="q" value="المدن الذكيه"' in html


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_empty_query_shows_the_search_form(client, site_tree, query):
    response = client.get("/ar/search/", {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="search-page-q"' in html
    assert "search-results-heading" not in html


MALFORMED = [
    "مدن" * 167,
    '"المدن',
    "المدن AND OR NOT",
    "'; DROP TABLE wagtailcore_page; --",
    "\x00\x07\x1b[31m",
    "* ( ) : ^ NEAR(a b) title:x",
    "-",
    "%' OR 1=1 --",
    "\\",
]


@pytest.mark.parametrize("query", MALFORMED)
def test_long_or_malformed_query_returns_a_normal_page(client, search_pages, query):
    response = client.get("/ar/search/", {"q": query})

    assert response.status_code == 200
    assert 'id="search-page-q"' in response.content.decode()


def type_counts(response):
    html = response.content.decode()
    return dict(re.findall(r'type=(\w+)">[^<]*<span class="search-facet__count">\((\d+)\)', html))


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"topic": "abc"},
        {"topic": "99999999999999999999999"},
        {"year": "-5"},
        {"year": "99999999999999999999"},
        {"page": "last"},
        {"page": "999"},
    ],
)
def test_malformed_filters_are_ignored(client, search_pages, params):
    response = client.get("/ar/search/", {"q": "مؤشر", **params})

    assert response.status_code == 200
    assert result_titles(response) == ["مؤشر المدن الذكية"]


def test_type_filter_counts_each_type(client, search_pages, site_tree):
    create_mou(site_tree, "مذكرة تفاهم لمؤشر الأداء", "Performance index MoU")

    response = client.get("/ar/search/", {"q": "مؤشر"})

    assert type_counts(response) == {"pages": "1", "mous": "1"}


def test_type_filter_keeps_only_that_type(client, search_pages, site_tree):
    create_mou(site_tree, "مذكرة تفاهم لمؤشر الأداء", "Performance index MoU")

    assert result_titles(client.get("/ar/search/", {"q": "مؤشر", "type": "mous"})) == ["مذكرة تفاهم لمؤشر الأداء"]
    assert result_titles(client.get("/ar/search/", {"q": "مؤشر", "type": "pages"})) == ["مؤشر المدن الذكية"]


def test_year_filter_keeps_only_that_year(client, search_pages):
    html = client.get("/ar/search/", {"q": "مؤشر"}).content.decode()
    year = re.search(r"year=(\d{4})", html).group(1)

    assert result_titles(client.get("/ar/search/", {"q": "مؤشر", "year": year})) == ["مؤشر المدن الذكية"]
    assert result_titles(client.get("/ar/search/", {"q": "مؤشر", "year": "1999"})) == []


def test_results_are_paginated(client, site_tree):
    for number in range(12):
        publish(site_tree.home_ar, StandardPage(title=f"صفحة تجريبية {number}", slug=f"trial-{number}"))

    first = client.get("/ar/search/", {"q": "تجريبيه"})
    second = client.get("/ar/search/", {"q": "تجريبيه", "page": 2})

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert 'rel="next"' in first.content.decode()


def test_page_with_the_word_in_its_title_ranks_above_one_with_it_in_its_summary(client, site_tree):
    # The title match is created first: were scores ignored, the newer page would lead on the pk tie-break.
    publish(site_tree.home_ar, StandardPage(title="مرصد المدن العربية", slug="observatory", summary="تقرير سنوي"))
    publish(site_tree.home_ar, StandardPage(title="تقرير سنوي", slug="annual-report", summary="صادر عن مرصد المدن"))

    assert result_titles(client.get("/ar/search/", {"q": "مرصد"})) == ["مرصد المدن العربية", "تقرير سنوي"]


def test_broad_query_is_ranked_and_counted_within_the_window_and_says_so(client, site_tree, monkeypatch):
    monkeypatch.setattr(site_search, "MATCH_WINDOW", 3)
    for number in range(5):
        publish(site_tree.home_ar, StandardPage(title=f"مرصد المدن {number}", slug=f"observatory-{number}"))

    response = client.get("/ar/search/", {"q": "مرصد"})
    html = response.content.decode()

    # The database backends keep the most recently created matches in the window.
    assert sorted(result_titles(response)) == ["مرصد المدن 2", "مرصد المدن 3", "مرصد المدن 4"]
    assert "أكثر من 3 صفحة" in html
    assert "3 نتائج" in html


def test_query_within_the_window_is_counted_exactly_without_notice(client, site_tree):
    for number in range(5):
        publish(site_tree.home_ar, StandardPage(title=f"مرصد المدن {number}", slug=f"observatory-{number}"))

    html = client.get("/ar/search/", {"q": "مرصد"}).content.decode()

    assert "5 نتائج" in html
    assert "أكثر من" not in html


def test_search_page_query_count_does_not_grow_with_results(client, site_tree, django_assert_max_num_queries):
    for number in range(10):
        publish(site_tree.home_ar, StandardPage(title=f"صفحة تجريبية {number}", slug=f"trial-{number}"))

    with django_assert_max_num_queries(30):
        response = client.get("/ar/search/", {"q": "تجريبيه"})
    assert len(result_titles(response)) == 10


def test_every_search_is_counted_for_the_admin_report(client, search_pages):
    client.get("/ar/search/", {"q": "المدن الذكية"})
    client.get("/ar/search/", {"q": "المدن الذكية"})
    client.get("/ar/search/", {"q": "كلمة لا توجد"})

    assert Query.get("المدن الذكية").hits == 2
    assert Query.get("كلمة لا توجد").hits == 1


def test_editors_pick_shows_for_a_spelling_variant_of_its_query(client, search_pages):
    # A search before the pick is made: the next search must not answer from what this one cached.
    assert "search-picks-heading" not in client.get("/ar/search/", {"q": "المدن الذكيه"}).content.decode()
    pick = SearchPromotion.objects.create(
        query=Query.get("المدن الذكية"), page=search_pages["الاستراتيجية الوطنية للبيانات"], sort_order=0
    )

    html = client.get("/ar/search/", {"q": "المدن الذكيه"}).content.decode()

    assert "search-picks-heading" in html
    picks = html.split('<h2 id="search-picks-heading">')[1].split('<h2 id="search-results-heading">')[0]
    assert "الاستراتيجية الوطنية للبيانات" in picks

    pick.delete()
    assert "search-picks-heading" not in client.get("/ar/search/", {"q": "المدن الذكيه"}).content.decode()


def test_suggestions_list_matching_titles_from_three_letters(client, search_pages):
    titles = [s["title"] for s in client.get("/ar/search/suggest/", {"q": "الذكي"}).json()["suggestions"]]

    assert "مؤشر المدن الذكية" in titles
    assert client.get("/ar/search/suggest/", {"q": "مد"}).json() == {"suggestions": []}


def test_suggestions_stay_in_the_current_language(client, search_pages):
    suggestions = client.get("/en/search/suggest/", {"q": "Smart"}).json()["suggestions"]

    assert {"Smart cities index", "Smart city guide"} <= {s["title"] for s in suggestions}
    assert all(s["url"].startswith("/en/") for s in suggestions)


def test_year_comes_from_the_page_types_search_date_field(client, search_pages, site_tree, monkeypatch):
    # The contract page types follow: `search_date_field` names their main date (an MoU's signing date).
    from partners.models import MoUPage

    monkeypatch.setattr(MoUPage, "search_date_field", "signed_on", raising=False)
    mou, _english = create_mou(site_tree, "مذكرة تفاهم لمؤشر الأداء", "Performance index MoU")
    MoUPage.objects.filter(pk=mou.pk).update(signed_on="2019-05-01")

    html = client.get("/ar/search/", {"q": "مؤشر"}).content.decode()

    assert "year=2019" in html
    assert result_titles(client.get("/ar/search/", {"q": "مؤشر", "year": "2019"})) == ["مذكرة تفاهم لمؤشر الأداء"]


@pytest.fixture
def program_with_topic(site_tree):
    from home.models import Topic
    from programs.models import ProgramIndexPage, ProgramPage

    topic = Topic.objects.get(locale=site_tree.home_ar.locale, slug="smart-city-strategy")
    programs = publish(site_tree.home_ar, ProgramIndexPage(title="البرامج", slug="programs"))
    program = ProgramPage(title="برنامج مؤشر التحول", slug="index-program", summary="برنامج")
    programs.add_child(instance=program)
    program.topics.add(topic)
    program.save_revision().publish()
    return program, topic


def test_topic_filter_counts_and_keeps_pages_of_that_topic(client, search_pages, program_with_topic):
    program, topic = program_with_topic

    html = client.get("/ar/search/", {"q": "مؤشر"}).content.decode()
    assert f'topic={topic.pk}">{topic.name} <span class="search-facet__count">(1)</span>' in html

    response = client.get("/ar/search/", {"q": "مؤشر", "topic": topic.pk})
    assert result_titles(response) == ["برنامج مؤشر التحول"]


def test_topic_of_a_course_is_counted_once(client, site_tree):
    from home.models import Topic
    from programs.tests.conftest import make_event, make_program

    topic = Topic.objects.get(locale=site_tree.home_ar.locale, slug="smart-city-strategy")
    course = make_event(make_program(), english=False, title="دورة مرصد التحول", slug="observatory-course")
    course.topics.add(topic)
    course.save_revision().publish()

    html = client.get("/ar/search/", {"q": "مرصد"}).content.decode()

    assert f'topic={topic.pk}">{topic.name} <span class="search-facet__count">(1)</span>' in html


def test_english_search_names_topic_facets_in_english_and_filters_by_them(client, site_tree):
    from forum_site.localize import translate
    from home.models import Topic
    from programs.models import ProgramIndexPage, ProgramPage

    topic = Topic.objects.get(locale=site_tree.home_ar.locale, slug="smart-city-strategy")
    english_topic = topic.get_translation(site_tree.home_en.locale)
    programs = publish(site_tree.home_ar, ProgramIndexPage(title="البرامج", slug="programs"))
    translate(programs, {"البرامج": "Programs", "programs": "programs"})
    program = ProgramPage(title="برنامج المرصد", slug="observatory", summary="برنامج")
    programs.add_child(instance=program)
    program.save_revision().publish()
    translate(
        program, {"برنامج المرصد": "Observatory programme", "observatory": "observatory", "برنامج": "A programme"}
    )
    # Chosen on the Arabic page after the translation: the English page follows its source.
    program.topics.add(topic)
    program.save_revision().publish()

    html = client.get("/en/search/", {"q": "observatory"}).content.decode()
    filtered = client.get("/en/search/", {"q": "observatory", "topic": english_topic.pk})

    assert f'topic={english_topic.pk}">Smart city strategy <span class="search-facet__count">(1)</span>' in html
    assert topic.name not in html
    assert result_titles(filtered) == ["Observatory programme"]
