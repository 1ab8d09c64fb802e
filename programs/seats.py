"""What a course's seats look like to a visitor: open with seats left, waitlist only, not open, closed, ended."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum_site.pagecache import content_changes_at


@dataclass
class SeatStatus:
    code: str
    label: str
    seats_left: int = 0


def seat_status(event, now=None):
    """'ended', 'not_yet_open', 'closed', 'open' (seats left) or 'waitlist'; needs the event's `confirmed_count`."""
    now = now or timezone.now()
    # The status changes on its own when registration opens or closes and when the event ends.
    content_changes_at(min((moment for moment in event.status_changes() if moment > now), default=None))
    if event.end_at <= now:
        return SeatStatus("ended", _("Ended"))
    window = event.registration_window(now)
    if window == "not_yet_open":
        return SeatStatus("not_yet_open", _("Registration not open yet"))
    if window == "closed":
        return SeatStatus("closed", _("Registration closed"))
    left = max(event.capacity - event.confirmed_count, 0)
    if left:
        return SeatStatus("open", _("Seats left"), left)
    return SeatStatus("waitlist", _("Waitlist only"))
