import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .countries import COUNTRY_CHOICES

# The length of Registration.email's column (Django's EmailField default; its own module imports this one, so
# a test holds the two equal).
EMAIL_MAX_LENGTH = models.EmailField().max_length

ARABIC_NAME = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u06FA-\u06FF\s\-'.]+$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
LATIN_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F\s\-'.]*$")
# E.164: a plus, a country code that does not start with 0, at most 15 digits in all.
INTERNATIONAL_PHONE = re.compile(r"^\+[1-9]\d{7,14}$")


class RegistrationForm(forms.Form):
    name_arabic = forms.CharField(
        label=_("Full name in Arabic script"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "rtl", "lang": "ar"}),
    )
    name_latin = forms.CharField(
        label=_("Full name in Latin script"),
        max_length=200,
        help_text=_("As it should appear on your certificate."),
        widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
    )
    # As long as the column that stores it (254): a longer address would pass the form and fail the database.
    email = forms.EmailField(
        label=_("Email"),
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        help_text=_("International format, starting with + and the country code, for example +962 6 123 4567."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        choices=[("", _("Choose a country")), *COUNTRY_CHOICES],
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    city = forms.CharField(
        label=_("City"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "address-level2"})
    )
    organisation = forms.CharField(
        label=_("Organisation or municipality"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    job_title = forms.CharField(
        label=_("Job title"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "organization-title"})
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to my data being used to manage this registration."),
        error_messages={"required": _("Please accept the privacy notice to register.")},
    )
    # A honeypot: hidden from people by CSS, filled in by bots that fill in every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_name_arabic(self):
        value = " ".join(self.cleaned_data["name_arabic"].split())
        if not ARABIC_NAME.match(value) or not ARABIC_LETTER.search(value):
            raise ValidationError(_("Write your full name in Arabic letters."), code="not_arabic")
        return value

    def clean_name_latin(self):
        value = " ".join(self.cleaned_data["name_latin"].split())
        if not LATIN_NAME.match(value):
            raise ValidationError(
                _("Write your full name in Latin letters (A to Z), as it should appear on the certificate."),
                code="not_latin",
            )
        return value

    def clean_phone(self):
        value = re.sub(r"[\s\-().]", "", self.cleaned_data["phone"])
        if value.startswith("00"):
            value = "+" + value[2:]
        if not INTERNATIONAL_PHONE.match(value):
            raise ValidationError(
                _("Enter the number in international format: + then the country code, e.g. +962 6 123 4567."),
                code="not_international",
            )
        return value

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    @property
    def visible_fields_except_honeypot(self):
        return [field for field in self if field.name not in ("website", "consent")]
