"""The rules of registration, in one place: views, admin actions and commands all call these functions.

Every change of a course's seats happens inside a transaction holding a lock on the course's row
(SELECT ... FOR UPDATE on PostgreSQL), so concurrent submissions are serialised per course and the
count of seats taken never exceeds the capacity or any quota. Registrations and quotas belong to the course
in the site's default language, so the Arabic and English pages share one set of seats.

Quotas (models.SeatQuota) work as pretix's: a registration takes a seat only while the capacity and every
quota that applies to it have room, else it waits; a freed seat goes to the first on the waitlist whose
quotas have room. With approval, a registration "awaiting approval" holds its seat (as a pending order holds
its quota in pretix): approving never fails for want of a seat, and nobody who came later takes it meanwhile.
A decline frees the seat for the waitlist, like a cancellation.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .emails import queue_email
from .models import EventPage, Registration, RegistrationEmail, SeatBook, SeatQuota


class Outcome:
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    ALREADY_CONFIRMED = "already_confirmed"
    ALREADY_WAITLISTED = "already_waitlisted"
    AWAITING_APPROVAL = "awaiting_approval"
    ALREADY_AWAITING_APPROVAL = "already_awaiting_approval"


@dataclass
class RegistrationResult:
    registration: Registration
    outcome: str
    email: RegistrationEmail | None = None

    @property
    def is_new(self):
        return self.outcome in (Outcome.CONFIRMED, Outcome.WAITLISTED, Outcome.AWAITING_APPROVAL)


class RegistrationError(Exception):
    message = ""

    def __str__(self):
        return str(self.message)


class RegistrationClosed(RegistrationError):
    message = _("Registration for this event is not open.")


class NoSeatLeft(RegistrationError):
    message = _("There is no seat left: cancel a confirmed registration or raise the capacity first.")


class QuotaFull(RegistrationError):
    def __init__(self, quota):
        self.quota = quota

    def __str__(self):
        return str(
            _("The quota “%(quota)s” is full: %(seats)s seats.")
            % {"quota": self.quota.label, "seats": self.quota.seats}
        )


class AlreadyActive(RegistrationError):
    message = _("This email already has an active registration for this event.")


def _locked_event(event):
    # of=("self",) locks the course's own row, not the shared wagtailcore_page row editors publish to.
    return (
        EventPage.objects.select_for_update(of=("self",))
        .only("pk", "capacity", "approval")
        .get(pk=event.source_event.pk)
    )


def refuse_unless_room_for(book, registration):
    """Raise NoSeatLeft or QuotaFull unless `registration` may take a seat now (`book`: the locked event's)."""
    if book.is_full:
        raise NoSeatLeft
    if quota := book.full_quota(registration.country, registration.quota_organisation_id):
        raise QuotaFull(quota)


def focal_point_for(locked_event, quota_organisation_id):
    """The email of who approves a registration from that organisation: its quota's focal point, when the event
    asks focal points to approve and the quota names one; "" when the coordinators approve."""
    if locked_event.approval != EventPage.Approval.FOCAL_POINT or quota_organisation_id is None:
        return ""
    quota = (
        SeatQuota.objects.filter(
            event_id=locked_event.pk, kind=SeatQuota.Kind.ORGANISATION, organisation_id=quota_organisation_id
        )
        .exclude(focal_point_email="")
        .first()
    )
    return quota.focal_point_email if quota else ""


def normalise_email(email):
    return email.strip().lower()


def register(event, details, language, now=None):
    """Register someone for the event: confirmed while seats are left, waitlisted after; never twice."""
    source = event.source_event
    if source.registration_window(now) != "open":
        raise RegistrationClosed
    email = normalise_email(details["email"])
    with transaction.atomic():
        locked = _locked_event(source)
        existing = Registration.objects.filter(event=locked, email=email).exclude(status__in=Registration.ENDED).first()
        if existing is not None:
            outcome = {
                Registration.Status.CONFIRMED: Outcome.ALREADY_CONFIRMED,
                Registration.Status.AWAITING_APPROVAL: Outcome.ALREADY_AWAITING_APPROVAL,
            }.get(existing.status, Outcome.ALREADY_WAITLISTED)
            # The answer must look like any other (the form does not tell who is registered): the owner of the
            # address is told by email instead, once in a while however often the form is sent.
            return RegistrationResult(existing, outcome, _notice_of_registration(existing))
        organisation_id = details.get("quota_organisation_id")
        if SeatBook(locked).has_room_for(details["country"], organisation_id):
            status = _seated_status(locked)
        else:
            status = Registration.Status.WAITLISTED
        registration = Registration.objects.create(
            event=locked,
            status=status,
            name_arabic=details["name_arabic"].strip(),
            name_latin=details["name_latin"].strip(),
            email=email,
            phone=details["phone"],
            country=details["country"],
            city=details["city"].strip(),
            organisation=details["organisation"].strip(),
            quota_organisation_id=organisation_id,
            approver_email=focal_point_for(locked, organisation_id),
            job_title=details["job_title"].strip(),
            language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
            consented_at=timezone.now(),
        )
        if status == Registration.Status.CONFIRMED:
            email = queue_email(registration, RegistrationEmail.Kind.CONFIRMATION)
            return RegistrationResult(registration, Outcome.CONFIRMED, email)
        if status == Registration.Status.AWAITING_APPROVAL:
            email = _ask_for_approval(registration)
            return RegistrationResult(registration, Outcome.AWAITING_APPROVAL, email)
        email = queue_email(registration, RegistrationEmail.Kind.WAITLIST)
        return RegistrationResult(registration, Outcome.WAITLISTED, email)


def _seated_status(locked_event):
    if locked_event.approval == EventPage.Approval.NONE:
        return Registration.Status.CONFIRMED
    return Registration.Status.AWAITING_APPROVAL


def _ask_for_approval(registration):
    """Tell the registrant their seat is held, and ask by email who approves: the focal point, with signed
    links, or else each training coordinator, with a link to their list (they decide there, logged in).
    Returns the registrant's email."""
    for recipient in [registration.approver_email] if registration.approver_email else coordinator_emails():
        queue_email(registration, RegistrationEmail.Kind.APPROVAL_REQUEST, recipient=recipient)
    return queue_email(registration, RegistrationEmail.Kind.AWAITING_APPROVAL)


def coordinator_emails():
    """The addresses of who may approve in the admin: active users whose group may change registrations (the
    training coordinators). Superusers are left out: they are the site's administrators, not its coordinators."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    may_change = Permission.objects.filter(content_type__app_label="programs", codename="change_registration")
    users = get_user_model().objects.filter(groups__permissions__in=may_change, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


# However often someone sends the form with an address already registered, its owner gets one notice in this time.
NOTICE_INTERVAL = timedelta(minutes=30)


def _notice_of_registration(registration):
    recent = registration.emails.filter(
        kind=RegistrationEmail.Kind.ALREADY_REGISTERED, created_at__gte=timezone.now() - NOTICE_INTERVAL
    ).first()
    return recent or queue_email(registration, RegistrationEmail.Kind.ALREADY_REGISTERED)


def cancel_registration(registration):
    """Cancel, email a receipt and give the freed seat to the first on the waitlist. False if already cancelled."""
    with transaction.atomic():
        event = _locked_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status in Registration.ENDED:
            return False
        current.status = Registration.Status.CANCELLED
        current.status_changed_at = timezone.now()
        current.save(update_fields=["status", "status_changed_at"])
        queue_email(current, RegistrationEmail.Kind.CANCELLATION)
        _fill_free_seats(event)
    registration.refresh_from_db()
    return True


def promote_from_waitlist(event):
    """Seat people from the waitlist, first come first served, while seats are free; returns them."""
    with transaction.atomic():
        return _fill_free_seats(_locked_event(event))


def _fill_free_seats(locked_event):
    """Give free seats to the waitlist in order, passing over those whose quota is full (pretix's rule): a seat
    freed in one organisation's quota goes to the first waiting from that organisation, or from anywhere
    when only the capacity held people back."""
    book = SeatBook(locked_event)
    if book.is_full:
        return []
    promoted = []
    waiting = (
        Registration.objects.select_for_update()
        .filter(event=locked_event, status=Registration.Status.WAITLISTED)
        .order_by("created_at", "pk")
    )
    for registration in waiting:
        if book.is_full:
            break
        if not book.has_room_for(registration.country, registration.quota_organisation_id):
            continue
        book.take(registration.country, registration.quota_organisation_id)
        if locked_event.approval == EventPage.Approval.NONE:
            _set_status(registration, Registration.Status.CONFIRMED, RegistrationEmail.Kind.PROMOTION)
        else:
            _set_status(registration, Registration.Status.AWAITING_APPROVAL, email_kind=None)
            _ask_for_approval(registration)
        promoted.append(registration)
    return promoted


def promote(registration):
    """A coordinator promotes one waitlisted person, ahead of the queue, if a seat is free."""
    return _confirm(registration, RegistrationEmail.Kind.PROMOTION, allowed_from=[Registration.Status.WAITLISTED])


def confirm(registration):
    """A coordinator confirms a waitlisted, cancelled or declined registration, if a seat is free."""
    return _confirm(
        registration,
        RegistrationEmail.Kind.CONFIRMATION,
        allowed_from=[Registration.Status.WAITLISTED, *Registration.ENDED],
    )


def approve(registration):
    """The focal point or a coordinator approves: the held seat is confirmed. False if nothing awaited approval."""
    with transaction.atomic():
        _locked_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status != Registration.Status.AWAITING_APPROVAL:
            return False
        _set_status(current, Registration.Status.CONFIRMED, RegistrationEmail.Kind.APPROVED)
    registration.refresh_from_db()
    return True


def decline(registration):
    """The focal point or a coordinator declines: the registrant is told, and the seat goes to the waitlist."""
    with transaction.atomic():
        event = _locked_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status != Registration.Status.AWAITING_APPROVAL:
            return False
        _set_status(current, Registration.Status.DECLINED, RegistrationEmail.Kind.DECLINED)
        _fill_free_seats(event)
    registration.refresh_from_db()
    return True


def _confirm(registration, email_kind, allowed_from):
    with transaction.atomic():
        event = _locked_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status not in allowed_from:
            return False
        if current.status in Registration.ENDED:
            others = Registration.objects.filter(event=event, email=current.email).exclude(pk=current.pk)
            if others.exclude(status__in=Registration.ENDED).exists():
                raise AlreadyActive
        # A coordinator's own decision: it stands for approval too, but never overbooks a quota or the event.
        refuse_unless_room_for(SeatBook(event), current)
        _set_status(current, Registration.Status.CONFIRMED, email_kind)
    registration.refresh_from_db()
    return True


def _set_status(registration, status, email_kind):
    registration.status = status
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    if email_kind:
        queue_email(registration, email_kind)


def set_attendance(registration, attended):
    Registration.objects.filter(pk=registration.pk).update(attended=attended)
    registration.attended = attended
