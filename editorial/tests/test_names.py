"""The names of the data we configure show in the editor's language, and are stored in English."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Workflow
from wagtail.users.models import UserProfile


def shows(html, text):
    """In the page's markup, or in the JSON the sidebar is drawn from (which escapes non-ASCII letters)."""
    return text in html or json.dumps(text)[1:-1] in html


def admin_in(language, username):
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org", "secret-pass-123")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_group_and_workflow_names_read_in_the_active_language_and_save_in_english(db):
    with translation.override("ar"):
        editors = Group.objects.get(name="Editors")
        assert editors.name == "المحررون"
        editors.save()
        assert Workflow.objects.get(name="Moderators approval").name == "موافقة المشرفين"
    assert Group.objects.filter(name="Editors").exists()
    with translation.override("en"):
        assert Group.objects.get(pk=editors.pk).name == "Editors"


def test_arabic_name_typed_back_into_a_form_is_stored_as_the_english_one(db):
    group = Group.objects.get(name="Moderators")
    group.name = "المشرفون"
    group.save()
    assert Group.objects.filter(name="Moderators").exists()


def test_each_admin_shows_names_and_the_translations_report_in_its_own_language(client, site_tree):
    # Wagtail builds its menus once: the first request, in Arabic, must not fix the English admin's labels.
    for language, expected, foreign in (
        ("ar", ["المحررون", "الترجمات"], ["Editors", '"Translations"']),
        ("en", ["Editors", '"Translations"'], ["المحررون", "الترجمات"]),
    ):
        client.force_login(admin_in(language, f"admin-{language}"))
        html = client.get("/admin/groups/").content.decode()
        for text in expected:
            assert shows(html, text), (language, text)
        for text in foreign:
            assert not shows(html, text), (language, text)
