import io

from django.core.management import call_command
from wagtail.models import Page

from home.models import SiteSettings, Topic


def count_content():
    return (Page.objects.count(), Topic.objects.count(), SiteSettings.objects.count())


def test_loading_demo_content_twice_changes_nothing(demo_site):
    call_command("load_demo_content", stdout=io.StringIO())
    first = count_content()
    latest_revision = Page.objects.order_by("-latest_revision_id").values_list("latest_revision_id", flat=True).first()

    call_command("load_demo_content", stdout=io.StringIO())

    assert count_content() == first
    assert Page.objects.order_by("-latest_revision_id").values_list("latest_revision_id", flat=True).first() == (
        latest_revision
    )


def test_demo_topics_exist_in_arabic_and_english(demo_site):
    arabic = Topic.objects.get(locale__language_code="ar", slug="artificial-intelligence")
    assert arabic.name == "الذكاء الاصطناعي"
    assert arabic.get_translation(Topic.objects.filter(locale__language_code="en").first().locale).name == (
        "Artificial intelligence"
    )


def test_every_demo_page_is_served_in_both_languages_after_the_command(client, demo_site):
    for page in Page.objects.filter(depth__gt=1).live():
        assert client.get(page.url).status_code == 200, page.url
    assert Page.objects.filter(depth__gt=1, locale__language_code="en").count() == (
        Page.objects.filter(depth__gt=1, locale__language_code="ar").count()
    )
