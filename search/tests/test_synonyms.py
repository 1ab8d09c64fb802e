"""Editors' synonym groups, as visitors meet them on the search page (SQLite or PostgreSQL, whichever runs)."""

import pytest
from wagtail.models import Locale

from home.models import StandardPage
from search.models import SynonymGroup
from search.tests.pages import publish, publish_with_english
from search.tests.test_search_page import result_titles


@pytest.fixture
def vlr_pages(site_tree):
    publish(
        site_tree.home_ar,
        StandardPage(title="الاستعراض المحلي الطوعي لعمّان", slug="vlr", summary="تقرير المدينة الثاني"),
    )
    publish(
        site_tree.home_ar,
        StandardPage(title="المراجعة المحلية الطوعية للمدن", slug="review", summary="دليل عملي"),
    )
    publish(site_tree.home_ar, StandardPage(title="تقرير الأداء السنوي", slug="annual", summary="مؤشرات البلدية"))
    return site_tree


def group(terms, also_finds=(), language_code="ar"):
    return SynonymGroup.objects.create(
        locale=Locale.objects.get(language_code=language_code), terms="\n".join(terms), also_finds="\n".join(also_finds)
    )


def test_abbreviation_finds_the_pages_of_its_expansion(client, vlr_pages):
    group(["VLR"], also_finds=["الاستعراض المحلي الطوعي"])

    assert result_titles(client.get("/ar/search/", {"q": "VLR"})) == ["الاستعراض المحلي الطوعي لعمّان"]


def test_one_way_group_does_not_find_back(client, vlr_pages):
    group(["VLR"], also_finds=["الاستعراض المحلي الطوعي"])
    publish(vlr_pages.home_ar, StandardPage(title="VLR في أرقام", slug="vlr-figures"))

    titles = result_titles(client.get("/ar/search/", {"q": "الاستعراض المحلي الطوعي"}))

    assert "VLR في أرقام" not in titles


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("المراجعة المحلية الطوعية", "الاستعراض المحلي الطوعي لعمّان"),
        ("الاستعراض المحلي الطوعي", "المراجعة المحلية الطوعية للمدن"),
        ("والاستعراض الطوعي المحلي", "المراجعة المحلية الطوعية للمدن"),
    ],
)
def test_equivalent_terms_find_each_others_pages_in_any_inflection(client, vlr_pages, query, title):
    group(["الاستعراض المحلي الطوعي", "الاستعراض الطوعي المحلي", "المراجعة المحلية الطوعية"])

    assert title in result_titles(client.get("/ar/search/", {"q": query}))


def test_other_words_of_the_query_still_apply(client, vlr_pages):
    group(["الاستعراض المحلي الطوعي", "المراجعة المحلية الطوعية"])

    titles = result_titles(client.get("/ar/search/", {"q": "المراجعة المحلية الطوعية لعمان"}))

    assert titles == ["الاستعراض المحلي الطوعي لعمّان"]


def test_an_edited_group_applies_to_the_next_search(client, vlr_pages):
    assert result_titles(client.get("/ar/search/", {"q": "VLR"})) == []

    created = group(["VLR"], also_finds=["الاستعراض المحلي الطوعي"])
    assert result_titles(client.get("/ar/search/", {"q": "VLR"})) == ["الاستعراض المحلي الطوعي لعمّان"]

    created.delete()
    assert result_titles(client.get("/ar/search/", {"q": "VLR"})) == []


def test_the_synonyms_words_are_highlighted(client, vlr_pages):
    group(["VLR"], also_finds=["الاستعراض المحلي الطوعي"])

    html = client.get("/ar/search/", {"q": "VLR"}).content.decode()

    assert "<mark>الاستعراض</mark> <mark>المحلي</mark> <mark>الطوعي</mark> لعمّان" in html


def test_an_english_group_applies_on_the_english_site(client, site_tree):
    publish_with_english(site_tree.home_ar, "ظفار", "Dhofar, a green governorate", "محافظة", "A governorate", "dhofar")
    group(["Dhofar", "Dhufar", "Zufar"], language_code="en")

    assert result_titles(client.get("/en/search/", {"q": "Zufar"})) == ["Dhofar, a green governorate"]


def test_a_group_needs_two_terms_or_a_one_way_expansion():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        SynonymGroup(terms="VLR").clean()
    with pytest.raises(ValidationError):
        SynonymGroup(terms="VLR\n?!", also_finds="").clean()
    SynonymGroup(terms="VLR", also_finds="voluntary local review").clean()


def test_demo_synonyms_cover_the_terms_the_forum_uses(db):
    from demo import search as demo_search

    terms = {term for terms_ar, also_ar, _en, _also_en in demo_search.GROUPS for term in terms_ar + also_ar}

    # CONTENT-FACTS.md, "Terms the forum uses", with the other wordings visitors type.
    assert {
        "الاستعراض المحلي الطوعي",
        "الاستعراض الطوعي المحلي",
        "المراجعة المحلية الطوعية",
        "VLR",
        "الأجندة الحضرية الجديدة",
        "أهداف التنمية المستدامة",
        "مجتمع قادة التنقل الحضري المستدام",
        "سلطة إقليم البترا التنموي السياحي",
        "الذراع التقني",
    } <= terms
