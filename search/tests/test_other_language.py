"""The other language on the search page, highlights of names, suggestions: everything in the page's language."""

import re

import pytest

from home.models import StandardPage
from search.tests.pages import create_mou, publish, publish_with_english
from search.tests.test_search_page import result_titles


def other_language_titles(response):
    html = response.content.decode()
    hits = re.findall(
        r'<li class="search-hit search-hit--other-language">\s*<h3><a href="([^"]*)">(.*?)</a>', html, re.S
    )
    return [(url, re.sub(r"</?mark>", "", title)) for url, title in hits]


def test_arabic_query_on_the_english_site_offers_the_arabic_pages_labelled(client, search_pages):
    response = client.get("/en/search/", {"q": "عمّان"})
    html = response.content.decode()

    assert result_titles(response) == []
    offered = other_language_titles(response)
    assert {"خطة عمان الرقمية", "مكتبة عمّان العامة"} <= {title for _url, title in offered}
    assert all(url.startswith("/ar/") for url, _title in offered)
    assert "Results in Arabic" in html
    assert '<ol class="search-hits" lang="ar" dir="rtl">' in html
    assert 'href="/ar/search/?q=%D8%B9%D9%85%D9%91%D8%A7%D9%86" hreflang="ar"' in html


def test_latin_query_on_the_arabic_site_offers_the_english_pages_beside_its_own(client, search_pages):
    response = client.get("/ar/search/", {"q": "GIS"})
    html = response.content.decode()

    assert result_titles(response) == ["نظم GIS للبلديات"]
    assert [title for _url, title in other_language_titles(response)] == ["GIS for municipalities"]
    assert "نتائج باللغة الإنجليزية" in html
    assert '<ol class="search-hits" lang="en" dir="ltr">' in html


def test_a_query_in_the_pages_own_script_offers_no_other_language(client, search_pages):
    html = client.get("/en/search/", {"q": "Amman"}).content.decode()

    assert "search-other-language" not in html


@pytest.mark.parametrize(
    ("start", "query", "lands_on"),
    [
        ("/ar/search/", "عمّان", "/en/search/"),  # Arabic words find no English page: the query is dropped
        ("/ar/search/", "GIS", "/en/search/?q=GIS"),  # the English pages hold GIS: it is kept
        ("/en/search/", "library", "/ar/search/"),
    ],
)
def test_language_switcher_keeps_the_query_only_where_it_finds_something(client, search_pages, start, query, lands_on):
    html = client.get(start, {"q": query}).content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    link = re.search(r'<a href="([^"]*)" lang="(ar|en)"', switcher).group(1).replace("&amp;", "&")

    response = client.get(link, follow=True)

    final = response.redirect_chain[-1][0] if response.redirect_chain else link
    assert final.split("&switched")[0] == lands_on
    assert response.status_code == 200


def test_name_spelled_with_a_final_hamza_finds_the_pages_spelled_without(client, site_tree):
    publish(site_tree.home_ar, StandardPage(title="مركز زوار البترا", slug="petra-centre"))

    assert result_titles(client.get("/ar/search/", {"q": "البتراء"})) == ["مركز زوار البترا"]
    assert [s["title"] for s in client.get("/ar/search/suggest/", {"q": "البتراء"}).json()["suggestions"]] == [
        "مركز زوار البترا"
    ]


def test_latin_transliteration_of_a_place_finds_the_other_spelling(client, site_tree):
    publish_with_english(site_tree.home_ar, "جدة", "Jeddah municipality", "مدينة", "A city", "jeddah")

    assert result_titles(client.get("/en/search/", {"q": "Jedda"})) == ["Jeddah municipality"]


def test_suggestions_list_each_title_once(client, site_tree):
    for number in range(3):
        publish(site_tree.home_ar, StandardPage(title="دليل المرصد الحضري", slug=f"guide-{number}"))
    publish(site_tree.home_ar, StandardPage(title="مرصد المدن", slug="cities-observatory"))

    titles = [s["title"] for s in client.get("/ar/search/suggest/", {"q": "مرصد"}).json()["suggestions"]]

    assert sorted(titles) == ["دليل المرصد الحضري", "مرصد المدن"]


