"""Editors get the Wagtail admin in Arabic by default, and can choose English in their account."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "secret-pass-123")


def test_admin_is_arabic_right_to_left_by_default_even_for_an_english_browser(client, editor):
    client.force_login(editor)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="ar"' in html and 'dir="rtl"' in html


def test_admin_login_page_is_arabic(client, db):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert 'lang="ar"' in html and 'dir="rtl"' in html


def test_editor_who_chose_english_gets_the_admin_in_english(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert 'lang="en"' in html and 'dir="ltr"' in html


def test_editor_can_switch_to_english_in_account_settings(client, editor):
    client.force_login(editor)
    page = client.get("/admin/account/").content.decode()
    assert 'value="en"' in page
