"""The training calendar, program pages, iCalendar files and feeds, structured data and the home section."""

import datetime
import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from home.models import Topic
from programs import rules
from programs.models import WorkshopPage

from .conftest import make_event, registrant

pytestmark = pytest.mark.django_db


def _titles(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def test_calendar_lists_upcoming_events_soonest_first(client, programs_tree):
    later = make_event(programs_tree.program, start_at=timezone.now() + timedelta(days=20))
    sooner = make_event(programs_tree.program, start_at=timezone.now() + timedelta(days=10))

    response = client.get(programs_tree.calendar_ar.url)

    assert _titles(response) == [sooner.title, later.title]


def test_calendar_leaves_past_events_to_the_archive(client, programs_tree):
    past = make_event(
        programs_tree.program,
        start_at=timezone.now() - timedelta(days=10),
        end_at=timezone.now() - timedelta(days=9),
        registration_opens_at=None,
        registration_closes_at=None,
    )
    upcoming = make_event(programs_tree.program)

    assert _titles(client.get(programs_tree.calendar_ar.url)) == [upcoming.title]
    assert _titles(client.get(programs_tree.calendar_ar.url + "?when=past")) == [past.title]


def test_calendar_shows_seats_left_waitlist_only_and_closed(client, programs_tree):
    make_event(programs_tree.program, capacity=5)
    full = make_event(programs_tree.program, capacity=1)
    rules.register(full, registrant(), "ar")
    make_event(
        programs_tree.program,
        registration_opens_at=timezone.now() - timedelta(days=3),
        registration_closes_at=timezone.now() - timedelta(hours=1),
    )

    html = client.get(programs_tree.calendar_ar.url).content.decode()

    assert "5 مقاعد متاحة" in html
    assert "قائمة الانتظار فقط" in html
    assert "التسجيل مغلق" in html


def test_english_calendar_lists_english_pages_with_shared_seats(client, programs_tree):
    course = make_event(programs_tree.program, capacity=2)
    rules.register(course, registrant(), "ar")
    english = course.get_translation(Locale.objects.get(language_code="en"))

    response = client.get(programs_tree.calendar_en.url)

    assert _titles(response) == [english.title]
    assert "1 seat left" in response.content.decode()


def test_calendar_filters_by_topic(client, programs_tree):
    topic = Topic.objects.get(locale__language_code="ar", slug="gis-addressing")
    tagged = make_event(programs_tree.program)
    tagged.topics.set([topic])
    tagged.save_revision().publish()
    make_event(programs_tree.program)

    response = client.get(programs_tree.calendar_ar.url + "?topic=gis-addressing")

    assert _titles(response) == [tagged.title]


def test_calendar_filters_by_mode_and_city(client, programs_tree):
    in_amman = make_event(programs_tree.program, venue=programs_tree.venue)
    make_event(programs_tree.program)

    assert _titles(client.get(programs_tree.calendar_ar.url + "?mode=in_person")) == [in_amman.title]
    assert _titles(client.get(programs_tree.calendar_ar.url + "?city=عمّان")) == [in_amman.title]
    assert _titles(client.get(programs_tree.calendar_en.url + "?city=Amman")) == [
        in_amman.get_translation(Locale.objects.get(language_code="en")).title
    ]


def test_calendar_filters_by_month(client, programs_tree):
    now = timezone.localtime()
    next_month = (now.replace(day=1) + timedelta(days=32)).replace(day=10, hour=10)
    far = (now.replace(day=1) + timedelta(days=100)).replace(day=10, hour=10)
    chosen = make_event(
        programs_tree.program,
        start_at=next_month,
        end_at=next_month + timedelta(hours=3),
        registration_closes_at=next_month - timedelta(days=1),
    )
    make_event(
        programs_tree.program,
        start_at=far,
        end_at=far + timedelta(hours=3),
        registration_closes_at=far - timedelta(days=1),
    )

    response = client.get(programs_tree.calendar_ar.url + f"?month={next_month:%Y-%m}")

    assert _titles(response) == [chosen.title]


def test_bad_filter_values_never_give_an_error(client, programs_tree):
    make_event(programs_tree.program)

    response = client.get(programs_tree.calendar_ar.url + "?month=13-xx&mode=boat&city=Atlantis&topic=%00&page=abc")

    assert response.status_code == 200
    assert len(_titles(response)) == 1


def test_calendar_is_paginated(client, programs_tree):
    for _index in range(14):
        make_event(programs_tree.program, english=False)

    first = client.get(programs_tree.calendar_ar.url)
    second = client.get(programs_tree.calendar_ar.url + "?page=2")

    assert len(_titles(first)) == 12
    assert len(_titles(second)) == 2


@pytest.mark.parametrize("number", [2, 12])
def test_calendar_queries_do_not_grow_with_the_number_of_events(
    client, programs_tree, number, django_assert_max_num_queries, rendered_pages
):
    topic = Topic.objects.filter(locale__language_code="ar").first()
    for index in range(number):
        event = make_event(programs_tree.program, venue=programs_tree.venue if index % 2 else None, english=False)
        event.topics.set([topic])
        event.save_revision().publish()
        rules.register(event, registrant(), "ar")
    client.get(programs_tree.calendar_ar.url)  # warm the per-process caches (site root paths, content types)

    with django_assert_max_num_queries(19):
        response = client.get(programs_tree.calendar_ar.url + f"?topic={topic.slug}")

    assert len(_titles(response)) == number


@pytest.mark.parametrize("number", [2, 12])
def test_past_events_archive_queries_do_not_grow_with_the_number_of_events(
    client, programs_tree, number, django_assert_max_num_queries, rendered_pages
):
    for index in range(number):
        make_event(
            programs_tree.program,
            english=False,
            start_at=timezone.now() - timedelta(days=index + 2),
            end_at=timezone.now() - timedelta(days=index + 1),
            registration_opens_at=None,
            registration_closes_at=None,
        )
    client.get(programs_tree.calendar_ar.url + "?when=past")

    with django_assert_max_num_queries(19):
        response = client.get(programs_tree.calendar_ar.url + "?when=past")

    assert len(_titles(response)) == number


@pytest.mark.parametrize("number", [2, 10])
def test_program_page_queries_do_not_grow_with_the_number_of_events(
    client, programs_tree, number, django_assert_max_num_queries, rendered_pages
):
    for _index in range(number):
        make_event(programs_tree.program, english=False)
    client.get(programs_tree.program.url)

    with django_assert_max_num_queries(19):
        response = client.get(programs_tree.program.url)

    assert len(_titles(response)) == number


def test_home_page_shows_upcoming_events(client, programs_tree):
    course = make_event(programs_tree.program)

    response = client.get("/ar/")

    assert "الدورات وورش العمل القادمة" in response.content.decode()
    assert course.title in response.content.decode()


def test_home_page_hides_the_section_without_upcoming_events(client, programs_tree):
    response = client.get("/ar/")

    assert "الدورات وورش العمل القادمة" not in response.content.decode()


def test_event_ics_holds_the_event_in_utc(client, course):
    response = client.get(f"/ar/programs/events/{course.pk}/event.ics")

    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == course.title
    assert event.decoded("DTSTART") == course.start_at.replace(microsecond=0)


def test_calendar_feed_lists_the_language_events(client, programs_tree):
    course = make_event(programs_tree.program)
    english = course.get_translation(Locale.objects.get(language_code="en"))

    feed = Calendar.from_ical(client.get("/en/programs/feeds/calendar.ics").content)

    assert [str(event["SUMMARY"]) for event in feed.walk("VEVENT")] == [english.title]


def test_program_feed_lists_only_its_events(client, programs_tree):
    course = make_event(programs_tree.program)

    feed = Calendar.from_ical(client.get(f"/ar/programs/feeds/program-{programs_tree.program.pk}.ics").content)

    assert [str(event["UID"]) for event in feed.walk("VEVENT")] == [f"{course.translation_key}@arab-smart-cities-forum"]


def test_unknown_event_ics_is_not_found(client, programs_tree):
    assert client.get("/ar/programs/events/999999/event.ics").status_code == 404


def _json_ld(response):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return json.loads(match.group(1))


def test_course_page_carries_course_json_ld_and_open_graph(client, course):
    response = client.get(course.url)

    data = _json_ld(response)
    assert data["@type"] == "Course"
    assert data["name"] == course.title
    assert data["hasCourseInstance"][0]["startDate"] == course.start_at.isoformat()
    assert f'<meta property="og:title" content="{course.title}">' in response.content.decode()


def test_workshop_page_carries_event_json_ld(client, programs_tree):
    workshop = make_event(programs_tree.program, model=WorkshopPage, venue=programs_tree.venue)

    data = _json_ld(client.get(workshop.url))

    assert data["@type"] == "Event"
    assert data["location"]["address"]["addressLocality"] == "عمّان"


def test_json_ld_cannot_close_its_script_tag(client, programs_tree):
    course = make_event(programs_tree.program, title="دورة </script><script>alert(1)</script>", english=False)

    html = client.get(course.url).content.decode()

    assert "</script><script>alert(1)" not in html


def test_course_dates_are_shown_in_amman_time_with_arabic_month_names(client, programs_tree):
    start = datetime.datetime(2027, 3, 2, 6, 0, tzinfo=datetime.UTC)
    course = make_event(
        programs_tree.program,
        start_at=start,
        end_at=start + timedelta(hours=3),
        registration_closes_at=start - timedelta(days=1),
    )
    english = course.get_translation(Locale.objects.get(language_code="en"))

    arabic_html = client.get(course.url).content.decode()
    english_html = client.get(english.url).content.decode()

    assert "الثلاثاء 2 مارس 2027، 09:00" in arabic_html
    assert "Tuesday 2 March 2027, 09:00" in english_html
    assert 'datetime="2027-03-02T09:00:00+03:00"' in arabic_html


def test_english_calendar_filters_by_topics_chosen_on_the_arabic_page_after_translation(client, programs_tree):
    topic = Topic.objects.get(locale__language_code="ar", slug="gis-addressing")
    tagged = make_event(programs_tree.program)
    tagged.topics.set([topic])
    tagged.save_revision().publish()
    make_event(programs_tree.program)
    english = tagged.get_translation(Locale.objects.get(language_code="en"))

    response = client.get(programs_tree.calendar_en.url + "?topic=gis-addressing")

    assert _titles(response) == [english.title]
