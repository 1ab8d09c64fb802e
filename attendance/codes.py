"""Check-in codes: short enough to type, signed so that a code cannot be made up from a registration number.

A code reads "1234-K7QX2M": the registration's number, then six characters of a keyed hash of it. The QR
code carries the check-in page's address with the code, so a coordinator's camera app opens the page too.
"""

import base64
import io
import re
from urllib.parse import parse_qs, urlsplit

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac

from forum_site.site_urls import absolute_url
from programs.models import Registration

from .models import western_digit

SALT = "attendance.check-in"
CODE_PATTERN = re.compile(r"^(\d{1,12})-?([A-Z2-7]{6})$")


def _signature(pk):
    digest = salted_hmac(SALT, str(pk)).digest()
    return base64.b32encode(digest).decode()[:6]


def check_in_code(registration):
    return f"{registration.pk}-{_signature(registration.pk)}"


def normalise_code(text):
    """The code in `text`: typed with spaces, lower case or Arabic-Indic digits, or a whole check-in URL."""
    if not isinstance(text, str):
        return ""
    text = text.strip()
    if "://" in text or text.startswith("/"):
        text = parse_qs(urlsplit(text).query).get("code", [""])[0]
    return "".join(western_digit(ch) for ch in text.upper() if ch.isalnum() or ch == "-")


def registration_from_code(text):
    """The registration the code was made for, or None for anything else (unknown, mistyped, forged)."""
    match = CODE_PATTERN.match(normalise_code(text))
    if not match:
        return None
    pk, signature = match.groups()
    if not constant_time_compare(signature, _signature(int(pk))):
        return None
    return Registration.objects.select_related("event").filter(pk=int(pk)).first()


def check_in_url(registration):
    # The coordinators' page in the site's default language: it is they who open it, not the registrant.
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("attendance:check_in")
    return absolute_url(f"{path}?code={check_in_code(registration)}")


def qr_code(data):
    return segno.make(data, error="m")


def qr_svg(data, scale=4):
    """An inline <svg> of the QR code, with a title read by screen readers."""
    return qr_code(data).svg_inline(scale=scale, border=2, title=data, dark="#000", light="#fff")


def qr_png(data, scale=8):
    buffer = io.BytesIO()
    qr_code(data).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
