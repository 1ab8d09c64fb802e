"""Exact invalidation: after each kind of edit, every URL that shows what changed has the new text at the next
anonymous request, and a page that does not show it is still a hit (the `X-Page-Cache: hit` header, and
no database query)."""

import datetime
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from forum_site.localize import translate
from home.models import SiteSettings, StandardPage, Topic
from news.models import NewsPage
from news.tests import helpers as news
from partners.tests import helpers as partners
from programs.models import ProgramPage, Trainer
from publications.tests import helpers as publications

# A snippet's edit purges the pages that refer to it, found through Wagtail's reference index.
pytestmark = pytest.mark.reference_index


def privacy_page(language="ar"):
    return StandardPage.objects.get(locale__language_code=language, slug__in=["سياسة-الخصوصية", "privacy"])


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url


def assert_hit(client, url, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response["X-Page-Cache"] == "hit", url


def text(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


def news_tree(site_tree):
    index = news.news_index(site_tree.home_ar)
    item = news.news_page(index, "افتتاح المؤتمر العام")
    feeds = [index.url + "feed/rss/", index.url + "feed/atom/"]
    return index, item, [item.url, index.url, site_tree.home_ar.url, *feeds]


def test_publishing_shows_the_new_text_everywhere_it_appears(client, site_tree, django_assert_num_queries):
    index, item, urls = news_tree(site_tree)
    unaffected = privacy_page().url
    warm(client, *urls, "/sitemap.xml", unaffected)

    item.title = "اختتام المؤتمر العام"
    item.save_revision().publish()

    for url in urls:
        status, body = text(client, url)
        assert "اختتام المؤتمر العام" in body and "افتتاح" not in body, url
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "miss"
    assert_hit(client, unaffected, django_assert_num_queries)


def test_unpublishing_takes_the_page_off_every_listing(client, site_tree, django_assert_num_queries):
    index, item, urls = news_tree(site_tree)
    unaffected = privacy_page().url
    warm(client, *urls, unaffected)

    item.unpublish()

    assert client.get(item.url).status_code == 404
    for url in urls[1:]:
        assert "افتتاح المؤتمر العام" not in text(client, url)[1], url
    assert_hit(client, unaffected, django_assert_num_queries)


def test_deleting_takes_the_page_off_every_listing(client, site_tree, django_assert_num_queries):
    index, item, urls = news_tree(site_tree)
    unaffected = privacy_page().url
    warm(client, *urls, unaffected)

    item.delete()

    assert client.get(urls[0]).status_code == 404
    for url in urls[1:]:
        assert "افتتاح المؤتمر العام" not in text(client, url)[1], url
    assert_hit(client, unaffected, django_assert_num_queries)


def test_moving_purges_the_old_url_and_both_parents(client, course, programs_tree, django_assert_num_queries):
    old_program = programs_tree.program
    new_program = ProgramPage(title="الصمود الحضري", slug="الصمود-الحضري")
    programs_tree.index.add_child(instance=new_program)
    new_program.save_revision().publish()
    old_url = course.url
    unaffected = privacy_page().url
    warm(client, old_url, old_program.url, new_program.url, unaffected)

    course.move(new_program, pos="last-child")
    course.refresh_from_db()

    moved = client.get(old_url)  # Wagtail made a redirect from the old URL
    assert moved.status_code == 301 and moved["Location"] == course.url
    assert course.title not in text(client, old_program.url)[1]
    assert course.title in text(client, new_program.url)[1]
    assert client.get(course.url).status_code == 200
    assert_hit(client, unaffected, django_assert_num_queries)


def test_translation_published_by_wagtail_localize(client, site_tree, django_assert_num_queries):
    index = news.news_index(site_tree.home_ar)
    translate(index, {"الأخبار": "News", "news": "news"})
    item = news.news_page(index, "افتتاح المؤتمر العام", summary="ملخص الخبر", slug="opening")
    english_index = index.get_translation(Locale.objects.get(language_code="en"))
    urls = [english_index.url, english_index.url + "feed/rss/", site_tree.home_en.url, item.url]
    unaffected = privacy_page().url
    warm(client, *urls, unaffected)
    assert "/en/news/opening/" not in text(client, item.url)[1]

    translate(item, {"افتتاح المؤتمر العام": "General conference opens", "ملخص الخبر": "Summary", "opening": "opening"})

    for url in urls[:3]:
        assert "General conference opens" in text(client, url)[1], url
    # The Arabic page's language switcher and alternates now link to its English translation.
    assert "/en/news/opening/" in text(client, item.url)[1]
    assert_hit(client, unaffected, django_assert_num_queries)


def test_a_login_restriction_takes_the_page_off_every_listing_and_back(client, site_tree, django_assert_num_queries):
    index, item, urls = news_tree(site_tree)
    unaffected = privacy_page().url
    warm(client, *urls, unaffected)

    restriction = PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(item.url).status_code == 302  # to the login form
    for url in urls[1:]:
        assert "افتتاح المؤتمر العام" not in text(client, url)[1], url
    assert_hit(client, unaffected, django_assert_num_queries)

    restriction.delete()

    for url in urls:
        assert "افتتاح المؤتمر العام" in text(client, url)[1], url
    assert_hit(client, unaffected, django_assert_num_queries)


def test_scheduled_publishing_appears_when_it_goes_live(client, site_tree, django_assert_num_queries):
    index, _item, urls = news_tree(site_tree)
    draft = NewsPage(
        title="ورشة العمل القادمة", slug="next", date=datetime.date(2026, 2, 1), summary="ملخص", live=False
    )
    index.add_child(instance=draft)
    draft.save_revision(approved_go_live_at=timezone.now() + timedelta(seconds=1))
    unaffected = privacy_page().url
    warm(client, *urls[1:], unaffected)

    draft.get_latest_revision().__class__.objects.filter(pk=draft.latest_revision_id).update(
        approved_go_live_at=timezone.now() - timedelta(seconds=1)
    )
    call_command("publish_scheduled", verbosity=0)

    for url in urls[1:]:
        assert "ورشة العمل القادمة" in text(client, url)[1], url
    assert_hit(client, unaffected, django_assert_num_queries)


def test_editing_a_topic_renames_it_on_the_pages_that_choose_it(client, site_tree, django_assert_num_queries):
    index = publications.index_page(site_tree.home_ar)
    topic = Topic.objects.filter(locale__language_code="ar").first()
    publication = publications.publication(index, "دليل المدن الذكية", topics=[topic.slug])
    urls = [publication.url, index.url]
    unaffected = privacy_page().url
    warm(client, *urls, unaffected)

    topic.name = "موضوع معدل"
    topic.save()

    for url in urls:
        assert "موضوع معدل" in text(client, url)[1], url
    assert_hit(client, unaffected, django_assert_num_queries)


def test_editing_a_venue_updates_the_course_and_the_calendar(client, course, programs_tree, django_assert_num_queries):
    venue = programs_tree.venue
    course.venue = venue
    course.delivery_mode = "in_person"
    course.save_revision().publish()
    urls = [course.url, programs_tree.calendar_ar.url]
    unaffected = privacy_page().url
    warm(client, *urls, unaffected)

    venue.name = "قاعة الأمانة الكبرى"
    venue.city = "الزرقاء"
    venue.save()

    assert "قاعة الأمانة الكبرى" in text(client, course.url)[1]
    assert "الزرقاء" in text(client, programs_tree.calendar_ar.url)[1]
    assert_hit(client, unaffected, django_assert_num_queries)


def test_editing_a_partner_renames_it_on_the_partners_and_mou_pages(client, site_tree, django_assert_num_queries):
    arabic = Locale.objects.get(language_code="ar")
    page = partners.partners_page(site_tree.home_ar)
    organisation = partners.organisation(arabic, "بلدية إربد")
    mou = partners.mou(page, "مذكرة تفاهم مع إربد", parties=[organisation])
    # Every Arabic page's footer names the Arabic partners; the English pages show none untranslated.
    urls = [page.url, mou.url, privacy_page().url]
    unaffected = privacy_page("en").url
    warm(client, *urls, unaffected)

    organisation.name = "بلدية إربد الكبرى"
    organisation.save()

    for url in urls:
        assert "بلدية إربد الكبرى" in text(client, url)[1], url
    assert_hit(client, unaffected, django_assert_num_queries)


def test_editing_a_trainers_english_name_renames_them_on_the_english_course(client, course, programs_tree):
    arabic, english = Locale.objects.get(language_code="ar"), Locale.objects.get(language_code="en")
    trainer = Trainer.objects.create(locale=arabic, name="م. أكرم خريسات")
    in_english = Trainer.objects.create(locale=english, translation_key=trainer.translation_key, name="Eng. Akram")
    course.trainers.set([trainer])
    course.save_revision().publish()
    english_course = course.get_translation(english)
    warm(client, english_course.url)
    assert "Eng. Akram" in text(client, english_course.url)[1]

    # The English names of the snippets a page chose are kept in the cache (forum_site.localize).
    in_english.name = "Eng. Akram Khreisat"
    in_english.save()

    assert "Eng. Akram Khreisat" in text(client, english_course.url)[1]


def test_a_new_address_for_the_privacy_notice_changes_its_link_on_every_course(client, course, programs_tree):
    english_course = course.get_translation(Locale.objects.get(language_code="en"))
    notice, english_notice = privacy_page(), privacy_page("en")
    warm(client, course.url, english_course.url)
    assert f'href="{notice.url}"' in text(client, course.url)[1]
    assert f'href="{english_notice.url}"' in text(client, english_course.url)[1]
    old_url = notice.url

    notice.slug = "الخصوصية-والبيانات"
    notice.save_revision().publish()
    notice.refresh_from_db()
    english_notice.unpublish()

    arabic_page, english_page = text(client, course.url)[1], text(client, english_course.url)[1]
    assert f'href="{notice.url}"' in arabic_page and f'href="{old_url}"' not in arabic_page
    # No English notice to read: the English course links the Arabic one.
    assert f'href="{notice.url}"' in english_page and f'href="{english_notice.url}"' not in english_page


def test_delivered_work_appears_on_its_mou_page(client, course, programs_tree, django_assert_num_queries):
    page = partners.partners_page(programs_tree.home_ar)
    mou = partners.mou(page, "مذكرة تفاهم مع الزرقاء")
    unaffected = privacy_page().url
    warm(client, mou.url, unaffected)

    course.mou = mou
    course.save_revision().publish()

    assert course.title in text(client, mou.url)[1]
    assert_hit(client, unaffected, django_assert_num_queries)


def test_site_settings_change_the_footer_of_every_page(client, site_tree):
    urls = [site_tree.home_ar.url, site_tree.home_en.url, privacy_page().url, privacy_page("en").url]
    warm(client, *urls)

    settings = SiteSettings.for_site(site_tree.home_ar.get_site())
    settings.email = "contact@forum.example"
    settings.save()

    for url in urls:
        assert "contact@forum.example" in text(client, url)[1], url


def test_renaming_a_menu_page_changes_the_menu_of_its_language_only(client, site_tree, django_assert_num_queries):
    about = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")
    urls = [site_tree.home_ar.url, privacy_page().url]
    unaffected = privacy_page("en").url
    warm(client, *urls, unaffected)

    about.title = "تعرّف إلينا"
    about.save_revision().publish()

    for url in urls:
        assert "تعرّف إلينا" in text(client, url)[1], url
    assert_hit(client, unaffected, django_assert_num_queries)


def test_renaming_a_section_changes_its_pages_breadcrumbs(client, site_tree, django_assert_num_queries):
    index, item, _urls = news_tree(site_tree)
    unaffected = privacy_page().url
    warm(client, item.url, unaffected)

    index.title = "أخبار المنتدى"
    index.save_revision().publish()

    assert "أخبار المنتدى" in text(client, item.url)[1]
    assert_hit(client, unaffected, django_assert_num_queries)


def test_event_in_the_calendar_feed_and_its_ics(client, course, programs_tree, django_assert_num_queries):
    urls = ["/ar/programs/feeds/calendar.ics", f"/ar/programs/events/{course.pk}/event.ics"]
    unaffected = privacy_page().url
    warm(client, *urls, unaffected)

    course.title = "نظم المعلومات الجغرافية المتقدمة"
    course.save_revision().publish()

    for url in urls:
        assert "نظم المعلومات الجغرافية المتقدمة" in text(client, url)[1], url
    assert_hit(client, unaffected, django_assert_num_queries)
