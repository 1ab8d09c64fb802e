"""The rules of registration, in one place: views, admin actions and commands all call these functions.

Every change of a course's seats happens inside a transaction holding a lock on the course's row
(SELECT ... FOR UPDATE on PostgreSQL), so concurrent submissions are serialised per course and the
count of confirmed registrations never exceeds the capacity. Registrations belong to the course in the
site's default language, so the Arabic and English pages share one set of seats.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .emails import queue_email
from .models import EventPage, Registration, RegistrationEmail


class Outcome:
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    ALREADY_CONFIRMED = "already_confirmed"
    ALREADY_WAITLISTED = "already_waitlisted"


@dataclass
class RegistrationResult:
    registration: Registration
    outcome: str
    email: RegistrationEmail | None = None

    @property
    def is_new(self):
        return self.outcome in (Outcome.CONFIRMED, Outcome.WAITLISTED)


class RegistrationError(Exception):
    message = ""

    def __str__(self):
        return str(self.message)


class RegistrationClosed(RegistrationError):
    message = _("Registration for this event is not open.")


class NoSeatLeft(RegistrationError):
    message = _("There is no seat left: cancel a confirmed registration or raise the capacity first.")


class AlreadyActive(RegistrationError):
    message = _("This email already has an active registration for this event.")


def _locked_event(event):
    # of=("self",) locks the course's own row, not the shared wagtailcore_page row editors publish to.
    return EventPage.objects.select_for_update(of=("self",)).only("pk", "capacity").get(pk=event.source_event.pk)


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
        existing = (
            Registration.objects.filter(event=locked, email=email).exclude(status=Registration.Status.CANCELLED).first()
        )
        if existing is not None:
            outcome = (
                Outcome.ALREADY_CONFIRMED
                if existing.status == Registration.Status.CONFIRMED
                else Outcome.ALREADY_WAITLISTED
            )
            # The answer must look like any other (the form does not tell who is registered): the owner of the
            # address is told by email instead, once in a while however often the form is sent.
            return RegistrationResult(existing, outcome, _notice_of_registration(existing))
        confirmed = Registration.objects.filter(event=locked, status=Registration.Status.CONFIRMED).count()
        status = Registration.Status.CONFIRMED if confirmed < locked.capacity else Registration.Status.WAITLISTED
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
            job_title=details["job_title"].strip(),
            language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
            consented_at=timezone.now(),
        )
        if status == Registration.Status.CONFIRMED:
            email = queue_email(registration, RegistrationEmail.Kind.CONFIRMATION)
            return RegistrationResult(registration, Outcome.CONFIRMED, email)
        email = queue_email(registration, RegistrationEmail.Kind.WAITLIST)
        return RegistrationResult(registration, Outcome.WAITLISTED, email)


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
        if current.status == Registration.Status.CANCELLED:
            return False
        current.status = Registration.Status.CANCELLED
        current.status_changed_at = timezone.now()
        current.save(update_fields=["status", "status_changed_at"])
        queue_email(current, RegistrationEmail.Kind.CANCELLATION)
        _fill_free_seats(event)
    registration.refresh_from_db()
    return True


def promote_from_waitlist(event):
    """Confirm people from the waitlist, first come first served, while seats are free; returns them."""
    with transaction.atomic():
        return _fill_free_seats(_locked_event(event))


def _fill_free_seats(locked_event):
    confirmed = Registration.objects.filter(event=locked_event, status=Registration.Status.CONFIRMED).count()
    free = locked_event.capacity - confirmed
    if free <= 0:
        return []
    promoted = list(
        Registration.objects.select_for_update()
        .filter(event=locked_event, status=Registration.Status.WAITLISTED)
        .order_by("created_at", "pk")[:free]
    )
    for registration in promoted:
        _set_status(registration, Registration.Status.CONFIRMED, RegistrationEmail.Kind.PROMOTION)
    return promoted


def promote(registration):
    """A coordinator promotes one waitlisted person, ahead of the queue, if a seat is free."""
    return _confirm(registration, RegistrationEmail.Kind.PROMOTION, allowed_from=[Registration.Status.WAITLISTED])


def confirm(registration):
    """A coordinator confirms a waitlisted or cancelled registration, if a seat is free."""
    return _confirm(
        registration,
        RegistrationEmail.Kind.CONFIRMATION,
        allowed_from=[Registration.Status.WAITLISTED, Registration.Status.CANCELLED],
    )


def _confirm(registration, email_kind, allowed_from):
    with transaction.atomic():
        event = _locked_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status not in allowed_from:
            return False
        if current.status == Registration.Status.CANCELLED:
            others = Registration.objects.filter(event=event, email=current.email).exclude(pk=current.pk)
            if others.exclude(status=Registration.Status.CANCELLED).exists():
                raise AlreadyActive
        confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count()
        if confirmed >= event.capacity:
            raise NoSeatLeft
        _set_status(current, Registration.Status.CONFIRMED, email_kind)
    registration.refresh_from_db()
    return True


def _set_status(registration, status, email_kind):
    registration.status = status
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    queue_email(registration, email_kind)


def set_attendance(registration, attended):
    Registration.objects.filter(pk=registration.pk).update(attended=attended)
    registration.attended = attended
