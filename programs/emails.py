"""The emails owed to registrants: recorded with the change that owes them, sent after it commits, retried."""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from forum_site.localize import in_language
from forum_site.site_urls import absolute_url

from .ical import event_calendar
from .links import cancel_url
from .models import RegistrationEmail

logger = logging.getLogger(__name__)


def queue_email(registration, kind):
    """Record the email owed and send it once the transaction commits: a rollback sends nothing."""
    email = RegistrationEmail.objects.create(registration=registration, kind=kind)
    transaction.on_commit(lambda: send_registration_email(email.pk))
    return email


def build_message(email):
    registration = email.registration
    with translation.override(registration.language):
        event = in_language(registration.event, registration.language).specific
        context = {
            "registration": registration,
            "event": event,
            "event_url": absolute_url(event.url),
            "cancel_url": cancel_url(registration) if registration.is_active else "",
            "position": registration.waitlist_position(),
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
