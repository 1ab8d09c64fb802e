"""Check-in: each confirmed registration carries a QR code; coordinators mark attendance by code or from the list,
and every change is logged."""

import pytest
from django.core import mail

from attendance.codes import check_in_code, check_in_url, normalise_code, registration_from_code
from attendance.models import AttendanceLog
from programs import links, rules
from programs.emails import send_due_emails
from programs.models import Registration

from .conftest import register_past, registrant

pytestmark = pytest.mark.django_db

CHECK_IN = "/ar/check-in/"


@pytest.fixture
def seat(course):
    return rules.register(course, registrant(), "ar").registration


def test_the_confirmation_email_carries_the_check_in_code_and_its_qr(seat):
    send_due_emails()

    (message,) = mail.outbox
    code = check_in_code(seat)
    assert f"رمز تسجيل حضوركم: {code}" in message.body
    names = [attachment[0] for attachment in message.attachments]
    assert f"check-in-{code}.png" in names
    png = next(content for name, content, _type in message.attachments if name.endswith(".png"))
    assert png.startswith(b"\x89PNG")


def test_a_waitlisted_registration_gets_no_check_in_code(programs_tree):
    from .conftest import make_event

    full = make_event(programs_tree.program, capacity=1)
    rules.register(full, registrant(email="first@example.org"), "ar")
    rules.register(full, registrant(email="second@example.org"), "en")

    send_due_emails()

    waitlist = next(message for message in mail.outbox if message.to == ["second@example.org"])
    assert "check-in" not in waitlist.body.lower()
    assert all(not name.endswith(".png") for name, _content, _type in waitlist.attachments)


def test_the_registrants_own_page_shows_the_qr_code_then_the_certificate(client, seat):
    from attendance.certificates import issue_certificates

    page_url = links.registrant_page_url(seat)
    before = client.get(page_url).content.decode()
    Registration.objects.filter(pk=seat.pk).update(attended=True)
    issue_certificates(Registration.objects.filter(pk=seat.pk), hours=6, send_email=False)
    after = client.get(page_url).content.decode()

    assert '<div class="registrant-extras__qr"><svg' in before
    assert "attendance/attendance.css" in before  # the section brings its own styles
    assert check_in_code(seat) in before
    number = seat.certificates.get().number
    assert number in after
    assert f"/certificates/{number}/certificate.pdf" in after
    assert "registrant-extras__qr" not in after


def test_codes_are_read_however_they_are_typed(seat):
    code = check_in_code(seat)
    arabic_digits = code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    assert registration_from_code(code.lower()) == seat
    assert registration_from_code(f"  {code.replace('-', ' ')} ") == seat
    assert registration_from_code(arabic_digits) == seat
    assert registration_from_code(check_in_url(seat)) == seat
    assert normalise_code(check_in_url(seat)) == code


def test_a_forged_code_is_unknown(seat):
    number, signature = check_in_code(seat).split("-")
    other = "A" * 6 if signature != "A" * 6 else "B" * 6

    assert registration_from_code(f"{number}-{other}") is None
    assert registration_from_code("") is None
    assert registration_from_code("x" * 1000) is None


def test_a_coordinator_checks_someone_in_by_typed_code(client, coordinator, seat):
    client.force_login(coordinator)

    page = client.get(CHECK_IN)
    response = client.post(CHECK_IN, {"code": check_in_code(seat).lower(), "method": "typed"})

    assert page.status_code == 200
    html = response.content.decode()
    assert response.status_code == 200
    assert "تم تسجيل الحضور" in html
    assert "ليلى أحمد" in html
    assert "دورة رقم" in html
    seat.refresh_from_db()
    assert seat.attended
    log = AttendanceLog.objects.get()
    assert (log.registration, log.attended, log.method, log.marked_by) == (seat, True, "typed", coordinator)


def test_a_scanned_code_is_logged_as_scanned_and_a_second_scan_says_already(client, coordinator, seat):
    client.force_login(coordinator)

    client.post(CHECK_IN, {"code": check_in_url(seat), "method": "scanned"})
    again = client.post(CHECK_IN, {"code": check_in_url(seat), "method": "scanned"})

    assert AttendanceLog.objects.get().method == "scanned"
    assert "الحضور مسجَّل من قبل" in again.content.decode()


def test_opening_the_qr_link_asks_before_marking(client, coordinator, seat):
    client.force_login(coordinator)

    response = client.get(CHECK_IN, {"code": check_in_code(seat)})

    assert response.status_code == 200
    assert "تسجيل مؤكد" in response.content.decode()
    seat.refresh_from_db()
    assert not seat.attended  # a GET never changes anything


