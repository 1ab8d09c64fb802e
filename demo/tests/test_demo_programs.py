import pytest

from demo import programs as demo_content
from demo.partners import load_organisations
from partners.models import PartnerOrganisation
from programs.models import EventPage, Registration, TrainingCoursePage, WorkshopPage

pytestmark = pytest.mark.django_db


def test_demo_content_has_courses_and_workshops_in_both_languages(demo_site):

    assert TrainingCoursePage.objects.filter(locale__language_code="ar").count() == 3
    assert WorkshopPage.objects.filter(locale__language_code="ar").count() == 3
    assert EventPage.objects.filter(locale__language_code="en").count() == 6
    assert Registration.objects.filter(status=Registration.Status.WAITLISTED).exists()


def test_demo_content_loads_twice_without_duplicates(demo_site):
    counts = (EventPage.objects.count(), PartnerOrganisation.objects.count(), Registration.objects.count())

    assert demo_content.load() == 0
    assert (EventPage.objects.count(), PartnerOrganisation.objects.count(), Registration.objects.count()) == counts


def test_demo_content_reuses_partner_organisations_made_by_name(site_tree):
    from wagtail.models import Locale

    existing = PartnerOrganisation.objects.create(
        locale=Locale.objects.get(language_code="ar"), name="أمانة عمان الكبرى", kind="municipality"
    )

    # Every app's demo content gets its organisations here.
    load_organisations(existing.locale)

    assert PartnerOrganisation.objects.filter(locale=existing.locale, name="أمانة عمان الكبرى").count() == 1


def test_demo_content_has_a_course_with_quotas_and_registrations_in_every_state(demo_site):
    from programs.models import SeatBook

    course = TrainingCoursePage.objects.get(locale__language_code="ar", slug="منصات-بيانات-المدينة-الذكية")
    book = SeatBook(course)

    assert {quota.label: (book.taken_in[quota.pk], quota.seats) for quota in book.quotas} == {
        "أمانة عمان الكبرى": (10, 10),
        "سلطة إقليم البترا التنموي السياحي": (2, 5),
        "الأردن": (12, 20),
    }
    statuses = set(Registration.objects.filter(event=course).values_list("status", flat=True))
    assert statuses == {"confirmed", "awaiting_approval", "waitlisted", "declined", "cancelled"}
    english = TrainingCoursePage.objects.get(locale__language_code="en", translation_key=course.translation_key)
    assert english.approval == "focal_point"
    assert english.quota_organisations() == {
        quota.organisation_id: name
        for quota, name in zip(
            book.quotas[:2],
            ["Greater Amman Municipality", "Petra Development and Tourism Region Authority"],
            strict=True,
        )
    }
