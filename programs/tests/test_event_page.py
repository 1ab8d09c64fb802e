"""What a course page shows besides the form: its MoU, trainers, topics and partners in the page's language."""

import pytest
from wagtail.models import Locale

from demo.bilingual import Bilingual
from forum_site.localize import translate
from home.models import Topic
from partners.models import MoUPage, PartnersPage

from .conftest import make_event

pytestmark = pytest.mark.django_db


def test_course_links_to_the_mou_in_the_page_language(client, programs_tree):
    t = Bilingual()
    partners = PartnersPage(title=t("الشركاء", "Partners"), slug=t("الشركاء", "partners"))
    programs_tree.home_ar.add_child(instance=partners)
    partners.save_revision().publish()
    translate(partners, t.english)
    mou = MoUPage(title=t("مذكرة تفاهم البترا", "Petra MoU"), slug=t("مذكرة-البترا", "petra-mou"))
    partners.add_child(instance=mou)
    mou.save_revision().publish()
    translate(mou, t.english)
    course = make_event(programs_tree.program, mou=mou)
    english = course.get_translation(Locale.objects.get(language_code="en"))

    assert "مذكرة تفاهم البترا" in client.get(course.url).content.decode()
    english_html = client.get(english.url).content.decode()
    assert 'href="/en/partners/petra-mou/"' in english_html
    assert "Petra MoU" in english_html


def test_english_course_page_shows_english_topic_names(client, programs_tree):
    topic = Topic.objects.get(locale__language_code="ar", slug="gis-addressing")
    course = make_event(programs_tree.program)
    course.topics.set([topic])
    course.save_revision().publish()
    english = course.get_translation(Locale.objects.get(language_code="en"))

    html = client.get(english.url).content.decode()

    assert "GIS and addressing" in html
    assert "نظم المعلومات الجغرافية والعنونة" not in html
