"""The editors' guide is in the admin, in the editor's language."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile


def editor_in(client, language):
    user = get_user_model().objects.create_user(f"editor-{language}", f"{language}@example.org", "secret-pass-123")
    user.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


@pytest.mark.parametrize(
    ("language", "topic", "expected"),
    [
        ("ar", "pages", ["دليل المحررين", "إنشاء الصفحات", "أنواع الصفحات وأين توضع", "الترجمة إلى الإنجليزية"]),
        ("en", "pages", ["Editors’ guide", "Creating pages", "Page types and where they go"]),
        ("ar", "submitting", ["تقديم إلى موافقة المشرفين"]),
        ("en", "registrations", ["Only training coordinators see them"]),
        ("ar", "scheduling", ["ينشر الموقع الصفحات المجدولة"]),
        ("en", "translating", ["Translate this page"]),
    ],
)
def test_guide_topics_are_in_the_editors_language(client, site_tree, language, topic, expected):
    editor_in(client, language)
    html = client.get(reverse("editorial_guide", args=[topic])).content.decode()
    for text in expected:
        assert text in html


def test_guide_lists_every_page_type_with_where_it_goes(client, site_tree):
    editor_in(client, "en")
    html = client.get(reverse("editorial_guide_home")).content.decode()
    assert "<strong>training course</strong>: program" in html
    assert reverse("editorial_guide", args=["registrations"]) in html
    assert client.get(reverse("editorial_guide", args=["nowhere"])).status_code != 200
