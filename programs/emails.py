"""The emails owed to registrants: recorded with the change that owes them (the outbox), then sent by the sender."""

import logging
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail import hooks

from forum_site.localize import in_language
from forum_site.site_urls import absolute_url

from .ical import event_calendar
from .links import approval_url, cancel_url, registrant_page_url
from .models import RegistrationEmail

logger = logging.getLogger(__name__)


def queue_email(registration, kind, recipient=""):
    """Record the email owed, in the transaction that owes it: a rollback owes nothing, a commit is never lost.

    Nothing is sent here: the sender (`send_registration_emails`) sends it, so no request ever waits on SMTP.
    `recipient` is for an email about the registration to someone else (its focal point).
    """
    return RegistrationEmail.objects.create(
        registration=registration, kind=kind, recipient=recipient, next_attempt_at=timezone.now()
    )


def build_message(email):
    registration = email.registration
    for_approver = email.kind == RegistrationEmail.Kind.APPROVAL_REQUEST
    # A focal point or coordinator gets the forum's working language with the municipalities; a registrant, their own.
    language = settings.LANGUAGE_CODE if for_approver else registration.language
    with translation.override(language):
        event = in_language(registration.event, language).specific
        context = {
            "registration": registration,
            "name": registration.name_in(language),
            "event": event,
            "event_url": absolute_url(event.url),
            "cancel_url": cancel_url(registration) if registration.is_active else "",
            "page_url": "" if for_approver else registrant_page_url(registration),
            "position": registration.waitlist_position(),
        }
        if for_approver and email.recipient == registration.approver_email:
            context.update(
                approve_url=approval_url(registration, "approve"), decline_url=approval_url(registration, "decline")
            )
        elif for_approver:
            # A coordinator decides in the admin, logged in: the link opens their list at what awaits approval.
            awaiting = urlencode({"event": registration.event_id, "status": registration.Status.AWAITING_APPROVAL})
            context["review_url"] = absolute_url(f"{reverse('programs_registration:index')}?{awaiting}")
        # Other apps add to an email (attendance: the check-in code, the certificate) through this hook: they
        # may add to the context and append (filename, content, mimetype) attachments.
        attachments = []
        for extend in hooks.get_hooks("registration_email"):
            extend(email, context, attachments)
        subject = render_to_string(f"programs/emails/{email.kind}_subject.txt", context).strip()
        body = render_to_string(f"programs/emails/{email.kind}.txt", context)
        message = EmailMessage(subject=subject, body=body, to=[email.recipient or registration.email])
        seat_email = email.kind in (
            RegistrationEmail.Kind.CONFIRMATION,
            RegistrationEmail.Kind.PROMOTION,
            RegistrationEmail.Kind.APPROVED,
        )
        notice_of_seat = (
            email.kind == RegistrationEmail.Kind.ALREADY_REGISTERED
            and registration.status == registration.Status.CONFIRMED
        )
        if seat_email or notice_of_seat:
            message.attach("event.ics", event_calendar([event], name=event.title), "text/calendar")
        for filename, content, mimetype in attachments:
            message.attach(filename, content, mimetype)
    return message


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def _due(now):
    # Owed and due, or claimed by a sender that has not finished within its lease (it died): owed again.
    return Q(status=RegistrationEmail.Status.PENDING, next_attempt_at__lte=now) | Q(
        status=RegistrationEmail.Status.SENDING, claimed_until__lt=now
    )


def claim_next_email(now=None):
    """Claim one due email for this sender, or None: overlapping senders never claim the same email.

    On PostgreSQL the row is locked with SKIP LOCKED, so a second sender passes over it instead of waiting; the
    update is conditional on what was read, so on SQLite (no row locks) only one sender's claim matches.
    """
    now = now or timezone.now()
    while True:
        with transaction.atomic():
            candidate = (
                RegistrationEmail.objects.select_for_update(skip_locked=True)
                .filter(_due(now))
                .order_by("next_attempt_at", "pk")
                .values("pk", "status", "claimed_until")
                .first()
            )
            if candidate is None:
                return None
            claimed = RegistrationEmail.objects.filter(**candidate).update(
                status=RegistrationEmail.Status.SENDING,
                claimed_until=now + claim_lease(),
                attempts=F("attempts") + 1,
            )
        if claimed:
            return RegistrationEmail.objects.select_related("registration__event").get(pk=candidate["pk"])


def claim_lease():
    # Longer than any send can take: each SMTP step (connect, greeting, TLS, login, envelope, data, quit) may
    # block for EMAIL_TIMEOUT at most.
    return timedelta(seconds=max(300, 12 * settings.EMAIL_TIMEOUT))


def retry_delay(attempts):
    """The wait after the `attempts`-th failure: doubled each time, from PROGRAMS_EMAIL_RETRY_SECONDS."""
    return timedelta(seconds=settings.PROGRAMS_EMAIL_RETRY_SECONDS * 2 ** (attempts - 1))


def deliver(email, now=None):
    """Send one claimed email; on failure, schedule the next attempt or, past the cap, mark it failed."""
    try:
        build_message(email).send()
    except Exception as error:  # any transport error: the registration stands, the email waits for a retry
        now = now or timezone.now()
        email.last_error = repr(error)[:2000]
        email.claimed_until = None
        if email.attempts >= settings.PROGRAMS_EMAIL_MAX_ATTEMPTS:
            email.status = RegistrationEmail.Status.FAILED
            email.next_attempt_at = None
            logger.error("Registration email %s (%s) failed %s times: given up", email.pk, email.kind, email.attempts)
        else:
            email.status = RegistrationEmail.Status.PENDING
            email.next_attempt_at = now + retry_delay(email.attempts)
            logger.warning("Registration email %s (%s) could not be sent: %r", email.pk, email.kind, error)
        email.save(update_fields=["status", "last_error", "claimed_until", "next_attempt_at"])
        return email.status
    email.status = RegistrationEmail.Status.SENT
    email.sent_at = timezone.now()
    email.claimed_until = None
    email.next_attempt_at = None
    email.last_error = ""
    email.save(update_fields=["status", "sent_at", "claimed_until", "next_attempt_at", "last_error"])
    return email.status


def send_due_emails(now=None, limit=None):
    """Send every email that is due, one claim at a time; returns a SendReport."""
    report = SendReport()
    while limit is None or report.sent + report.retrying + report.failed < limit:
        email = claim_next_email(now)
        if email is None:
            break
        status = deliver(email, now)
        if status == RegistrationEmail.Status.SENT:
            report.sent += 1
        elif status == RegistrationEmail.Status.FAILED:
            report.failed += 1
        else:
            report.retrying += 1
    return report


def send_again(emails):
    """A coordinator asks for failed emails to be tried again: they are owed afresh, with a full set of attempts."""
    return emails.filter(status=RegistrationEmail.Status.FAILED).update(
        status=RegistrationEmail.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
