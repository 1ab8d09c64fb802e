from django.template.loader import render_to_string
from wagtail.models import Locale

from forum_site.localize import public_pages

from .calendar import upcoming_events
from .models import TrainingCalendarPage


def upcoming_events_section(home_page, request):
    """The home page's next courses and workshops, with a link to the calendar ("" when there are none)."""
    locale = Locale.get_active()
    events = upcoming_events(locale, limit=4)
    if not events:
        return ""
    calendar_page = public_pages(TrainingCalendarPage, locale).first()
    return render_to_string(
        "programs/home_section.html", {"events": events, "calendar_page": calendar_page}, request=request
    )
