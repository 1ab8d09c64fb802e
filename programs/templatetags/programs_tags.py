"""Template tags of course and workshop pages: structured data for search engines and link previews, and the
registration form's fields."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import get_language

from forum_site.json_ld import json_ld_script

register = template.Library()


# The fields of an empty registration form, as HTML, by language, quota organisations and privacy notice URL:
# all they depend on. Django renders each widget through templates, a fifth of a course page's render, and
# the empty form is the same on every course with the same organisations, so each app server process renders
# it once (code or translations change only with a new process). A form sent back with errors is rendered
# as it is, with what the visitor typed.
_EMPTY_FORM_FIELDS = {}
_EMPTY_FORM_FIELDS_KEPT = 256


@register.simple_tag(takes_context=True)
def registration_fields(context, form, privacy_page):
    privacy_url = privacy_page.get_url(request=context.get("request")) if privacy_page else ""
    if form.is_bound:
        return _render_fields(form, privacy_url)
    key = (get_language(), tuple(form.quota_organisations.items()), privacy_url)
    html = _EMPTY_FORM_FIELDS.get(key)
    if html is None:
        if len(_EMPTY_FORM_FIELDS) >= _EMPTY_FORM_FIELDS_KEPT:
            _EMPTY_FORM_FIELDS.clear()
        html = _EMPTY_FORM_FIELDS[key] = _render_fields(form, privacy_url)
    return html


def _render_fields(form, privacy_url):
    return render_to_string("programs/includes/registration_fields.html", {"form": form, "privacy_url": privacy_url})


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


@register.simple_tag(takes_context=True)
def event_json_ld(context, page):
    """schema.org Course (with its course instance) or Event, as JSON-LD."""
    request = context["request"]
    url = _absolute(request, page.get_url(request))
    location = _location(page)
    event = {
        "@type": "Event" if page.schema_type == "Event" else "CourseInstance",
        "name": page.title,
        "startDate": page.start_at.isoformat(),
        "endDate": page.end_at.isoformat(),
        "eventAttendanceMode": {
            "in_person": "https://schema.org/OfflineEventAttendanceMode",
            "online": "https://schema.org/OnlineEventAttendanceMode",
            "hybrid": "https://schema.org/MixedEventAttendanceMode",
        }[page.delivery_mode],
        "eventStatus": "https://schema.org/EventScheduled",
        "location": location,
        "inLanguage": page.delivery_language.replace("_", ",").split(",")[0],
        "organizer": {"@type": "Organization", "name": context.get("organiser_name", "")},
        "offers": {
            "@type": "Offer",
            "price": str(page.fee),
            "priceCurrency": page.fee_currency,
            "url": url,
            "availability": "https://schema.org/InStock"
            if context.get("seat_status") and context["seat_status"].code == "open"
            else "https://schema.org/SoldOut",
        },
    }
    if page.schema_type == "Event":
        data = {"@context": "https://schema.org", **event, "url": url, "description": strip_tags(page.summary)}
    else:
        event["courseMode"] = {"in_person": "onsite", "online": "online", "hybrid": "blended"}[page.delivery_mode]
        data = {
            "@context": "https://schema.org",
            "@type": "Course",
            "name": page.title,
            "description": strip_tags(page.summary) or page.title,
            "url": url,
            "provider": {"@type": "Organization", "name": context.get("organiser_name", "")},
            "hasCourseInstance": [event],
        }
    return json_ld_script(data)


def _location(page):
    if page.delivery_mode == "online" or not page.venue_id:
        return {"@type": "VirtualLocation", "url": ""}
    venue = page.venue
    place = {
        "@type": "Place",
        "name": venue.name,
        "address": {"@type": "PostalAddress", "addressLocality": venue.city, "streetAddress": venue.address},
    }
    if page.delivery_mode == "hybrid":
        return [place, {"@type": "VirtualLocation", "url": ""}]
    return place


def _localised(value, arabic_format, english_format):
    if not value:
        return ""
    # Stored in UTC, shown in Amman's time; Django's Arabic catalogue gives the Arabic month and day names.
    return date_format(timezone.localtime(value), arabic_format if get_language() == "ar" else english_format)


@register.filter
def event_datetime(value):
    return _localised(value, "l j F Y، H:i", "l j F Y, H:i")


@register.filter
def event_day_time(value):
    return _localised(value, "j F Y، H:i", "j F Y, H:i")
