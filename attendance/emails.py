"""What attendance adds to the registrants' emails (programs.emails' `registration_email` hook)."""

from django.template.loader import render_to_string

from programs.models import RegistrationEmail

from .certificates import CERTIFICATE_EMAIL, verification_url
from .codes import check_in_code, check_in_url, qr_png
from .pdf import build_certificate_pdf

# Emails that give (or confirm) a seat carry the check-in code: an approval confirms one too.
SEAT_EMAILS = (RegistrationEmail.Kind.CONFIRMATION, RegistrationEmail.Kind.PROMOTION, RegistrationEmail.Kind.APPROVED)


def add_to_registration_email(email, context, attachments):
    registration = email.registration
    if email.kind in SEAT_EMAILS and registration.status == registration.Status.CONFIRMED:
        code = check_in_code(registration)
        context["check_in_text"] = render_to_string("attendance/emails/check_in.txt", {"code": code}).strip()
        attachments.append((f"check-in-{code}.png", qr_png(check_in_url(registration)), "image/png"))
    elif email.kind == CERTIFICATE_EMAIL:
        # The certificate the email was owed for, or the current one if that was revoked and replaced since.
        certificate = registration.certificates.filter(revoked_at__isnull=True).order_by("-issued_at").first()
        context["certificate"] = certificate
        if certificate is not None:
            url = verification_url(certificate)
            context["verification_url"] = url
            attachments.append(
                (f"certificate-{certificate.number}.pdf", build_certificate_pdf(certificate, url), "application/pdf")
            )
