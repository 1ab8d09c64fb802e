"""Phone numbers as registrants type them: any digits (Arabic-Indic, Persian, Latin), local or international,
read for the country they choose with libphonenumber (`phonenumbers`), kept as E.164 and shown in national form."""

import re
import unicodedata

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Spaces, dashes, dots, brackets and the invisible direction marks that a right-to-left field or a copied
# number carries.
SEPARATORS = re.compile(r"[\s\-\u2010-\u2015.()/\u200e\u200f\u202a-\u202e\u2066-\u2069]")
PLUS_SIGNS = {"+", "\uff0b", "\ufe62"}
DIGITS_ONLY = re.compile(r"\+?\d+")


def ascii_digits(text):
    """`text` with every decimal digit of any script (٠١٢, ۰۱۲, ０１２…) as 0-9, and any plus sign as +."""
    characters = []
    for character in text:
        digit = unicodedata.decimal(character, None)
        if digit is not None:
            characters.append(str(digit))
        elif character in PLUS_SIGNS:
            characters.append("+")
        else:
            characters.append(character)
    return "".join(characters)


def parse_phone(text, country, country_name=""):
    """The E.164 form of the number typed, read as a number of `country` unless it says its own country code.

    Raises ValidationError with a message that says what to fix.
    """
    value = SEPARATORS.sub("", ascii_digits(text))
    if value.startswith("00"):
        value = "+" + value[2:]
    if not DIGITS_ONLY.fullmatch(value):
        raise ValidationError(
            _("Use digits only, with a + before the country code if you give one."), code="not_digits"
        )
    region = country if country and country != "ZZ" else None
    if region is None and not value.startswith("+"):
        raise ValidationError(
            _("Start with + and the country code, for example +962 79 123 4567."), code="needs_country_code"
        )
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        raise ValidationError(_("This is not a phone number: check the digits."), code="invalid") from None
    if not phonenumbers.is_valid_number(number):
        reason = phonenumbers.is_possible_number_with_reason(number)
        place = {"country": country_name or _("this country")}
        if reason == phonenumbers.ValidationResult.TOO_SHORT:
            raise ValidationError(_("This number is too short for %(country)s: a digit is missing."), params=place)
        if reason == phonenumbers.ValidationResult.TOO_LONG:
            raise ValidationError(_("This number is too long for %(country)s: check the digits."), params=place)
        raise ValidationError(
            _(
                "This is not a phone number in %(country)s: check the digits, or start with + and the country "
                "code if the number is from another country."
            ),
            params=place,
            code="invalid",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_form(e164):
    """ "079 123 4567" for "+962791234567"; what was stored, if it cannot be read."""
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def international_form(e164):
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
