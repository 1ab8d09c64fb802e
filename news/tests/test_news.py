"""News: latest first, paginated, feeds per language, and the home page's latest news."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum_site.localize import translate
from news.models import PAGE_SIZE

from . import helpers

pytestmark = pytest.mark.django_db


def listed(response):
    return [page.title for page in response.context["page_obj"].object_list]


def test_index_lists_latest_news_first(client, news_index):
    helpers.news_page(news_index, "قديم", datetime.date(2025, 11, 18))
    helpers.news_page(news_index, "جديد", datetime.date(2026, 2, 15))

    assert listed(client.get(news_index.url)) == ["جديد", "قديم"]


def test_index_is_paginated(client, news_index):
    for day in range(1, PAGE_SIZE + 2):
        helpers.news_page(news_index, f"خبر {day:02d}", datetime.date(2026, 1, day))

    assert len(listed(client.get(news_index.url))) == PAGE_SIZE
    assert listed(client.get(news_index.url, {"page": 2})) == ["خبر 01"]
    assert client.get(news_index.url, {"page": "nope"}).status_code == 200


def test_index_query_count_does_not_grow_with_the_number_of_news(client, news_index, rendered_pages):
    helpers.news_page(news_index, "خبر", datetime.date(2026, 1, 1))
    client.get(news_index.url)
    with CaptureQueriesContext(connection) as few:
        client.get(news_index.url)
    for day in range(2, 9):
        helpers.news_page(news_index, f"خبر {day}", datetime.date(2026, 1, day))
    with CaptureQueriesContext(connection) as many:
        client.get(news_index.url)

    assert len(many) == len(few)


def test_news_page_shows_date_summary_and_body(client, news_index):
    from wagtail.rich_text import RichText

    page = helpers.news_page(
        news_index, "توقيع", summary="وقّعت الأمانة مذكرتين.", body=[("paragraph", RichText("<p>نص الخبر</p>"))]
    )

    html = client.get(page.url).content.decode()

    assert 'datetime="2026-01-21"' in html
    assert "وقّعت الأمانة مذكرتين." in html
    assert "نص الخبر" in html


def feed_items(response):
    root = ET.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def test_rss_feed_lists_the_news_of_its_language(client, news_index, site_tree):
    arabic = helpers.news_page(news_index, "خبر عربي", slug="ar-news")
    translate(news_index, {"الأخبار": "News", "news": "news"})
    english = translate(arabic, {"خبر عربي": "English news", "ar-news": "english-news", "ملخص": "Summary"})

    arabic_feed = client.get(news_index.url + "feed/rss/")
    english_feed = client.get(english.get_parent().url + "feed/rss/")

    assert arabic_feed["Content-Type"].startswith("application/rss+xml")
    assert feed_items(arabic_feed) == ["خبر عربي"]
    assert feed_items(english_feed) == ["English news"]
    assert b"<language>en</language>" in english_feed.content


def test_atom_feed_is_valid_atom(client, news_index):
    helpers.news_page(news_index, "خبر")

    response = client.get(news_index.url + "feed/atom/")

    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert [entry.findtext("{http://www.w3.org/2005/Atom}title") for entry in root][-1:] == ["خبر"]


def test_index_advertises_its_feeds(client, news_index):
    html = client.get(news_index.url).content.decode()

    assert f'type="application/rss+xml" title="الأخبار (RSS)" href="{news_index.url}feed/rss/"' in html


def test_home_page_shows_the_latest_news(client, news_index, site_tree):
    for day in range(1, 5):
        helpers.news_page(news_index, f"خبر {day}", datetime.date(2026, 1, day))

    html = client.get(site_tree.home_ar.url).content.decode()

    assert 'id="home-news-heading"' in html
    assert "خبر 4" in html and "خبر 2" in html
    assert "خبر 1" not in html


def test_home_page_hides_the_news_section_when_there_is_no_news(client, news_index, site_tree):
    html = client.get(site_tree.home_ar.url).content.decode()

    assert 'id="home-news-heading"' not in html


def test_news_page_carries_news_article_json_ld(client, news_index):
    import json
    import re

    page = helpers.news_page(news_index, "</script> خبر", summary="ملخص")

    html = client.get(page.url).content.decode()

    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "</script> خبر"
    assert data["datePublished"] == "2026-01-21"


def test_english_news_shows_its_topics_related_pages_and_partners_in_english(client, news_index, site_tree):
    from home.models import Topic
    from news.models import NewsPage, NewsPartner, NewsRelatedPage
    from partners.tests.helpers import organisation

    arabic, english_locale = site_tree.home_ar.locale, site_tree.home_en.locale
    english_index = translate(news_index, {"الأخبار": "News", "news": "news"})
    about = site_tree.home_ar.get_children().get(slug="عن-المنتدى")
    amman = organisation(arabic, "أمانة عمان", english=("Greater Amman Municipality", "Jordan"))
    page = helpers.news_page(
        news_index,
        "زيارة البترا",
        slug="petra-visit",
        related_pages=[NewsRelatedPage(related=about)],
        related_partners=[NewsPartner(partner=amman, locale=arabic)],
    )
    english_page = translate(
        page, {"زيارة البترا": "A visit to Petra", "petra-visit": "petra-visit", "ملخص": "Summary"}
    )
    # A topic chosen on the Arabic page after the translation shows on the English page too.
    page = NewsPage.objects.get(pk=page.pk)
    page.topics.add(Topic.objects.get(locale=arabic, slug="smart-green-tourism"))
    page.save_revision().publish()

    html = client.get(english_page.url).content.decode()

    assert english_page.get_parent().pk == english_index.pk
    assert "Smart, green tourism cities" in html
    assert f'href="{about.get_translation(english_locale).url}"' in html
    assert "Greater Amman Municipality" in html
    assert "عن المنتدى" not in html and "أمانة عمان" not in html
