"""The translation status report and its dashboard panel: what has an English version, how much of it is
translated, what changed in Arabic since the last sync; filtered, with the action each needs."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.models import StandardPage


@pytest.fixture
def editor(client, site_tree):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "secret-pass-123")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def report_rows(client, **filters):
    html = client.get(reverse("editorial_translation_status"), filters).content.decode()
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return html, [row for row in body.split("<tr")[1:]]


def test_report_shows_untranslated_partly_translated_and_changed_pages_with_their_actions(client, editor, site_tree):
    english = Locale.objects.get(language_code="en")
    board = site_tree.home_ar.add_child(instance=StandardPage(title="مجلس الإدارة", slug="المجلس"))
    board.save_revision().publish()
    about = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")
    about.summary = "ملخص جديد."
    about.save_revision().publish()  # changed after its last sync
    source = TranslationSource.objects.get(object_id=about.translation_key, locale__language_code="ar")

    html, rows = report_rows(client)

    board_row = next(row for row in rows if "مجلس الإدارة" in row)
    assert 'data-state="missing"' in board_row
    assert reverse("wagtail_localize:submit_page_translation", args=[board.pk]) in board_row
    about_row = next(row for row in rows if ">عن المنتدى<" in row)
    assert 'data-state="outdated"' in about_row
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in about_row
    privacy_row = next(row for row in rows if 'data-state="done"' in row)
    assert "100%" in privacy_row
    assert english.pk  # the English site exists in the base tree

    _html, missing_only = report_rows(client, state="missing")
    assert missing_only and all('data-state="missing"' in row for row in missing_only)


def test_dashboard_panel_counts_pages_without_english(client, editor, site_tree):
    site_tree.home_ar.add_child(instance=StandardPage(title="مجلس الإدارة", slug="المجلس")).save_revision().publish()
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "الترجمات الإنجليزية" in html
    missing_row = html.split(f'href="{reverse("editorial_translation_status")}?state=missing">')[1].split("</tr>")[0]
    assert missing_row.startswith("لا نسخة إنجليزية</a></td><td>1</td>")


def test_report_is_built_in_a_fixed_number_of_queries(client, editor, site_tree, django_assert_max_num_queries):
    for number in range(15):
        site_tree.home_ar.add_child(instance=StandardPage(title=f"صفحة {number}", slug=f"صفحة-{number}"))
    with django_assert_max_num_queries(40):
        assert client.get(reverse("editorial_translation_status")).status_code == 200
