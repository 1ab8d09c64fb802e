"""Listings of courses and workshops (training calendar, program page, home section) in fixed query counts."""

import datetime
import zoneinfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from forum_site.localize import public_pages, source_choice_q
from home.models import Topic

from .models.events import EventPage, Registration, TrainingCoursePage, WorkshopPage
from .models.snippets import Venue
from .seats import seat_status

AMMAN = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _count_of(*statuses):
    # Registrations belong to the default-language event; every translation shares its translation_key.
    counts = (
        Registration.objects.filter(event__translation_key=OuterRef("translation_key"), status__in=statuses)
        .order_by()
        .values("event__translation_key")
        .annotate(total=Count("pk"))
        .values("total")[:1]
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def events_with_seats(queryset):
    return queryset.select_related("venue").annotate(
        confirmed_count=_count_of(*Registration.HOLDING_SEAT),
        waitlist_count=_count_of(Registration.Status.WAITLISTED),
    )


def _kind_labels():
    content_types = ContentType.objects.get_for_models(TrainingCoursePage, WorkshopPage)
    return {
        content_types[TrainingCoursePage].pk: TrainingCoursePage._meta.verbose_name,
        content_types[WorkshopPage].pk: WorkshopPage._meta.verbose_name,
    }


def decorate(events, now=None):
    labels = _kind_labels()
    for event in events:
        event.seat_status = seat_status(event, now)
        event.kind_label = labels.get(event.content_type_id, EventPage._meta.verbose_name)
    return events


def upcoming_and_past_events(program):
    now = timezone.now()
    events = events_with_seats(public_pages(EventPage, program.locale_id).child_of(program))
    upcoming = decorate(list(events.filter(end_at__gt=now).order_by("start_at")), now)
    past = decorate(list(events.filter(end_at__lte=now).order_by("-start_at")[:20]), now)
    return upcoming, past


def upcoming_events(locale, limit):
    now = timezone.now()
    events = events_with_seats(public_pages(EventPage, locale).filter(end_at__gt=now)).order_by("start_at")
    return decorate(list(events[:limit]), now)


def _month_range(month):
    """The first instant of `month` (a datetime in it) and of the month after it, in Amman."""
    start = datetime.datetime(month.year, month.month, 1, tzinfo=AMMAN)
    end = datetime.datetime(month.year + (month.month == 12), month.month % 12 + 1, 1, tzinfo=AMMAN)
    return start, end


def calendar_context(page, request):
    now = timezone.now()
    past = request.GET.get("when") == "past"
    events = public_pages(EventPage, page.locale_id)
    events = events.filter(end_at__lte=now).order_by("-start_at") if past else events.filter(end_at__gt=now)
    if not past:
        events = events.order_by("start_at")

    topics = list(Topic.objects.filter(locale_id=page.locale_id))
    cities = sorted(set(Venue.objects.filter(locale_id=page.locale_id).values_list("city", flat=True)))
    months = list(events.datetimes("start_at", "month", tzinfo=AMMAN))
    modes = EventPage.DeliveryMode.choices

    chosen = {
        "topic": request.GET.get("topic", ""),
        "month": request.GET.get("month", ""),
        "mode": request.GET.get("mode", ""),
        "city": request.GET.get("city", ""),
    }
    topic = next((topic for topic in topics if topic.slug == chosen["topic"]), None)
    if topic is not None:
        events = events.filter(source_choice_q(EventPage.objects.filter(topics__translation_key=topic.translation_key)))
    # Only a month the filter offers (one that has events): any other value, 9999-12 or 0-0, is ignored like an
    # unknown topic, rather than parsed into a date no database column holds.
    offered_months = {f"{month:%Y-%m}": month for month in months}
    if chosen["month"] in offered_months:
        month_range = _month_range(offered_months[chosen["month"]])
        events = events.filter(start_at__gte=month_range[0], start_at__lt=month_range[1])
    if chosen["mode"] in dict(modes):
        events = events.filter(delivery_mode=chosen["mode"])
    if chosen["city"] in cities:
        events = events.filter(venue__city=chosen["city"])

    paginator = Paginator(events_with_seats(events.distinct()), page.events_per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.object_list = decorate(list(page_obj.object_list), now)
    return {
        "past": past,
        "page_obj": page_obj,
        "events": page_obj.object_list,
        "filters": chosen,
        "topics": topics,
        "cities": cities,
        "months": [(f"{month:%Y-%m}", month) for month in months],
        "modes": modes,
        "is_filtered": any(chosen.values()),
    }
