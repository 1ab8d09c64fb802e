"""Signed links in registrants' emails and pages: they carry a keyed hash of the email, never the address."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import salted_hmac

from forum_site.site_urls import absolute_url

from .models import Registration

# Unchanged since these lived in programs/registration.py: links already sent keep working.
CANCEL_SALT = "programs.registration.cancel"
STATUS_SALT = "programs.registration.status"
REGISTRANT_PAGE_SALT = "programs.registration.page"
APPROVAL_SALT = "programs.registration.approval"


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


def registrant_page_token(registration):
    """The registrant's own page: as long-lived as the cancel link, and void once the address changes (anonymised)."""
    return signing.dumps({"r": registration.pk, "e": _email_fingerprint(registration.email)}, salt=REGISTRANT_PAGE_SALT)


def registration_from_registrant_page_token(token):
    """The registration the page's link was made for; raises signing.BadSignature (or SignatureExpired)."""
    max_age = timedelta(days=settings.PROGRAMS_CANCEL_LINK_MAX_AGE_DAYS)
    data = signing.loads(token, salt=REGISTRANT_PAGE_SALT, max_age=max_age)
    registration = Registration.objects.select_related("event").filter(pk=data.get("r")).first()
    if registration is None or data.get("e") != _email_fingerprint(registration.email):
        raise signing.BadSignature("no such registration")
    return registration


def status_token(registration, email):
    # Only what the page may show to whoever sent the form: which registration, and which email it owes them.
    return signing.dumps({"r": registration.pk, "m": email.pk}, salt=STATUS_SALT, compress=True)


def from_status_token(token):
    """(registration, email or None) the link was made for; raises signing.BadSignature (or SignatureExpired)."""
    data = signing.loads(token, salt=STATUS_SALT, max_age=timedelta(days=2))
    registration = Registration.objects.select_related("event").filter(pk=data.get("r")).first()
    if registration is None:
        raise signing.BadSignature("no such registration")
    # Links made before the outbox carry no email: the latest one owed to the registration stands in.
    emails = registration.emails.order_by("-created_at", "-pk")
    email = emails.filter(pk=data["m"]).first() if "m" in data else emails.first()
    return registration, email


def cancel_url(registration):
    with translation.override(registration.language):
        return absolute_url(reverse("programs:cancel", args=[cancel_token(registration)]))


def registrant_page_url(registration):
    """The registrant's own page, in the language they registered in, on the public address."""
    with translation.override(registration.language):
        return absolute_url(reverse("programs:registrant_page", args=[registrant_page_token(registration)]))


def approval_token(registration):
    """For the focal point named when the registration was made: void if the registration names another since."""
    fingerprint = _email_fingerprint(registration.approver_email)
    return signing.dumps({"r": registration.pk, "a": fingerprint}, salt=APPROVAL_SALT)


def registration_from_approval_token(token):
    """The registration the focal point's link was made for; raises signing.BadSignature (or SignatureExpired)."""
    max_age = timedelta(days=settings.PROGRAMS_CANCEL_LINK_MAX_AGE_DAYS)
    data = signing.loads(token, salt=APPROVAL_SALT, max_age=max_age)
    registration = Registration.objects.select_related("event").filter(pk=data.get("r")).first()
    if (
        registration is None
        or not registration.approver_email
        or data.get("a") != _email_fingerprint(registration.approver_email)
    ):
        raise signing.BadSignature("no such registration")
    return registration


def approval_url(registration, decision):
    """The focal point's link to approve or decline ("approve", "decline"), in the site's default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute_url(reverse("programs:approval", args=[approval_token(registration), decision]))
