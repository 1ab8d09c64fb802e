"""A plain editor translates a page and submits the translation; a moderator approves it or asks for changes,
from either admin language; nothing in English goes live without approval. Real users in Wagtail's groups."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation

from home.models import StandardPage

ARABIC_TITLE = "مجلس الإدارة"
ARABIC_SUMMARY = "سبع مدن في مجلس الإدارة."


def member_of(group_name, username, language):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "secret-pass-123")
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def arabic_page(site_tree):
    page = site_tree.home_ar.add_child(instance=StandardPage(title=ARABIC_TITLE, slug="المجلس", summary=ARABIC_SUMMARY))
    page.save_revision().publish()
    return page


def translate_strings(client, translation, english_by_arabic):
    """What the editor types into the translation editor: one PUT per segment, as its React editor sends."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in english_by_arabic:
            response = client.put(
                reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
                encode_multipart(BOUNDARY, {"value": english_by_arabic[segment.string.data]}),
                content_type=MULTIPART_CONTENT,
            )
            assert response.status_code in (200, 201), response.content


def public_text(client, page):
    """What a visitor sees of `page` at its live address."""
    client.logout()
    response = client.get(StandardPage.objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return response.content.decode()


def approve(client, page, moderator):
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]))
    assert response.status_code == 302


def test_editor_translates_submits_and_moderator_approves_before_english_goes_live(client, arabic_page):
    editor = member_of("Editors", "editor", "ar")
    moderator = member_of("Moderators", "moderator", "en")
    english = Locale.objects.get(language_code="en")

    client.force_login(editor)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[arabic_page.pk]), {"locales": [english.pk]}
    )
    assert response.status_code == 302
    english_page = arabic_page.get_translation(english)
    assert not english_page.live
    translation = Translation.objects.get(source__object_id=arabic_page.translation_key, target_locale=english)
    translate_strings(client, translation, {ARABIC_TITLE: "Board of directors", ARABIC_SUMMARY: "Seven cities."})

    # The translation editor offers the editor no "Publish", and refuses one.
    edit_url = reverse("wagtailadmin_pages:edit", args=[english_page.pk])
    editor_view = client.get(edit_url).content.decode()
    assert "Submit to" not in editor_view  # the Arabic admin says it in Arabic
    assert "تقديم إلى" in editor_view
    refused = client.post(edit_url, {"action": "publish"})
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's answer to PermissionDenied
    english_page.refresh_from_db()
    assert not english_page.live

    response = client.post(reverse("editorial_submit_translation", args=[english_page.pk]))
    assert response.status_code == 302
    english_page.refresh_from_db()
    assert english_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not english_page.live
    client.logout()
    assert client.get("/en/board/").status_code == 404

    approve(client, english_page, moderator)
    english_page.refresh_from_db()
    assert english_page.live
    assert "Board of directors" in public_text(client, english_page)


def test_changes_to_a_live_translation_wait_for_approval_and_can_be_sent_back(client, arabic_page):
    editor = member_of("Editors", "editor", "en")
    moderator = member_of("Moderators", "moderator", "ar")
    english = Locale.objects.get(language_code="en")
    client.force_login(editor)
    client.post(reverse("wagtail_localize:submit_page_translation", args=[arabic_page.pk]), {"locales": [english.pk]})
    english_page = arabic_page.get_translation(english)
    translation = Translation.objects.get(source__object_id=arabic_page.translation_key, target_locale=english)
    translate_strings(client, translation, {ARABIC_TITLE: "Board of directors", ARABIC_SUMMARY: "Seven cities."})
    client.post(reverse("editorial_submit_translation", args=[english_page.pk]))
    approve(client, english_page, moderator)

    # A second edit of the live English page: the public keeps the approved text until a moderator approves.
    client.force_login(editor)
    translate_strings(client, translation, {ARABIC_SUMMARY: "Seven Arab cities sit on the board."})
    client.post(reverse("editorial_submit_translation", args=[english_page.pk]))
    assert "Seven cities." in public_text(client, english_page)

    # The moderator, in the Arabic admin, sees the actions in Arabic and asks for changes.
    client.force_login(moderator)
    moderator_view = client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk])).content.decode()
    assert "طلب تغييرات" in moderator_view
    task_state = english_page.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[english_page.pk, "reject", task_state.pk]),
        {"comment": "Say which cities."},
    )
    assert response.status_code == 302
    english_page.refresh_from_db()
    assert english_page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(editor)
    translate_strings(client, translation, {ARABIC_SUMMARY: "Amman, Dubai and five other cities."})
    client.post(reverse("editorial_submit_translation", args=[english_page.pk]))
    english_page.refresh_from_db()
    assert english_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Seven cities." in public_text(client, english_page)

    approve(client, english_page, moderator)
    assert "Amman, Dubai and five other cities." in public_text(client, english_page)


def test_editor_cannot_publish_translations_from_sync_translated_pages(client, arabic_page):
    editor = member_of("Editors", "editor", "en")
    english = Locale.objects.get(language_code="en")
    client.force_login(editor)
    client.post(reverse("wagtail_localize:submit_page_translation", args=[arabic_page.pk]), {"locales": [english.pk]})
    source = Translation.objects.get(source__object_id=arabic_page.translation_key, target_locale=english).source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    refused = client.post(url, {"publish_translations": "on"})
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's answer to PermissionDenied
    assert not arabic_page.get_translation(english).live
    assert client.post(url, {}).status_code == 302
