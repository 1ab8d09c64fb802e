"""The certificate's PDF: Arabic shaped and in logical order when its text is extracted, English beside it."""

import io
import re

import pypdfium2
import pytest
from pypdf import PdfReader

from attendance.certificates import issue_certificates, verification_url
from attendance.pdf import build_certificate_pdf
from programs.models import Registration

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(attendee, signatory):
    issue_certificates(Registration.objects.filter(pk=attendee.pk), send_email=False)
    return attendee.certificates.get()


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdfium_text(data):
    document = pypdfium2.PdfDocument(data)
    return document[0].get_textpage().get_text_range()


def test_the_pdf_is_one_a4_landscape_page(certificate):
    reader = PdfReader(io.BytesIO(build_certificate_pdf(certificate, verification_url(certificate))))

    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape, in points


def test_arabic_words_come_out_whole_and_in_logical_order(certificate):
    text = pdfium_text(build_certificate_pdf(certificate, verification_url(certificate)))

    # Whole words in reading order (not reversed, not split into isolated letters).
    for phrase in (
        "ليلى أحمد",
        "شهادة حضور",
        "المنتدى العربي للمدن الذكية",
        "نظم المعلومات الجغرافية والعنونة",
        "بدر وائل العجيل العسكر",
        "الأمين العام لمنظمة المدن العربية",
    ):
        assert phrase in text, phrase
    assert "ىليل" not in text  # a name reversed letter by letter


def test_english_and_the_facts_are_there(certificate):
    data = build_certificate_pdf(certificate, verification_url(certificate))
    text = pdfium_text(data)

    for phrase in (
        "Certificate of Attendance",
        "Layla Ahmad",
        "GIS and addressing",
        "Badr Wael Al-Ajeel Al-Askar",
        certificate.number,
        verification_url(certificate),
    ):
        assert phrase in text, phrase
    assert re.search(r"18 training hours", text)
    assert "18 ساعة تدريبية" in text


def test_a_course_without_english_translation_gives_its_arabic_title_on_the_english_side(programs_tree, signatory):
    from attendance.checkin import mark_attendance
    from attendance.models import AttendanceLog

    from .conftest import make_event, register_past

    event = make_event(programs_tree.program, english=False, title="ورشة الأمن السيبراني للبلديات")
    registration = register_past(event, email="omar@example.org", name_arabic="عمر خالد", name_latin="Omar Khaled")
    mark_attendance([registration], True, method=AttendanceLog.Method.LIST)
    issue_certificates(Registration.objects.filter(pk=registration.pk), hours=6, send_email=False)
    certificate = registration.certificates.get()

    text = pdfium_text(build_certificate_pdf(certificate, verification_url(certificate)))

    assert text.count("ورشة الأمن السيبراني للبلديات") == 2
    assert "Omar Khaled" in text
    assert "6 training hours" in text


def test_the_first_page_renders_to_png_for_a_visual_check(certificate):
    data = build_certificate_pdf(certificate, verification_url(certificate))
    page = pypdfium2.PdfDocument(data)[0]
    image = page.render(scale=2).to_pil()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image.save(ARTIFACTS / "certificate-page-1.png")

    width, height = image.size
    assert width > height  # landscape
    # Not blank: the ink covers a fair share of the page.
    histogram = image.convert("L").histogram()
    dark = sum(histogram[:200])
    assert dark > 0.01 * image.size[0] * image.size[1]
