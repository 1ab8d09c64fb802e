"""Issuing, revoking and checking certificates of attendance: the admin, the command and the tests call these."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation

from forum_site.localize import in_language
from forum_site.site_urls import absolute_url
from programs.emails import queue_email
from programs.models import Registration, RegistrationEmail

from .models import Certificate, CertificateSettings

CERTIFICATE_EMAIL = RegistrationEmail.Kind.CERTIFICATE
# A day of a course longer than a day counts this many hours when its times say nothing better.
DEFAULT_HOURS_PER_DAY = Decimal(6)


def estimated_hours(event):
    """The hours a course lasted: its span on a single day; on several days, the daily span times the days."""
    start, end = timezone.localtime(event.start_at), timezone.localtime(event.end_at)
    if start.date() == end.date():
        span = Decimal((end - start).total_seconds()) / 3600
    else:
        days = (end.date() - start.date()).days + 1
        daily = Decimal((end.replace(year=start.year, month=start.month, day=start.day) - start).total_seconds())
        daily = daily / 3600 if daily > 0 else DEFAULT_HOURS_PER_DAY
        span = days * daily
    return max(Decimal("0.5"), (span * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2)


def event_titles(event):
    """(Arabic title, English title): the English one from the course's translation, when it has one."""
    return in_language(event, "ar").title, in_language(event, "en").title


def course_kind(event):
    return Certificate.Kind.WORKSHOP if event.specific_class.__name__ == "WorkshopPage" else Certificate.Kind.COURSE


def verification_url(certificate, language=None):
    # In the holder's language; a certificate whose course was deleted since has no registration left to ask.
    language = language or (certificate.registration.language if certificate.registration else settings.LANGUAGE_CODE)
    with translation.override(language):
        return absolute_url(reverse("attendance:verify", args=[certificate.number]))


def valid_certificate(registration):
    return registration.certificates.filter(revoked_at__isnull=True).first()


def eligible(registrations):
    """The registrations that may receive a certificate now: confirmed, attended, not anonymised, none valid yet."""
    return (
        registrations.filter(status=Registration.Status.CONFIRMED, attended=True, anonymised_at__isnull=True)
        .exclude(Exists(Certificate.objects.filter(registration=OuterRef("pk"), revoked_at__isnull=True)))
        .select_related("event")
    )


@dataclass
class IssueReport:
    issued: int = 0
    skipped: int = 0


def issue_certificates(registrations, *, hours=None, issued_by=None, send_email=True, progress=None):
    """Issue a certificate to each eligible registration among `registrations` and owe each its email.

    Each certificate is issued in its own transaction with its email (the outbox), so a failure leaves the
    others issued. `progress(done, total)` is called after each one. Those not eligible are counted as skipped.
    """
    signatory = CertificateSettings.load()
    chosen = list(registrations.values_list("pk", flat=True))
    candidates = list(eligible(Registration.objects.filter(pk__in=chosen)).order_by("pk"))
    report = IssueReport(skipped=len(chosen) - len(candidates))
    for done, registration in enumerate(candidates, start=1):
        try:
            with transaction.atomic():
                title_arabic, title_english = event_titles(registration.event)
                Certificate.objects.create(
                    registration=registration,
                    name_arabic=registration.name_arabic,
                    name_latin=registration.name_latin,
                    course_title_arabic=title_arabic,
                    course_title_english=title_english,
                    course_kind=course_kind(registration.event),
                    course_starts_at=registration.event.start_at,
                    course_ends_at=registration.event.end_at,
                    hours=hours if hours is not None else estimated_hours(registration.event),
                    signatory_name_arabic=signatory.signatory_name_arabic,
                    signatory_name_latin=signatory.signatory_name_latin,
                    signatory_title_arabic=signatory.signatory_title_arabic,
                    signatory_title_english=signatory.signatory_title_english,
                    issued_by=issued_by,
                )
                if send_email:
                    queue_email(registration, CERTIFICATE_EMAIL)
        except IntegrityError:  # issued meanwhile by someone else (the one-valid-certificate constraint)
            report.skipped += 1
        else:
            report.issued += 1
        if progress:
            progress(done, len(candidates))
    return report


def revoke(certificate, reason, revoked_by=None):
    """Revoke a valid certificate; False if it was revoked already."""
    changed = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revocation_reason=reason, revoked_by=revoked_by
    )
    certificate.refresh_from_db()
    return bool(changed)
