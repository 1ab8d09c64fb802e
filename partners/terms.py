"""An MoU's term and the status it gives on a day: one definition, for pages, the register's filter and home."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MoUStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Not yet in force")
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")


def mou_status_on(term_start, term_end, day):
    if term_end and term_end < day:
        return MoUStatus.EXPIRED
    if term_start and term_start > day:
        return MoUStatus.UPCOMING
    return MoUStatus.ACTIVE


def mou_status_filter(status, today):
    """The Q object selecting MoUs whose term gives `status` on `today` (the same rule as `mou_status_on`)."""
    started = Q(term_start__isnull=True) | Q(term_start__lte=today)
    ended = Q(term_end__isnull=False, term_end__lt=today)
    if status == MoUStatus.EXPIRED:
        return ended
    if status == MoUStatus.UPCOMING:
        return ~started & ~ended
    return started & ~ended
