"""Check-in logs and certificates of attendance, for registrations made in programs."""

import secrets
import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# Crockford's base 32: no I, L, O or U, so a number read aloud or typed from paper is not misread.
NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
NUMBER_GROUPS = 4  # 4 groups of 4: 80 random bits, beyond guessing


def new_certificate_number():
    groups = ("".join(secrets.choice(NUMBER_ALPHABET) for _ in range(4)) for _ in range(NUMBER_GROUPS))
    return "-".join(groups)


def western_digit(character):
    """0-9 for a decimal digit of any script (٠١٢, ۰۱۲…), the character itself otherwise."""
    digit = unicodedata.decimal(character, None)
    return character if digit is None else str(digit)


def normalise_certificate_number(text):
    """What a visitor typed or pasted, in the stored form; "" when it cannot be a number."""
    if not isinstance(text, str):
        return ""
    compact = "".join(western_digit(ch) for ch in text.upper() if ch.isalnum())
    compact = compact.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    if len(compact) != 4 * NUMBER_GROUPS or any(ch not in NUMBER_ALPHABET for ch in compact):
        return ""
    return "-".join(compact[i : i + 4] for i in range(0, len(compact), 4))


@register_setting(icon="doc-full")
class CertificateSettings(BaseGenericSetting):
    """Who signs the certificates of attendance: copied onto each certificate when it is issued."""

    signatory_name_arabic = models.CharField(_("signatory's name in Arabic"), max_length=200, blank=True)
    signatory_name_latin = models.CharField(_("signatory's name in Latin script"), max_length=200, blank=True)
    signatory_title_arabic = models.CharField(_("signatory's title in Arabic"), max_length=200, blank=True)
    signatory_title_english = models.CharField(_("signatory's title in English"), max_length=200, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("signatory_name_arabic"),
                FieldPanel("signatory_title_arabic"),
                FieldPanel("signatory_name_latin"),
                FieldPanel("signatory_title_english"),
            ],
            heading=_("Signatory of the certificates of attendance"),
        )
    ]

    class Meta:
        verbose_name = _("certificates of attendance")


class Certificate(models.Model):
    """A certificate of attendance: issued once per registration, verifiable by its number, revocable.

    The holder's names, the course's titles and dates, the hours and the signatory are copied at issue, so a
    certificate reads the same later, whatever is edited, anonymised or deleted afterwards.
    """

    class Kind(models.TextChoices):
        COURSE = "course", _("training course")
        WORKSHOP = "workshop", _("workshop")

    registration = models.ForeignKey(
        "programs.Registration",
        verbose_name=_("registration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    number = models.CharField(_("certificate number"), max_length=24, unique=True, default=new_certificate_number)
    name_arabic = models.CharField(_("full name in Arabic script"), max_length=200)
    name_latin = models.CharField(_("full name in Latin script"), max_length=200)
    course_title_arabic = models.CharField(_("course title in Arabic"), max_length=255)
    course_title_english = models.CharField(_("course title in English"), max_length=255)
    course_kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COURSE)
    course_starts_at = models.DateTimeField(_("course started at"))
    course_ends_at = models.DateTimeField(_("course ended at"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    signatory_name_arabic = models.CharField(_("signatory's name in Arabic"), max_length=200, blank=True)
    signatory_name_latin = models.CharField(_("signatory's name in Latin script"), max_length=200, blank=True)
    signatory_title_arabic = models.CharField(_("signatory's title in Arabic"), max_length=200, blank=True)
    signatory_title_english = models.CharField(_("signatory's title in English"), max_length=200, blank=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("certificate of attendance")
        verbose_name_plural = _("certificates of attendance")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            # A registration holds one valid certificate at most; a revoked one may be replaced.
            models.UniqueConstraint(
                fields=["registration"], condition=Q(revoked_at__isnull=True), name="attendance_one_valid_certificate"
            )
        ]

    def __str__(self):
        return self.number

    @property
    def is_valid(self):
        return self.revoked_at is None

    def name_in(self, language):
        return self.name_arabic if language == "ar" else self.name_latin

    def course_title_in(self, language):
        return self.course_title_arabic if language == "ar" else self.course_title_english


class AttendanceLog(models.Model):
    """Who marked whom present or absent, when and how: every change of attendance leaves a line here."""

    class Method(models.TextChoices):
        SCANNED = "scanned", _("Scanned QR code")
        TYPED = "typed", _("Typed code")
        LIST = "list", _("From the list (bulk)")
        ONE = "one", _("From the list (one person)")

    registration = models.ForeignKey(
        "programs.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="attendance_logs",
    )
    attended = models.BooleanField(_("attended"))
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("attendance log entry")
        verbose_name_plural = _("attendance log")
        ordering = ["-marked_at", "-pk"]

    def __str__(self):
        return f"{self.registration}: {self.attended} ({self.method})"
