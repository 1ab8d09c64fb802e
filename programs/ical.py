"""iCalendar (RFC 5545) files for one event and feeds of many, built with the icalendar package."""

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vText

from forum_site.site_urls import absolute_url


def event_calendar(events, name):
    calendar = Calendar()
    calendar.add("prodid", "-//Arab Smart Cities Forum//Training calendar//AR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", str(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        entry = Event()
        # One UID per event across languages, so a calendar that imported the Arabic file updates, not doubles.
        entry.add("uid", f"{event.translation_key}@arab-smart-cities-forum")
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", event.start_at)
        entry.add("dtend", event.end_at)
        entry.add("summary", event.title)
        if event.summary:
            entry.add("description", strip_tags(event.summary))
        if event.venue_id and event.venue:
            entry.add("location", vText(", ".join(part for part in [event.venue.name, event.venue.city] if part)))
        url = absolute_url(event.get_url())
        if url:
            entry.add("url", url)
        calendar.add_component(entry)
    return calendar.to_ical()
