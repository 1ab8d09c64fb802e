import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .countries import COUNTRY_CHOICES, COUNTRY_NAMES
from .phones import parse_phone

# The length of Registration.email's column (Django's EmailField default; its own module imports this one, so
# a test holds the two equal).
EMAIL_MAX_LENGTH = models.EmailField().max_length

ARABIC_NAME = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u06FA-\u06FF\s\-'.]+$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
LATIN_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F\s\-'.]*$")


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
        help_text=_(
            "As you dial it in your country, or with + and the country code: 079 123 4567 or +962 79 123 4567."
        ),
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

    OTHER_ORGANISATION = "other"

    def __init__(self, *args, quota_organisations=None, **kwargs):
        """`quota_organisations`: {id: name} of the organisations holding seats on the course
        (EventPage.quota_organisations)."""
        super().__init__(*args, **kwargs)
        self.quota_organisations = quota_organisations or {}
        if self.quota_organisations:
            self._offer_quota_organisations()

    def _offer_quota_organisations(self):
        """The organisations that hold seats on this course, by name, then "another organisation" with its name:
        a registrant is counted against a quota by what they choose, never by how they spell it."""
        choice = forms.ChoiceField(
            label=_("Organisation or municipality"),
            help_text=_(
                "Some seats are kept for the organisations in the list: once your organisation's seats are taken, "
                "you are put on the waitlist."
            ),
            choices=[
                ("", _("Choose your organisation")),
                *((str(pk), name) for pk, name in self.quota_organisations.items()),
                (self.OTHER_ORGANISATION, _("Another organisation")),
            ],
        )
        self.fields["organisation"].label = _("Name of your organisation, if it is not in the list")
        self.fields["organisation"].required = False
        fields = list(self.fields.items())
        position = [name for name, _field in fields].index("organisation")
        fields.insert(position, ("organisation_choice", choice))
        self.fields = dict(fields)

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

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["quota_organisation_id"] = None
        choice = cleaned_data.get("organisation_choice")
        if choice and choice != self.OTHER_ORGANISATION:
            cleaned_data["quota_organisation_id"] = int(choice)
            cleaned_data["organisation"] = self.quota_organisations[int(choice)]
        elif choice == self.OTHER_ORGANISATION and not cleaned_data.get("organisation", "").strip():
            self.add_error("organisation", _("Write the name of your organisation."))
        # The number is read for the country chosen: run after both fields, with the error beside the phone.
        if "phone" in cleaned_data and "country" in cleaned_data:
            country = cleaned_data["country"]
            try:
                cleaned_data["phone"] = parse_phone(cleaned_data["phone"], country, COUNTRY_NAMES.get(country, ""))
            except ValidationError as error:
                self.add_error("phone", error)
        return cleaned_data

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    @property
    def visible_fields_except_honeypot(self):
        return [field for field in self if field.name not in ("website", "consent")]
