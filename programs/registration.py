"""The rules of registration, in one place: views, admin actions and commands all call these functions.

Every change of a course's seats happens inside a transaction holding a lock on the course's row
(SELECT ... FOR UPDATE on PostgreSQL), so concurrent submissions are serialised per course and the
count of confirmed registrations never exceeds the capacity. Registrations belong to the course in the
site's default language, so the Arabic and English pages share one set of seats.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

from .models import EventPage, Registration, RegistrationEmail

logger = logging.getLogger(__name__)

CANCEL_SALT = "programs.registration.cancel"
STATUS_SALT = "programs.registration.status"


class Outcome:
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    ALREADY_CONFIRMED = "already_confirmed"
    ALREADY_WAITLISTED = "already_waitlisted"


@dataclass
class RegistrationResult:
    registration: Registration
    outcome: str

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


def seat_counts(event):
    """(confirmed, waitlisted) for the event, whichever language's page is given."""
    counts = Registration.objects.filter(event=event.source_event).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
    )
    return counts["confirmed"], counts["waitlisted"]


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
            return RegistrationResult(existing, outcome)
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
            queue_email(registration, RegistrationEmail.Kind.CONFIRMATION)
            return RegistrationResult(registration, Outcome.CONFIRMED)
        queue_email(registration, RegistrationEmail.Kind.WAITLIST)
        return RegistrationResult(registration, Outcome.WAITLISTED)


def waitlist_position(registration):
    if registration.status != Registration.Status.WAITLISTED:
        return None
    earlier = Registration.objects.filter(event_id=registration.event_id, status=Registration.Status.WAITLISTED).filter(
        Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return earlier.count() + 1


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


# Signed links -------------------------------------------------------------------------------------


def _email_fingerprint(email):
    # The link carries a keyed hash of the email, not the address: signed data is readable by anyone.
    return salted_hmac(CANCEL_SALT, email).hexdigest()[:24]


def cancel_token(registration):
    return signing.dumps({"r": registration.pk, "e": _email_fingerprint(registration.email)}, salt=CANCEL_SALT)


def registration_from_cancel_token(token):
    """The registration the link was made for; raises signing.BadSignature (or SignatureExpired)."""
    max_age = timedelta(days=settings.PROGRAMS_CANCEL_LINK_MAX_AGE_DAYS)
    data = signing.loads(token, salt=CANCEL_SALT, max_age=max_age)
    registration = Registration.objects.select_related("event").filter(pk=data.get("r")).first()
    if registration is None or data.get("e") != _email_fingerprint(registration.email):
        raise signing.BadSignature("no such registration")
    return registration


def status_token(result):
    return signing.dumps({"r": result.registration.pk, "o": result.outcome}, salt=STATUS_SALT, compress=True)


def result_from_status_token(token):
    data = signing.loads(token, salt=STATUS_SALT, max_age=timedelta(days=2))
    registration = Registration.objects.select_related("event").filter(pk=data.get("r")).first()
    if registration is None:
        raise signing.BadSignature("no such registration")
    return RegistrationResult(registration, data.get("o"))


def site_root_url():
    site = Site.objects.filter(is_default_site=True).first()
    return settings.PROGRAMS_SITE_URL or (site.root_url if site else settings.WAGTAILADMIN_BASE_URL)


def cancel_url(registration):
    with translation.override(registration.language):
        path = reverse("programs:cancel", args=[cancel_token(registration)])
    return site_root_url() + path


# Emails -------------------------------------------------------------------------------------------


def queue_email(registration, kind):
    """Record the email owed and send it once the transaction commits: a rollback sends nothing."""
    email = RegistrationEmail.objects.create(registration=registration, kind=kind)
    transaction.on_commit(lambda: send_registration_email(email.pk))
    return email


def event_in_language(event, language_code):
    source = event.source_event
    if source.locale.language_code == language_code:
        return source.specific
    locale = Locale.objects.filter(language_code=language_code).first()
    translated = source.get_translation_or_none(locale) if locale else None
    return (translated or source).specific


def build_message(email):
    from .ical import event_calendar

    registration = email.registration
    with translation.override(registration.language):
        event = event_in_language(registration.event, registration.language)
        context = {
            "registration": registration,
            "event": event,
            "event_url": site_root_url().rstrip("/") + (event.url or ""),
            "cancel_url": cancel_url(registration) if registration.is_active else "",
            "position": waitlist_position(registration),
        }
        subject = render_to_string(f"programs/emails/{email.kind}_subject.txt", context).strip()
        body = render_to_string(f"programs/emails/{email.kind}.txt", context)
        message = EmailMessage(subject=subject, body=body, to=[registration.email])
        if email.kind in (RegistrationEmail.Kind.CONFIRMATION, RegistrationEmail.Kind.PROMOTION):
            message.attach("event.ics", event_calendar([event], name=event.title), "text/calendar")
    return message


def send_registration_email(email_pk):
    """Send one recorded email; a failure is logged and kept for a retry, never raised to the registrant."""
    email = RegistrationEmail.objects.select_related("registration__event").get(pk=email_pk)
    if email.status == RegistrationEmail.Status.SENT:
        return True
    email.attempts += 1
    try:
        build_message(email).send()
    except Exception as error:  # any transport error: the registration stands, the email waits for a retry
        logger.exception("Registration email %s (%s) could not be sent", email.pk, email.kind)
        email.status = RegistrationEmail.Status.FAILED
        email.last_error = repr(error)[:2000]
        email.save(update_fields=["status", "attempts", "last_error"])
        return False
    email.status = RegistrationEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    return True


def retry_unsent_emails(older_than=timedelta(0)):
    """Send every email still owed (failed, or pending past `older_than`); returns (sent, failed)."""
    unsent = RegistrationEmail.objects.exclude(status=RegistrationEmail.Status.SENT).filter(
        created_at__lte=timezone.now() - older_than
    )
    sent = failed = 0
    for pk in unsent.values_list("pk", flat=True):
        if send_registration_email(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed


# Personal data ------------------------------------------------------------------------------------


def anonymise_registrations(months, now=None):
    """Strip personal data from registrations of events that ended more than `months` months ago."""
    cutoff = (now or timezone.now()) - timedelta(days=round(months * 30.44))
    old = Registration.objects.filter(event__end_at__lt=cutoff, anonymised_at__isnull=True)
    count = 0
    for registration in old.only("pk"):
        Registration.objects.filter(pk=registration.pk).update(
            name_arabic="",
            name_latin="",
            email=f"anonymised-{registration.pk}@invalid",
            phone="",
            city="",
            organisation="",
            job_title="",
            anonymised_at=timezone.now(),
        )
        count += 1
    RegistrationEmail.objects.filter(registration__anonymised_at__isnull=False).update(last_error="")
    return count
