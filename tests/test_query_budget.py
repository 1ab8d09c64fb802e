"""Every public page renders in at most 12 database queries, in both languages, with the images its cards
show: the page cache's misses (the first request after an edit) stay cheap.

Each page is requested once first, as a visitor's earlier request would have: that fills what is cached
across requests (the menu, site settings, image renditions, content types), not the page itself, which
is rendered again (`rendered_pages`).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page

from forum_site.localize import translate
from home.models import StandardPage, Topic
from news.tests import helpers as news
from partners.tests import helpers as partners
from programs.models import Trainer
from programs.tests.conftest import make_event
from publications.tests import helpers as publications
from search import results as site_search

QUERY_BUDGET = 12
# A course page is rendered again after every registration (its seats): its lead image and venue are read with
# the page, its seats in two plain queries, its snippets' translations come from the cache.
COURSE_BUDGET = 10


def an_image():
    return get_image_model().objects.create(title="Image", file=get_test_image_file())


@pytest.fixture
def every_page_type(programs_tree, rendered_pages):
    """One page of each public type, with images on the cards, in Arabic and English."""
    tree = programs_tree
    arabic, english = Locale.objects.get(language_code="ar"), Locale.objects.get(language_code="en")
    home = tree.home_ar
    home.hero_image = an_image()
    home.hero_image_alt = "صورة"
    home.save_revision().publish()

    course = make_event(tree.program, venue=tree.venue)
    course.topics.set(Topic.objects.filter(locale=arabic)[:2])
    course.save_revision().publish()

    news_index = news.news_index(home)
    translate(news_index, {"الأخبار": "News", "news": "news"})
    for number in range(3):
        item = news.news_page(
            news_index, f"خبر {number}", slug=f"item-{number}", lead_image=an_image(), lead_image_alt="صورة"
        )
    translate(item, {"خبر 2": "News 2", "ملخص": "Summary", "item-2": "item-2", "صورة": "Image"})

    library = publications.index_page(home)
    translate(library, {"المنشورات": "Publications", "publications": "publications"})
    topic = Topic.objects.filter(locale=arabic).first()
    author = publications.author(arabic, "أمانة عمان")
    for number in range(3):
        publication = publications.publication(
            library, f"منشور {number}", topics=[topic.slug], authors=[author], cover_image=an_image()
        )

    register = partners.partners_page(home)
    organisation = partners.organisation(arabic, "بلدية إربد")
    organisation.logo = an_image()
    organisation.save()
    mou = partners.mou(register, "مذكرة تفاهم", parties=[organisation])
    # As the demo's courses: an MoU, trainers, partners and an image, besides the topics and the venue.
    course.mou = mou
    course.image, course.image_alt = an_image(), "صورة"
    course.trainers.set([Trainer.objects.create(locale=arabic, name="م. أكرم خريسات")])
    course.partners.set([organisation])
    course.save_revision().publish()
    translate(register, {"الشركاء": "Partners", "partners": "partners"})
    english_mou = translate(mou, {"مذكرة تفاهم": "Memorandum", mou.slug: mou.slug})

    english_course = course.get_translation(english)
    english_course.mou, english_course.image, english_course.image_alt = english_mou, course.image, "Image"
    english_course.save_revision().publish()
    return {
        "home": [home.url, tree.home_en.url],
        "standard page": [
            StandardPage.objects.get(locale=arabic, slug="عن-المنتدى").url,
            StandardPage.objects.get(locale=english, slug="about").url,
        ],
        "programs index": [tree.index.url, tree.index.get_translation(english).url],
        "program": [tree.program.url, tree.program.get_translation(english).url],
        "course": [course.url, english_course.url],
        "calendar": [tree.calendar_ar.url, tree.calendar_en.url, tree.calendar_ar.url + f"?topic={topic.slug}"],
        "library": [library.url, library.url + f"?topic={topic.slug}&type=study", library.get_translation(english).url],
        "publication": [publication.url],
        "partners": [register.url, register.get_translation(english).url],
        "MoU": [mou.url, english_mou.url],
        "search": ["/ar/search/?q=منشور", "/en/search/?q=news", "/en/search/?q=منشور"],
        "news index": [news_index.url, news_index.get_translation(english).url],
        "news": [item.url, item.get_translation(english).url],
        "feeds": [news_index.url + "feed/rss/", library.url + "feed/atom/", "/ar/programs/feeds/calendar.ics"],
        "sitemap": ["/sitemap.xml"],
    }


def test_every_page_type_renders_within_the_query_budget(client, every_page_type, django_assert_max_num_queries):
    # One test for all types: building the tree is most of its time.
    for page_type, urls in every_page_type.items():
        assert urls, page_type
        for url in urls:
            assert client.get(url).status_code == 200, url
            budget = COURSE_BUDGET if page_type == "course" else QUERY_BUDGET
            with django_assert_max_num_queries(budget, info=f"{page_type}: {url}"):
                response = client.get(url)
            assert response.status_code == 200


@pytest.mark.parametrize("url", ["/ar/search/?q=المدن الذكية", "/en/search/?q=smart city"])
def test_a_demo_search_finding_many_page_types_renders_within_the_query_budget(
    client, demo_site, rendered_pages, django_assert_max_num_queries, url
):
    # Results of many types each took a query of their own (Wagtail's specific()): the demo's took 19.
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(QUERY_BUDGET, info=url):
        response = client.get(url)

    page_types = {type(hit["page"]) for hit in response.context["hits"]}
    assert len(page_types) >= 5, page_types
    assert all(hit["snippet"] for hit in response.context["hits"])


def test_search_results_of_every_page_type_are_not_compiled_by_postgresql(demo_site):
    """The results' query joins the tables of their page types. Small tables that autovacuum never analyses (the
    test database's are all so) make PostgreSQL estimate such a join at billions of rows, and compile it (JIT):
    half a second for a query that runs in a millisecond. The settings turn JIT off."""
    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    one_of_each_type = {page.content_type_id: page.pk for page in Page.objects.filter(depth__gt=1)}
    with CaptureQueriesContext(connection) as queries:
        pages = site_search.specific_pages(list(one_of_each_type.values()), "ar")

    assert len({type(page) for page in pages}) >= 10
    widest = max((query["sql"] for query in queries), key=lambda sql: sql.count(" JOIN "))
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT TEXT) {widest}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "JIT:" not in plan, plan
