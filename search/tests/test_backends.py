"""The normalising database backends, below the search page: related fields, autocomplete, the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.tests.pages import create_search_pages


@pytest.fixture
def admin_client(client, db):
    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "pass")
    client.force_login(admin)
    return client


def test_related_fields_are_indexed_normalised(db):
    # Images index their tags through index.RelatedFields, as publications index their PDFs' text.
    image = Image.objects.create(title="صورة", file=get_test_image_file())
    image.tags.add("المدن الذكية")
    get_search_backend().add(image)

    assert list(get_search_backend().search("الذكيه", Image)) == [image]


def test_search_form_is_what_the_index_holds(site_tree):
    from wagtail.search.models import IndexEntry

    pages = create_search_pages(site_tree)
    entry = IndexEntry.objects.get(object_id=str(pages["الإستراتيجية العربية للتحول"].pk))

    # PostgreSQL keeps a tsvector in `title` and the text beside it; SQLite keeps the text itself.
    assert (getattr(entry, "title_text", None) or entry.title) == "استراتيج عرب تحول"


def test_autocomplete_finds_a_word_being_typed(site_tree):
    create_search_pages(site_tree)

    titles = [page.title for page in get_search_backend().autocomplete("المدن الذك", Page.objects.live())]

    assert {"مؤشر المدن الذكية", "دليل المدن الذكيه"} <= set(titles)


def test_query_of_only_punctuation_finds_nothing_without_error(site_tree):
    assert list(get_search_backend().search('"" ( ) *', Page)) == []


def test_admin_page_search_finds_spelling_variant(admin_client, site_tree):
    create_search_pages(site_tree)

    response = admin_client.get("/admin/pages/search/", {"q": "الإستراتيجيه"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "الاستراتيجية الوطنية للبيانات" in html and "الإستراتيجية العربية للتحول" in html


def test_admin_search_terms_report_lists_visitors_queries(admin_client, site_tree):
    admin_client.get("/ar/search/", {"q": "كلمة لا توجد"})

    response = admin_client.get(reverse("wagtailsearchpromotions:search_terms"))

    assert response.status_code == 200
    assert "كلمة لا توجد" in response.content.decode()
