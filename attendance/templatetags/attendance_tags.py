from types import SimpleNamespace

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from ..certificates import valid_certificate
from ..codes import check_in_code, check_in_url, qr_svg

register = template.Library()


@register.simple_tag
def registrant_extras(registration):
    """The check-in code (confirmed, not yet attended) and the valid certificate of a registration."""
    extras = SimpleNamespace(certificate=None, check_in_code="", check_in_svg="")
    if registration is None or registration.anonymised_at:
        return extras
    certificate = valid_certificate(registration)
    if certificate is not None:
        extras.certificate = certificate
        extras.verification_url = reverse("attendance:verify", args=[certificate.number])
        extras.certificate_pdf_url = reverse("attendance:certificate_pdf", args=[certificate.number])
    elif registration.status == registration.Status.CONFIRMED and not registration.attended:
        extras.check_in_code = check_in_code(registration)
        # segno's SVG: made from our own data (a URL of ours), no markup from anyone else.
        extras.check_in_svg = mark_safe(qr_svg(check_in_url(registration)))  # noqa: S308
    return extras
