from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from attendance.checkin import mark_attendance
from attendance.models import AttendanceLog, CertificateSettings
from conftest import built_for_module, for_this_test
from demo.bilingual import Bilingual
from forum_site.localize import translate
from programs.tests import conftest as programs_fixtures
from programs.tests.conftest import make_event, registrant

# The programs tests' fixtures, for these tests too.
programs_tree = programs_fixtures.programs_tree
programs_tree_of_module = programs_fixtures.programs_tree_of_module
coordinator = programs_fixtures.coordinator
editor = programs_fixtures.editor
course = programs_fixtures.course
course_of_module = programs_fixtures.course_of_module

# Rendered certificates for a person to look at (gitignored).
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "certificates"


@pytest.fixture
def signatory(db):
    settings = CertificateSettings.load()
    settings.signatory_name_arabic = "بدر وائل العجيل العسكر"
    settings.signatory_name_latin = "Badr Wael Al-Ajeel Al-Askar"
    settings.signatory_title_arabic = "الأمين العام لمنظمة المدن العربية"
    settings.signatory_title_english = "Secretary-General, Arab Towns Organization"
    settings.save()
    return settings


@pytest.fixture(scope="module")
def past_course_of_module(request, programs_tree_of_module):
    return built_for_module(request, "past_course", a_past_course, programs_tree_of_module)


@pytest.fixture
def past_course(past_course_of_module, programs_tree):
    """A course that took place last week, over three days, with registration long closed."""
    return for_this_test(past_course_of_module, a_past_course, programs_tree)


def a_past_course(programs_tree):
    now = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    start = now - timedelta(days=9)
    t = Bilingual()
    event = make_event(
        programs_tree.program,
        english=False,
        title=t("نظم المعلومات الجغرافية والعنونة", "GIS and addressing"),
        slug=t("نظم-المعلومات-الجغرافية", "gis-and-addressing"),
        summary=t("تسمية الشوارع وترقيم المباني.", "Street naming and building numbering."),
        start_at=start,
        end_at=start + timedelta(days=2, hours=6),
        registration_opens_at=start - timedelta(days=30),
        registration_closes_at=start - timedelta(days=1),
    )
    translate(event, t.english)
    return event


def register_past(event, **details):
    """A confirmed registration for an event whose registration has closed (as coordinators find them later)."""
    from programs.models import Registration

    data = registrant(**details)
    return Registration.objects.create(
        event=event.source_event,
        status=Registration.Status.CONFIRMED,
        consented_at=timezone.now(),
        language=data.pop("language", "ar"),
        **data,
    )


@pytest.fixture
def attendee(past_course):
    registration = register_past(past_course)
    mark_attendance([registration], True, method=AttendanceLog.Method.LIST)
    registration.refresh_from_db()
    return registration
