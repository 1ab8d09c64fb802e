import datetime
import xml.etree.ElementTree as ET

import pytest

from forum_site.localize import translate

from . import helpers

pytestmark = pytest.mark.django_db


def test_rss_feed_lists_new_publications_of_its_language_newest_first(client, publication_index):
    helpers.publication(publication_index, "قديم", date=datetime.date(2025, 1, 1), slug="old")
    new = helpers.publication(publication_index, "جديد", date=datetime.date(2026, 1, 1), slug="new")
    translate(publication_index, {"المنشورات": "Publications", "publications": "publications"})
    english = translate(new, {"جديد": "New", "new": "new", "Abstract": "Abstract"})

    arabic_items = ET.fromstring(client.get(publication_index.url + "feed/rss/").content).iter("item")
    english_feed = client.get(english.get_parent().url + "feed/rss/")

    assert [item.findtext("title") for item in arabic_items] == ["جديد", "قديم"]
    assert [item.findtext("title") for item in ET.fromstring(english_feed.content).iter("item")] == ["New"]


def test_atom_feed_links_each_publication(client, publication_index):
    page = helpers.publication(publication_index, "دراسة", slug="study")

    root = ET.fromstring(client.get(publication_index.url + "feed/atom/").content)

    links = [link.get("href") for link in root.iter("{http://www.w3.org/2005/Atom}link")]
    assert "http://testserver" + page.url in links
