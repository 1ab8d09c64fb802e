"""Phone numbers typed in any digits, local or international, read for the chosen country and kept as E.164."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from programs.forms import RegistrationForm
from programs.models import Registration
from programs.phones import national_form, parse_phone

from .test_registration_views import form_data


@pytest.mark.parametrize(
    ("typed", "country", "stored"),
    [
        ("+962 ٧٩ ١٢٣ ٤٥٦٧", "JO", "+962791234567"),  # Arabic-Indic digits after a Latin country code
        ("+٩٦٢ ٧٩ ١٢٣ ٤٥٦٧", "JO", "+962791234567"),  # Arabic-Indic throughout
        ("۰۷۹ ۱۲۳ ۴۵۶۷", "JO", "+962791234567"),  # Persian (Eastern Arabic-Indic) digits, local form
        ("079 123 4567", "JO", "+962791234567"),  # the local form, with the trunk 0
        ("0096279-123-4567", "JO", "+962791234567"),  # 00 for +, dashes
        ("(06) 560 0000", "JO", "+96265600000"),  # an Amman landline
        ("\u200e+962 79 123 4567\u200f", "JO", "+962791234567"),  # direction marks from a right-to-left field
        ("010 1234 5678", "EG", "+201012345678"),
        ("050 123 4567", "SA", "+966501234567"),
        ("+20 10 1234 5678", "JO", "+201012345678"),  # a number of another country keeps its own code
        ("+962 79 123 4567", "ZZ", "+962791234567"),
    ],
)
def test_every_digit_system_and_local_form_is_stored_as_e164(typed, country, stored):
    assert parse_phone(typed, country) == stored


@pytest.mark.parametrize(
    ("typed", "country", "message"),
    [
        ("07912", "JO", "This number is too short for Jordan: a digit is missing."),
        ("+962 79 123 4567 899", "JO", "This number is too long for Jordan: check the digits."),
        ("079-CALL-ME", "JO", "Use digits only, with a + before the country code if you give one."),
        ("079 123 4567", "ZZ", "Start with + and the country code, for example +962 79 123 4567."),
    ],
)
def test_a_wrong_number_says_what_to_fix(typed, country, message):
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            parse_phone(typed, country, "Jordan")

        assert raised.value.messages == [message]


def test_the_form_reads_the_number_for_the_country_chosen():
    form = RegistrationForm(form_data(phone="٠١٠ ١٢٣٤ ٥٦٧٨", country="EG"))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+201012345678"


def test_national_form_is_how_it_is_dialled_in_its_country():
    assert national_form("+962791234567") == "07 9123 4567"
    assert Registration(phone="+96265600000").get_phone_display() == "(06) 560 0000 (+962 6 560 0000)"


@pytest.mark.django_db
def test_a_wrong_number_is_explained_in_arabic_beside_the_field_with_everything_kept(client, course):
    response = client.post(course.url, form_data(phone="٠٧٩١٢"))

    assert response.status_code == 400
    html = response.content.decode()
    error = html[html.index('id="id_phone_error"') :][:300]
    assert "هذا الرقم أقصر من أن يكون رقمًا في الأردن" in error
    assert 'value="٠٧٩١٢"' in html and 'value="ليلى أحمد"' in html
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_a_local_number_in_arabic_digits_registers_as_e164(client, course):
    response = client.post(course.url, form_data(phone="٠٧٩ ١٢٣ ٤٥٦٧"))

    assert response.status_code == 302
    assert Registration.objects.get().phone == "+962791234567"