def test_the_page_speaks_english_too(client, coordinator, seat):
    client.force_login(coordinator)

    response = client.post("/en/check-in/", {"code": check_in_code(seat)})

    assert "Checked in" in response.content.decode()
    assert "Layla Ahmad" in response.content.decode()


def test_unknown_and_cancelled_codes_are_told_clearly(client, coordinator, seat):
    client.force_login(coordinator)
    unknown = client.post(CHECK_IN, {"code": "1-AAAAAA"})
    rules.cancel_registration(seat)
    cancelled = client.post(CHECK_IN, {"code": check_in_code(seat)})
    empty = client.post(CHECK_IN, {"code": "  "})

    assert unknown.status_code == 404
    assert "رمز غير معروف" in unknown.content.decode()
    assert cancelled.status_code == 409
    assert "أُلغي التسجيل" in cancelled.content.decode()
    assert "ليلى أحمد" in cancelled.content.decode()
    assert empty.status_code == 400
    seat.refresh_from_db()
    assert not seat.attended
    assert not AttendanceLog.objects.exists()


def test_only_coordinators_check_people_in(client, editor, seat):
    anonymous = client.post(CHECK_IN, {"code": check_in_code(seat)})
    client.force_login(editor)
    refused = client.post(CHECK_IN, {"code": check_in_code(seat)})

    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]
    assert refused.status_code == 403
    seat.refresh_from_db()
    assert not seat.attended


def test_the_page_is_never_cached(client, coordinator):
    client.force_login(coordinator)

    response = client.get(CHECK_IN)

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_bulk_attendance_from_the_list_is_logged(client, coordinator, past_course):
    people = [register_past(past_course, email=f"p{number}@example.org") for number in range(3)]
    client.force_login(coordinator)
    ids = "&".join(f"id={person.pk}" for person in people[:2])
    url = f"/admin/bulk/programs/registration/mark_attended/?next=/admin/programs_registration/&{ids}"

    confirm = client.get(url)
    response = client.post(url)

    assert confirm.status_code == 200
    assert response.status_code == 302
    assert set(Registration.objects.filter(attended=True)) == set(people[:2])
    logs = AttendanceLog.objects.filter(method="list", marked_by=coordinator)
    assert logs.count() == 2


def test_select_all_acts_only_on_the_course_the_list_is_filtered_to(client, coordinator, past_course, course):
    here = [register_past(past_course, email=f"p{number}@example.org") for number in range(2)]
    elsewhere = rules.register(course, registrant(email="else@example.org"), "ar").registration
    client.force_login(coordinator)
    listing = f"/admin/programs_registration/?event={past_course.pk}"
    from urllib.parse import quote

    client.post(f"/admin/bulk/programs/registration/mark_attended/?next={quote(listing)}&id=all")
    client.post("/admin/bulk/programs/registration/mark_absent/?next=/admin/programs_registration/&id=all")

    assert all(Registration.objects.get(pk=person.pk).attended for person in here)
    elsewhere.refresh_from_db()
    assert not elsewhere.attended


def test_the_list_offers_the_bulk_actions(client, coordinator, seat):
    client.force_login(coordinator)

    html = client.get("/admin/programs_registration/").content.decode()

    assert "data-bulk-action-checkbox" in html
    assert "mark_attended" in html
    assert "issue_certificates" in html


def test_editors_cannot_mark_attendance_in_bulk(client, editor, seat):
    client.force_login(editor)

    response = client.post(f"/admin/bulk/programs/registration/mark_attended/?next=/admin/&id={seat.pk}")

    assert response.status_code in (302, 403)
    seat.refresh_from_db()
    assert not seat.attended


def test_the_admin_menu_leads_to_the_check_in_page_in_the_coordinators_language(client, coordinator):
    client.force_login(coordinator)

    dashboard = client.get("/admin/").content.decode()
    english = client.get("/admin/attendance/check-in/", HTTP_ACCEPT_LANGUAGE="en")

    assert "/admin/attendance/check-in/" in dashboard
    assert english.status_code == 302
    assert english["Location"].endswith("/check-in/")


def test_marking_one_person_from_the_list_is_logged_too(client, coordinator, seat):
    client.force_login(coordinator)

    client.post(f"/admin/programs_registration/status/{seat.pk}/attended/")
    client.post(f"/admin/programs_registration/status/{seat.pk}/attended/")  # no change: no second line

    log = AttendanceLog.objects.get()
    assert (log.attended, log.method, log.marked_by) == (True, "one", coordinator)


def test_the_check_in_page_alone_may_use_the_camera(client, coordinator):
    client.force_login(coordinator)

    check_in = client.get(CHECK_IN)
    home = client.get("/ar/")

    assert "camera=(self)" in check_in["Permissions-Policy"]
    assert "microphone=()" in check_in["Permissions-Policy"]
    assert "camera=()" in home["Permissions-Policy"]
