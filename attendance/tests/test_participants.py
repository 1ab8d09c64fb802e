"""Coordinators see one person's history across courses, and participation by organisation and by country."""

import csv
import io

import pytest
from openpyxl import load_workbook

from attendance.certificates import issue_certificates
from programs.models import Registration

from .conftest import make_event, register_past

pytestmark = pytest.mark.django_db

HISTORY = "/admin/attendance/participant/"
PARTICIPATION = "/admin/attendance/participation/"


@pytest.fixture
def history(programs_tree, past_course):
    """Layla on two courses (attended one, certified), under two spellings of her email; others elsewhere."""
    second = make_event(programs_tree.program, english=False)
    first = register_past(past_course, email="Layla@Example.org")
    register_past(second, email="layla@example.org")
    register_past(past_course, email="sami@example.org", name_latin="Sami Haddad", organisation="بلدية إربد")
    register_past(
        past_course,
        email="mona@example.org",
        name_latin="Mona Said",
        organisation='=HYPERLINK("http://evil.example")',
        country="EG",
    )
    Registration.objects.filter(email__in=["Layla@Example.org", "sami@example.org"]).update(attended=True)
    issue_certificates(Registration.objects.filter(pk=first.pk), send_email=False)
    return first


def test_one_persons_history_matches_the_email_in_any_case(client, coordinator, history):
    client.force_login(coordinator)

    response = client.get(HISTORY, {"email": "LAYLA@example.ORG"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "نظم المعلومات الجغرافية والعنونة" in html
    assert "دورة رقم" in html
    assert history.certificates.get().number in html
    assert "Sami Haddad" not in html
    assert "الحضور: 1. الشهادات الصالحة: 1." in html


def test_a_malformed_email_is_refused_next_to_the_field(client, coordinator, history):
    client.force_login(coordinator)

    response = client.get(HISTORY, {"email": "not an email"})

    assert response.status_code == 200
    assert "error" in response.content.decode()
    assert "Layla Ahmad" not in response.content.decode()


def test_participation_by_organisation_and_country_with_an_accessible_chart(client, coordinator, history):
    client.force_login(coordinator)

    response = client.get(PARTICIPATION)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('role="img"') == 2
    assert '<title id="chart-country-title">' in html
    assert "الأردن: 2" in html  # the chart's text alternative: Jordan, two attended
    assert "أمانة عمان الكبرى" in html
    assert "<script" not in html.split("attendance-chart")[1].split("</svg>")[0]


def test_participation_downloads_are_neutralised_and_right_to_left_in_arabic(client, coordinator, history):
    client.force_login(coordinator)

    csv_response = client.get(PARTICIPATION, {"by": "organisation", "export": "csv"})
    xlsx_response = client.get(PARTICIPATION, {"by": "country", "export": "xlsx"})
    xlsx_organisations = client.get(PARTICIPATION, {"by": "organisation", "export": "xlsx"})

    text = csv_response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "الجهة أو البلدية"
    by_name = {row[0]: row[1:] for row in rows[1:]}
    assert by_name["أمانة عمان الكبرى"] == ["2", "1", "1"]
    assert '\'=HYPERLINK("http://evil.example")' in by_name
    sheet = load_workbook(io.BytesIO(b"".join(xlsx_response.streaming_content))).active
    assert sheet.sheet_view.rightToLeft
    assert [cell.value for cell in sheet[2]] == ["الأردن", 3, 2, 1]
    organisations = load_workbook(io.BytesIO(b"".join(xlsx_organisations.streaming_content))).active
    assert all(cell.data_type != "f" for row in organisations.iter_rows() for cell in row)


def test_participation_filters_by_course(client, coordinator, history, past_course):
    client.force_login(coordinator)

    response = client.get(PARTICIPATION, {"event": past_course.pk, "by": "country", "export": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row[0]: row[1] for row in rows[1:]} == {"الأردن": "2", "مصر": "1"}


def test_editors_see_neither_history_nor_participation(client, editor, history):
    client.force_login(editor)

    for response in (
        client.get(HISTORY, {"email": "layla@example.org"}),
        client.get(PARTICIPATION),
        client.get(PARTICIPATION, {"by": "country", "export": "csv"}),
    ):
        assert response.status_code in (302, 403)
        assert "Layla" not in response.content.decode()
