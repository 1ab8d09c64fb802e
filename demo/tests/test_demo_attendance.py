import pytest

from attendance.models import AttendanceLog, Certificate, CertificateSettings
from demo import attendance as demo_attendance
from programs.models import Registration

pytestmark = pytest.mark.django_db


def test_the_demo_has_checked_in_delegates_and_their_certificates(demo_site, client):
    certificates = Certificate.objects.filter(revoked_at__isnull=True)

    assert certificates.count() == 6
    assert AttendanceLog.objects.filter(method="scanned").count() == 5
    assert Registration.objects.filter(event__slug=demo_attendance.WORKSHOP_SLUG, attended=False).count() == 2
    assert CertificateSettings.load().signatory_name_latin == "Badr Wael Al-Ajeel Al-Askar"
    number = certificates.get(name_latin="Yousef Al-Maamari").number
    page = client.get(f"/en/certificates/{number}/")
    assert "This certificate is valid." in page.content.decode()
    assert "AI and the Internet of Things for sustainable cities" in page.content.decode()


def test_loading_the_demo_again_changes_nothing(demo_site):
    counts = (Registration.objects.count(), Certificate.objects.count(), AttendanceLog.objects.count())

    assert demo_attendance.load() == 0
    assert (Registration.objects.count(), Certificate.objects.count(), AttendanceLog.objects.count()) == counts
