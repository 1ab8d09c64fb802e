"""Editors add a publication in the admin: authors and editions in order, the PDF read on publish."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from publications.models import Author, PublicationPage

from . import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pass")
    client.force_login(user)
    return client


def publication_form(author, document, **overrides):
    data = {
        "title": "دراسة من لوحة الإدارة",
        "slug": "admin-study",
        "subtitle": "",
        "publication_date": "2026-03-02",
        "publication_type": "study",
        "abstract": rich_text("<p>ملخص</p>"),
        "publisher": "",
        "doi": "",
        "publication_authors": inline_formset([{"author": author.pk}]),
        "editions": inline_formset(
            [{"language": "en", "document": document.pk, "isbn": "", "document_symbol": "ASCF/1"}]
        ),
        "related_pages": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_publishes_a_publication_whose_pdf_is_read(editor, publication_index):
    author = helpers.author(publication_index.locale, "أمانة عمان الكبرى", Author.Kind.ORGANISATION)
    document = helpers.document(helpers.english_pdf("Admin uploaded edition about desalination tariffs", "Annex"))
    url = reverse("wagtailadmin_pages:add", args=("publications", "publicationpage", publication_index.pk))

    response = editor.post(url, publication_form(author, document))

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = PublicationPage.objects.get(slug="admin-study")
    assert page.live
    edition = page.editions.get()
    assert edition.page_count == 2
    assert "desalination tariffs" in edition.extracted_text
    assert list(PublicationPage.objects.live().search("desalination tariffs")) == [page]


def test_admin_shows_errors_next_to_fields_and_keeps_what_was_typed(editor, publication_index):
    author = helpers.author(publication_index.locale, "أمانة عمان الكبرى", Author.Kind.ORGANISATION)
    document = helpers.document(helpers.english_pdf("text"))
    url = reverse("wagtailadmin_pages:add", args=("publications", "publicationpage", publication_index.pk))

    response = editor.post(url, publication_form(author, document, publication_date="not a date"))

    assert response.status_code == 200
    assert "publication_date" in response.context["form"].errors
    assert "دراسة من لوحة الإدارة" in response.content.decode()


@pytest.mark.parametrize("model", ["publicationpage", "publicationindexpage"])
def test_admin_edit_view_of_publication_pages_shows_the_page_in_its_form(editor, publication_index, model):
    page = publication_index if model == "publicationindexpage" else helpers.publication(publication_index, "دراسة")

    response = editor.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))

    form = response.context["form"]
    assert form.initial["title"] == page.title
    assert ("editions" in form.formsets) == (model == "publicationpage")


def test_admin_edit_views_of_mou_and_news_show_each_page_in_its_form(editor, site_tree):
    from news.tests.helpers import news_index, news_page
    from partners.tests.helpers import mou, partners_page

    partners = partners_page(site_tree.home_ar)
    pages = [
        partners,
        mou(partners, "مذكرة"),
        news_page(news_index(site_tree.home_ar), "خبر", date=datetime.date(2026, 1, 1)),
    ]
    for page in pages:
        response = editor.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.context["form"].initial["title"] == page.title


def test_author_snippet_is_added_in_the_admin(editor, site_tree):
    url = reverse("wagtailsnippets_publications_author:add")

    response = editor.post(
        url, {"name": "د. سكينة النصراوي", "kind": "person", "given_names": "سكينة", "family_name": "النصراوي"}
    )

    assert response.status_code == 302
    author = Author.objects.get(name="د. سكينة النصراوي")
    assert (author.family_name, author.locale.language_code) == ("النصراوي", "ar")
