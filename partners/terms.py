"""An MoU's term and the status it gives on a day: one definition, for pages, the register's filter and home."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum_site.pagecache import content_changes_at


class MoUStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Not yet in force")
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")


def status_changes_tomorrow():
    """An MoU's status follows the date: what shows it is kept in the page cache until midnight, Amman time."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    content_changes_at(datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=timezone.get_current_timezone()))


def mou_status_on(term_start, term_end, day):
    status_changes_tomorrow()
    if term_end and term_end < day:
        return MoUStatus.EXPIRED
    if term_start and term_start > day:
        return MoUStatus.UPCOMING
    return MoUStatus.ACTIVE


def mou_status_filter(status, today):
    """The Q object selecting MoUs whose term gives `status` on `today` (the same rule as `mou_status_on`)."""
    status_changes_tomorrow()
    started = Q(term_start__isnull=True) | Q(term_start__lte=today)
    ended = Q(term_end__isnull=False, term_end__lt=today)
    if status == MoUStatus.EXPIRED:
        return ended
    if status == MoUStatus.UPCOMING:
        return ~started & ~ended
    return started & ~ended
