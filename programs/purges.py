"""Which pages and files show a course, a program, a venue or a topic, so that editing it purges them."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from home.models import Topic

from .models import EventPage, ProgramPage, TrainingCalendarPage, Venue


def pages_showing_events(obj):
    """A course or workshop is also shown by the training calendar and the .ics feeds; a venue's city and a
    topic are the calendar's filters."""
    items = []
    if isinstance(obj, EventPage | Venue | Topic):
        items += list(TrainingCalendarPage.objects.filter(locale_id=obj.locale_id))
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if isinstance(obj, EventPage):
                items.append(reverse("programs:event_ics", args=[obj.pk]))
                items.append(reverse("programs:program_feed", args=[obj.get_parent().pk]))
                items.append(reverse("programs:calendar_feed"))
            elif isinstance(obj, ProgramPage):
                items.append(reverse("programs:program_feed", args=[obj.pk]))
    return items
