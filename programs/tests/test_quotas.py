"""Seats per country and organisation (pretix's quotas), the waitlist and promotion that respect them, approval."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from programs import links, rules
from programs.emails import send_due_emails
from programs.models import EventPage, Registration, RegistrationEmail, SeatQuota

from .conftest import make_event, registrant
from .quotas import country_quota, make_organisation, organisation_quota, other_organisations_quota

pytestmark = pytest.mark.django_db

Status = Registration.Status


@pytest.fixture
def amman(db):
    return make_organisation("أمانة عمان الكبرى", "Greater Amman Municipality")


@pytest.fixture
def irbid(db):
    return make_organisation("بلدية إربد الكبرى", "Greater Irbid Municipality")


def _register(course, email, organisation=None, country="JO", language="ar"):
    details = registrant(email=email, country=country, organisation=organisation.name if organisation else "أخرى")
    details["quota_organisation_id"] = organisation.pk if organisation else None
    return rules.register(course, details, language).registration


def _statuses(course):
    return dict(Registration.objects.filter(event=course).values_list("email", "status"))


def test_a_full_organisation_quota_puts_its_staff_on_the_waitlist_while_others_get_seats(programs_tree, amman):
    course = make_event(programs_tree.program, capacity=5, seat_quotas=[organisation_quota(amman, 2)])

    for number in range(3):
        _register(course, f"amman{number}@example.org", amman)
    outsider = _register(course, "other@example.org")

    assert _statuses(course) == {
        "amman0@example.org": Status.CONFIRMED,
        "amman1@example.org": Status.CONFIRMED,
        "amman2@example.org": Status.WAITLISTED,
        "other@example.org": Status.CONFIRMED,
    }
    assert outsider.status == Status.CONFIRMED


def test_a_registration_counts_against_its_country_and_its_organisation(programs_tree, amman, irbid):
    course = make_event(
        programs_tree.program, capacity=10, seat_quotas=[country_quota("JO", 3), organisation_quota(amman, 3)]
    )
    _register(course, "a1@example.org", amman)
    _register(course, "a2@example.org", amman)
    _register(course, "i1@example.org", irbid)  # Jordan's third seat

    blocked_by_country = _register(course, "a3@example.org", amman)
    from_oman = _register(course, "om@example.org", irbid, country="OM")

    assert blocked_by_country.status == Status.WAITLISTED  # Amman's quota has room, Jordan's does not
    assert from_oman.status == Status.CONFIRMED


def test_a_quota_for_every_other_organisation_keeps_the_rest_for_the_named_one(programs_tree, amman):
    course = make_event(
        programs_tree.program, capacity=3, seat_quotas=[organisation_quota(amman, 1), other_organisations_quota(2)]
    )
    for number in range(3):
        _register(course, f"other{number}@example.org")

    from_amman = _register(course, "amman@example.org", amman)

    assert from_amman.status == Status.CONFIRMED
    assert _statuses(course)["other2@example.org"] == Status.WAITLISTED


def test_a_freed_seat_goes_to_the_first_waiting_whose_quotas_have_room(programs_tree, amman):
    course = make_event(programs_tree.program, capacity=3, seat_quotas=[organisation_quota(amman, 1)])
    _register(course, "amman1@example.org", amman)
    leaving = _register(course, "other1@example.org")
    _register(course, "other2@example.org")
    _register(course, "amman2@example.org", amman)  # first in the queue, but Amman's one seat is taken
    _register(course, "other3@example.org")

    rules.cancel_registration(leaving)

    statuses = _statuses(course)
    assert statuses["amman2@example.org"] == Status.WAITLISTED
    assert statuses["other3@example.org"] == Status.CONFIRMED


def test_a_coordinator_cannot_promote_beyond_a_quota(programs_tree, amman):
    course = make_event(programs_tree.program, capacity=5, seat_quotas=[organisation_quota(amman, 1)])
    _register(course, "amman1@example.org", amman)
    waiting = _register(course, "amman2@example.org", amman)

    with pytest.raises(rules.QuotaFull):
        rules.promote(waiting)

    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED


def test_the_english_page_counts_the_same_quota_seats(programs_tree, amman):
    course = make_event(programs_tree.program, capacity=5, seat_quotas=[organisation_quota(amman, 1)])
    english = course.get_translation(Locale.objects.get(language_code="en"))
    _register(course, "amman1@example.org", amman)

    from_english_page = _register(english, "amman2@example.org", amman, language="en")

    assert from_english_page.status == Status.WAITLISTED
    assert english.specific.quota_organisations() == {amman.pk: "Greater Amman Municipality"}


@pytest.mark.parametrize("with_quotas", [False, True])
def test_the_course_page_counts_each_seat_once_whatever_its_quotas(client, programs_tree, amman, with_quotas):
    quotas = [organisation_quota(amman, 5), country_quota("JO", 8), other_organisations_quota(4)] if with_quotas else []
    course = make_event(programs_tree.program, capacity=10, seat_quotas=quotas)
    _register(course, "amman@example.org", amman)
    _register(course, "other@example.org")

    page = client.get(course.url).content.decode()

    assert "8 مقاعد متاحة" in page


def _form(**overrides):
    return {**registrant(), "consent": "on", "website": "", **overrides}


def test_the_form_offers_the_quota_organisations_by_name_in_the_pages_language(client, programs_tree, amman):
    course = make_event(programs_tree.program, seat_quotas=[organisation_quota(amman, 2)])
    english = course.get_translation(Locale.objects.get(language_code="en"))

    arabic_page = client.get(course.url).content.decode()
    english_page = client.get(english.url).content.decode()

    assert f'<option value="{amman.pk}">أمانة عمان الكبرى</option>' in arabic_page
    assert "جهة أخرى" in arabic_page
    assert f'<option value="{amman.pk}">Greater Amman Municipality</option>' in english_page
    assert "Another organisation" in english_page
    assert "خُصصت بعض المقاعد للجهات الواردة في القائمة" in arabic_page


def test_each_course_offers_its_own_quota_organisations_under_their_current_names(
    client, programs_tree, amman, irbid, rendered_pages
):
    # The empty form's fields are rendered once per language and set of organisations (programs_tags), and
    # the organisations' English names come from the cache (forum_site.localize).
    for_amman = make_event(programs_tree.program, seat_quotas=[organisation_quota(amman, 2)])
    without_quotas = make_event(programs_tree.program)
    for_irbid = make_event(programs_tree.program, seat_quotas=[organisation_quota(irbid, 2)])

    amman_option = f'<option value="{amman.pk}">أمانة عمان الكبرى</option>'
    assert amman_option in client.get(for_amman.url).content.decode()
    plain = client.get(without_quotas.url).content.decode()
    assert 'name="organisation_choice"' not in plain and 'name="organisation"' in plain
    irbid_page = client.get(for_irbid.url).content.decode()
    assert f'<option value="{irbid.pk}">بلدية إربد الكبرى</option>' in irbid_page and amman_option not in irbid_page

    english = Locale.objects.get(language_code="en")
    in_english = for_amman.get_translation(english).url
    assert f'<option value="{amman.pk}">Greater Amman Municipality</option>' in client.get(in_english).content.decode()

    amman.name = "أمانة عمّان الكبرى"
    amman.save()
    english_amman = amman.get_translation(english)
    english_amman.name = "Amman Municipality"
    english_amman.save()

    assert f'<option value="{amman.pk}">أمانة عمّان الكبرى</option>' in client.get(for_amman.url).content.decode()
    assert f'<option value="{amman.pk}">Amman Municipality</option>' in client.get(in_english).content.decode()


def test_choosing_an_organisation_counts_the_registrant_in_its_quota(client, programs_tree, amman):
    course = make_event(programs_tree.program, seat_quotas=[organisation_quota(amman, 2)])

    response = client.post(course.url, _form(organisation_choice=str(amman.pk), organisation=""))

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.quota_organisation == amman
    assert registration.organisation == "أمانة عمان الكبرى"


def test_another_organisation_needs_its_name_beside_the_field(client, programs_tree, amman):
    course = make_event(programs_tree.program, seat_quotas=[organisation_quota(amman, 2)])

    response = client.post(course.url, _form(organisation_choice="other", organisation=""))

    assert response.status_code == 400
    assert "اكتب اسم جهتك." in response.content.decode()
    assert not Registration.objects.exists()


def test_another_organisation_with_its_name_counts_in_no_organisation_quota(client, programs_tree, amman):
    course = make_event(programs_tree.program, seat_quotas=[organisation_quota(amman, 2)])

    client.post(course.url, _form(organisation_choice="other", organisation="بلدية الزرقاء"))

    registration = Registration.objects.get()
    assert registration.quota_organisation is None
    assert registration.organisation == "بلدية الزرقاء"


# Approval


def test_with_coordinator_approval_a_registration_holds_a_seat_until_approved(coordinator_client, programs_tree):
    course = make_event(programs_tree.program, capacity=1, approval=EventPage.Approval.COORDINATOR)
    awaiting = _register(course, "first@example.org")
    second = _register(course, "second@example.org")
    send_due_emails()

    assert awaiting.status == Status.AWAITING_APPROVAL
    assert second.status == Status.WAITLISTED  # the held seat is not given away
    assert "تخضع التسجيلات في هذه الدورة للموافقة" in coordinator_client.get(course.url).content.decode()
    (held,) = [message for message in mail.outbox if message.to == ["first@example.org"]]
    assert "بانتظار الموافقة" in held.subject
    # The coordinators are asked by email; its link opens their list at what awaits approval.
    (request,) = [message for message in mail.outbox if message.to == ["coordinator@example.org"]]
    assert "طلب موافقة" in request.subject and awaiting.name_latin in request.body
    review_url = re.search(r"https?://\S+/admin/programs_registration/\S+", request.body).group()
    listing = coordinator_client.get(review_url).content.decode()
    assert f"status/{awaiting.pk}/approve/" in listing and f"status/{awaiting.pk}/decline/" in listing
    assert "second@example.org" not in listing  # only what awaits approval

    coordinator_client.post(f"/admin/programs_registration/status/{awaiting.pk}/approve/")
    send_due_emails()

    awaiting.refresh_from_db()
    assert awaiting.status == Status.CONFIRMED
    approved = [message for message in mail.outbox if message.to == ["first@example.org"]][-1]
    assert "الموافقة على التسجيل" in approved.subject
    assert approved.attachments[0][0] == "event.ics"


def test_a_coordinators_decline_gives_the_seat_to_the_waitlist(coordinator_client, programs_tree):
    course = make_event(programs_tree.program, capacity=1, approval=EventPage.Approval.COORDINATOR)
    declined = _register(course, "first@example.org")
    waiting = _register(course, "second@example.org")

    coordinator_client.post(f"/admin/programs_registration/status/{declined.pk}/decline/")
    send_due_emails()

    declined.refresh_from_db()
    waiting.refresh_from_db()
    assert declined.status == Status.DECLINED
    assert waiting.status == Status.AWAITING_APPROVAL  # promoted into the seat, and awaiting approval in turn
    kinds = list(RegistrationEmail.objects.filter(registration=declined).values_list("kind", flat=True))
    assert kinds[-1] == RegistrationEmail.Kind.DECLINED


@pytest.fixture
def focal_point_course(programs_tree, amman):
    return make_event(
        programs_tree.program,
        capacity=5,
        approval=EventPage.Approval.FOCAL_POINT,
        seat_quotas=[organisation_quota(amman, 2, focal_point_email="focal@ammancity.example")],
    )


def _approval_links(message):
    found = re.findall(r"https?://\S+/programs/approval/\S+/(?:approve|decline)/", message.body)
    return {urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1]: urlsplit(link).path for link in found}


def test_the_focal_point_is_emailed_approve_and_decline_links(client, focal_point_course, amman):
    registration = _register(focal_point_course, "layla@example.org", amman)
    send_due_emails()

    (request,) = [message for message in mail.outbox if message.to == ["focal@ammancity.example"]]
    assert "ليلى أحمد" in request.body and "Layla Ahmad" in request.body
    paths = _approval_links(request)
    assert set(paths) == {"approve", "decline"}

    opened = client.get(paths["approve"])  # a mail scanner opening the link decides nothing
    registration.refresh_from_db()
    assert opened.status_code == 200 and registration.status == Status.AWAITING_APPROVAL
    assert "no-store" in opened["Cache-Control"]

    done = client.post(paths["approve"])
    send_due_emails()

    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert "تمت الموافقة على التسجيل" in done.content.decode()
    assert any(
        "الموافقة على التسجيل" in message.subject for message in mail.outbox if message.to == ["layla@example.org"]
    )


def test_the_focal_point_declines_and_the_registrant_is_told(client, focal_point_course, amman):
    registration = _register(focal_point_course, "layla@example.org", amman)
    send_due_emails()
    (request,) = [message for message in mail.outbox if message.to == ["focal@ammancity.example"]]

    client.post(_approval_links(request)["decline"])
    again = client.post(_approval_links(request)["approve"])
    send_due_emails()

    registration.refresh_from_db()
    assert registration.status == Status.DECLINED
    assert "لم يعد هذا التسجيل بانتظار الموافقة" in again.content.decode()
    declined = [message for message in mail.outbox if message.to == ["layla@example.org"]][-1]
    assert "لم تتم الموافقة" in declined.subject


def test_registrations_outside_a_focal_points_organisation_wait_for_the_coordinators(focal_point_course):
    registration = _register(focal_point_course, "other@example.org")
    send_due_emails()

    assert registration.status == Status.AWAITING_APPROVAL
    assert registration.approver_email == ""
    assert [message.to for message in mail.outbox] == [["other@example.org"]]


def test_a_tampered_approval_link_gets_a_clear_page(client, focal_point_course, amman):
    registration = _register(focal_point_course, "layla@example.org", amman)
    token = links.approval_token(registration)

    tampered = client.get(f"/ar/programs/approval/{token[:-2]}xx/approve/")
    wrong_decision = client.get(f"/ar/programs/approval/{token}/delete/")
    registrant_token = client.get(f"/ar/programs/approval/{links.registrant_page_token(registration)}/approve/")

    assert tampered.status_code == wrong_decision.status_code == registrant_token.status_code == 400
    assert "هذا الرابط غير صالح" in tampered.content.decode()


def test_the_registrants_page_shows_awaiting_approval_then_declined(client, focal_point_course, amman):
    registration = _register(focal_point_course, "layla@example.org", amman)
    path = f"/ar/programs/my-registration/{links.registrant_page_token(registration)}/"

    awaiting = client.get(path).content.decode()
    rules.decline(registration)
    declined = client.get(path).content.decode()

    assert "الحالة: بانتظار الموافقة" in awaiting
    assert "الحالة: مرفوض" in declined


def test_exports_show_the_new_statuses_in_the_coordinators_language(coordinator_client, focal_point_course, amman):
    _register(focal_point_course, "layla@example.org", amman)
    rules.decline(_register(focal_point_course, "second@example.org", amman))

    csv_text = b"".join(coordinator_client.get("/admin/programs_registration/?export=csv").streaming_content)

    text = csv_text.decode("utf-8-sig")
    assert "بانتظار الموافقة" in text and "مرفوض" in text
    assert "awaiting_approval" not in text and "declined" not in text


def test_the_course_edit_page_shows_the_seats_taken_in_each_quota(client, django_user_model, programs_tree, amman):
    course = make_event(
        programs_tree.program, capacity=10, seat_quotas=[organisation_quota(amman, 2), country_quota("JO", 8)]
    )
    _register(course, "amman@example.org", amman)
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "x"))

    page = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()

    assert "أمانة عمان الكبرى: 1 من 2 مقاعد مشغولة" in page
    assert "الأردن: 1 من 8 مقاعد مشغولة" in page


@pytest.mark.parametrize(
    ("quota", "field"),
    [
        (SeatQuota(kind=SeatQuota.Kind.ORGANISATION, seats=3), "organisation"),
        (SeatQuota(kind=SeatQuota.Kind.COUNTRY, seats=3), "country"),
        (
            SeatQuota(kind=SeatQuota.Kind.COUNTRY, country="JO", seats=3, focal_point_email="a@example.org"),
            "focal_point_email",
        ),
    ],
)
def test_a_quota_says_what_it_misses_beside_the_field(quota, field):
    with pytest.raises(ValidationError) as error:
        quota.clean()

    assert field in error.value.message_dict
