from django.template.loader import render_to_string

from forum_site.pagecache import cached_fragment

from .calendar import upcoming_events
from .models import TrainingCalendarPage


def upcoming_events_section(home_page, request):
    """The home page's next courses and workshops, with a link to the calendar ("" when there are none)."""
    calendar_page = home_page.section_index(TrainingCalendarPage)

    def render():
        events = upcoming_events(home_page.locale_id, limit=4)
        if not events:
            return ""
        return render_to_string(
            "programs/home_section.html", {"events": events, "calendar_page": calendar_page}, request=request
        )

    # Every course and workshop, and every registration, purges the calendar: the section is kept until then.
    return cached_fragment("home-events", calendar_page.get_url(request), render) if calendar_page else render()