def test_a_matching_party_of_an_mou_is_highlighted(client, site_tree):
    from partners.models import MoUParty, PartnerOrganisation

    mou, _english = create_mou(site_tree, "مذكرة تفاهم للعنونة", "Addressing MoU")
    party = PartnerOrganisation.objects.create(locale=mou.locale, name="سلطة إقليم البترا", kind="government")
    MoUParty.objects.create(page=mou, party=party, locale=mou.locale)
    mou.save_revision().publish()

    html = client.get("/ar/search/", {"q": "البترا"}).content.decode()

    assert result_titles_of(html) == ["مذكرة تفاهم للعنونة"]
    assert '<p class="search-hit__details">الأطراف: سلطة إقليم <mark>البترا</mark></p>' in html


def result_titles_of(html):
    class Response:
        content = html.encode()

    return result_titles(Response)


@pytest.fixture
def study(site_tree):
    from publications.models import Author
    from publications.tests import helpers

    index = helpers.index_page(site_tree.home_ar)
    author = helpers.author(index.locale, "م. أكرم خريسات", kind=Author.Kind.PERSON, family_name="خريسات")
    page = helpers.publication(
        index,
        "دراسة في مسار الإعداد",
        authors=[author],
        abstract="<p>ملخص الدراسة</p>",
        pdf_text=ONLY_IN_PDF,
        languages=("ar", "en"),
    )
    edition = page.editions.get(language="ar")
    edition.document = helpers.arabic_demo_document()
    edition.save()
    page.save_revision().publish()
    return page


ONLY_IN_PDF = "periurban groundwater telemetry"


def test_a_matching_author_is_highlighted(client, study):
    html = client.get("/ar/search/", {"q": "خريسات"}).content.decode()

    assert result_titles_of(html) == ["دراسة في مسار الإعداد"]
    assert '<p class="search-hit__details">المؤلفون: م. أكرم <mark>خريسات</mark></p>' in html


def test_the_snippet_comes_from_the_pdf_in_the_pages_language(client, study):
    html = client.get("/ar/search/", {"q": "المرصد الحضري"}).content.decode()

    snippet = html.split('<p class="search-hit__snippet">')[1].split("</p>")[0]
    assert "<mark>المرصد</mark> <mark>الحضري</mark>" in snippet


def test_a_match_only_in_another_languages_pdf_shows_a_snippet_in_the_pages_language(client, study):
    response = client.get("/ar/search/", {"q": "groundwater telemetry"})
    html = response.content.decode()

    assert result_titles(response) == ["دراسة في مسار الإعداد"]
    snippet = html.split('<p class="search-hit__snippet">')[1].split("</p>")[0]
    assert "groundwater" not in snippet and snippet == "ملخص الدراسة"


def test_search_page_query_count_does_not_grow_with_results_offers_or_synonyms(client, site_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from search.models import SynonymGroup

    SynonymGroup.objects.create(locale=Locale.objects.get(language_code="ar"), terms="pilot\ntrial")

    def queries_of_a_search():
        client.get("/ar/search/", {"q": "pilot"})  # the first search of a process reads the synonyms once
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/ar/search/", {"q": "pilot", "page": 1})
        return len(captured), response

    for number in range(2):
        publish_with_english(site_tree.home_ar, f"pilot {number}", f"pilot {number}", "تجربة", "A pilot", f"p-{number}")
    few, response = queries_of_a_search()
    assert len(result_titles(response)) == 2 and len(other_language_titles(response)) == 2

    for number in range(2, 12):
        publish_with_english(site_tree.home_ar, f"trial {number}", f"trial {number}", "تجربة", "A trial", f"p-{number}")
    many, response = queries_of_a_search()
    assert len(result_titles(response)) == 10 and len(other_language_titles(response)) == 5

    assert many == few
