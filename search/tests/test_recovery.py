"""What a search that finds nothing turns into: any of the words, "did you mean", the editors' report."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from home.models import StandardPage
from search.models import IndexedWord, ZeroResultQuery
from search.tests.pages import publish
from search.tests.test_search_page import result_titles


@pytest.fixture
def observatory(site_tree):
    publish(site_tree.home_ar, StandardPage(title="مرصد عمّان الحضري", slug="observatory", summary="مؤشرات المدينة"))
    publish(site_tree.home_ar, StandardPage(title="خريطة الخدمات", slug="services-map", summary="عنونة الشوارع"))
    return site_tree


def test_pages_with_any_of_the_words_are_shown_when_none_has_all_and_the_page_says_so(client, observatory):
    html = client.get("/ar/search/", {"q": "مرصد الشوارع الفضائية"}).content.decode()

    assert set(result_titles_of(html)) == {"مرصد عمّان الحضري", "خريطة الخدمات"}
    assert "لا تحوي أي صفحة كل الكلمات" in html


def test_a_query_whose_words_are_all_found_together_gets_no_notice(client, observatory):
    html = client.get("/ar/search/", {"q": "مرصد عمان"}).content.decode()

    assert result_titles_of(html) == ["مرصد عمّان الحضري"]
    assert "لا تحوي أي صفحة كل الكلمات" not in html


def test_did_you_mean_offers_the_indexed_spelling_of_a_misspelled_word(client, observatory):
    html = client.get("/ar/search/", {"q": "مرصط"}).content.decode()

    assert "هل تقصد" in html
    assert 'href="/ar/search/?q=%D9%85%D8%B1%D8%B5%D8%AF">مرصد</a>' in html


def test_did_you_mean_keeps_the_words_that_were_spelled_right(client, observatory):
    html = client.get("/en/search/", {"q": "observatroy"}).content.decode()
    assert "Did you mean" not in html  # nothing English is indexed yet: nothing to suggest

    publish(observatory.home_ar, StandardPage(title="Urban observatory of Amman", slug="latin-observatory"))
    html = client.get("/ar/search/", {"q": "Urban observatroy"}).content.decode()

    assert ">Urban observatory</a>" in html


def test_no_suggestion_is_made_from_a_word_nothing_resembles(client, observatory):
    html = client.get("/ar/search/", {"q": "زمهرير"}).content.decode()

    assert "هل تقصد" not in html
    assert "لم نجد شيئًا" in html


def test_a_deleted_pages_words_are_never_suggested(client, observatory):
    page = StandardPage.objects.get(slug="services-map")
    assert IndexedWord.objects.filter(word="خريطه").exists()
    page.delete()

    html = client.get("/ar/search/", {"q": "خريطط"}).content.decode()

    assert "هل تقصد" not in html


def result_titles_of(html):
    class Response:
        content = html.encode()

    return result_titles(Response)


@pytest.fixture
def editor_client(client, db):
    editors = Group.objects.create(name="Search editors")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_synonymgroup"),
        Permission.objects.get(codename="add_searchpromotion"),
        Permission.objects.get(codename="change_searchpromotion"),
    )
    editor = get_user_model().objects.create_user("search-editor", "se@example.org", "pass")
    editor.groups.add(editors)
    client.force_login(editor)
    return client


def test_zero_result_queries_are_counted_per_language_for_the_editors(client, observatory):
    client.get("/ar/search/", {"q": "زمهرير"})
    client.get("/ar/search/", {"q": "زمهرير"})
    client.get("/ar/search/", {"q": "زمهرير", "page": 2})  # a further page is not a further search
    client.get("/en/search/", {"q": "زمهرير"})
    client.get("/ar/search/", {"q": "مرصد"})

    counts = {(row.query.query_string, row.locale.language_code): row.searches for row in ZeroResultQuery.objects.all()}

    assert counts == {("زمهرير", "ar"): 2, ("زمهرير", "en"): 1}


def test_editors_report_lists_zero_result_queries_with_links_to_answer_them(client, editor_client, observatory):
    client.get("/ar/search/", {"q": "زمهرير"})
    client.get("/ar/search/", {"q": "زمهرير"})

    response = editor_client.get(reverse("search_zero_result_queries"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "زمهرير" in html
    row = html.split("زمهرير", 1)[1]
    assert ">2<" in row.replace(" ", "").replace("\n", "")[:400]
    synonym_url = (
        reverse("wagtailsnippets_search_synonymgroup:add") + "?locale=ar&amp;terms=%D8%B2%D9%85%D9%87%D8%B1%D9%8A%D8%B1"
    )
    assert synonym_url in html
    assert "/admin/searchpicks/" in html


def test_add_a_synonym_starts_a_group_with_the_query(editor_client, site_tree):
    url = reverse("wagtailsnippets_search_synonymgroup:add")

    html = editor_client.get(url, {"locale": "ar", "terms": "زمهرير"}).content.decode()

    assert 'id="id_terms">\nزمهرير</textarea>' in html


def test_add_a_promotion_opens_the_querys_promotions(client, editor_client, observatory):
    client.get("/ar/search/", {"q": "زمهرير"})
    row = ZeroResultQuery.objects.get()

    response = editor_client.get(reverse("wagtailsearchpromotions:edit", args=[row.query.pk]))

    assert response.status_code == 200
    assert "زمهرير" in response.content.decode()


def test_the_report_is_refused_to_users_who_cannot_answer_searches(client, db):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pass")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(reverse("search_zero_result_queries"))

    assert response.status_code in (302, 403)
