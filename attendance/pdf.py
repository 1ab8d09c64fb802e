"""The certificate of attendance as a PDF: A4 landscape, Arabic on the right and English on the left.

fpdf2 with uharfbuzz shapes the Arabic (joined letters, right to left) with fonts kept in attendance/fonts/,
so it installs with pip alone: no Pango, Cairo or fonts from the system.
"""

import logging
from decimal import Decimal
from pathlib import Path

from django.utils import timezone, translation
from django.utils.formats import date_format
from fpdf import FPDF

from .codes import qr_png

# fontTools reports every subset it makes at INFO: one line per glyph list, per font, per certificate.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONTS = Path(__file__).resolve().parent / "fonts"
PAGE_WIDTH, PAGE_HEIGHT = 297, 210
MARGIN = 18
COLUMN_GAP = 14
COLUMN_WIDTH = (PAGE_WIDTH - 2 * MARGIN - COLUMN_GAP) / 2
INK = (26, 54, 93)
MUTED = (80, 80, 80)
ACCENT = (176, 137, 54)


def hours_text(hours, language):
    hours = Decimal(hours).normalize()
    number = f"{hours:f}"
    if language == "ar":
        return f"{number} ساعة تدريبية"
    return f"{number} training hour" + ("" if hours == 1 else "s")


def date_range(start, end, language):
    """ "on 3 March 2026" or "from 1 March 2026 to 3 March 2026", in words (the Arabic font has no dash)."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    with translation.override(language):
        first, last = date_format(start, "j F Y"), date_format(end, "j F Y")
    if start.date() == end.date():
        return f"في {first}" if language == "ar" else f"on {first}"
    return f"من {first} إلى {last}" if language == "ar" else f"from {first} to {last}"


def has_arabic(text):
    return any("\u0600" <= character <= "\u06ff" for character in text)


class CertificatePDF(FPDF):
    """Every line is either Arabic or English and has the page's width to itself: text put side by side on one
    baseline is read back by PDF readers (copying, screen readers, search) as one mixed-up line."""

    def __init__(self):
        super().__init__(orientation="landscape", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.add_font("naskh", fname=str(FONTS / "NotoNaskhArabic-Regular.ttf"))
        self.add_font("naskh", style="B", fname=str(FONTS / "NotoNaskhArabic-Bold.ttf"))
        self.add_font("sans", fname=str(FONTS / "NotoSans-Regular-latin.ttf"))
        self.add_font("sans", style="B", fname=str(FONTS / "NotoSans-Bold-latin.ttf"))

    def arabic(self, text, size, *, bold=False, colour=INK, height=None, x=None, width=None, align="C"):
        self.set_text_shaping(True, direction="rtl", script="arab", language="ara")
        self._line("naskh", text, size, bold, colour, height or size * 0.6, x, width, align)

    def english(self, text, size, *, bold=False, colour=INK, height=None, x=None, width=None, align="C"):
        self.set_text_shaping(True, direction="ltr", script="latn", language="eng")
        self._line("sans", text, size, bold, colour, height or size * 0.55, x, width, align)

    def _line(self, family, text, size, bold, colour, height, x, width, align):
        if not text:
            return
        self.set_font(family, style="B" if bold else "", size=size)
        self.set_text_color(*colour)
        self.set_x(MARGIN if x is None else x)
        width = PAGE_WIDTH - 2 * MARGIN if width is None else width
        self.multi_cell(width, height, text, align=align, new_x="LMARGIN", new_y="NEXT")


def build_certificate_pdf(certificate, verification_url):
    """The certificate as PDF bytes."""
    title_ar, title_en = certificate.course_title_arabic, certificate.course_title_english
    workshop = certificate.course_kind == certificate.Kind.WORKSHOP
    dates_ar = date_range(certificate.course_starts_at, certificate.course_ends_at, "ar")
    dates_en = date_range(certificate.course_starts_at, certificate.course_ends_at, "en")

    pdf = CertificatePDF()
    pdf.set_title(f"شهادة حضور / Certificate of attendance {certificate.number}")
    pdf.set_author("المنتدى العربي للمدن الذكية / Arab Smart Cities Forum")
    pdf.set_lang("ar")
    pdf.set_creator("Arab Smart Cities Forum")
    pdf.add_page()

    # A double frame.
    pdf.set_draw_color(*INK)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, PAGE_WIDTH - 16, PAGE_HEIGHT - 16)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.4)
    pdf.rect(11, 11, PAGE_WIDTH - 22, PAGE_HEIGHT - 22)

    pdf.set_y(15)
    pdf.arabic("المنتدى العربي للمدن الذكية", 14, bold=True, height=8)
    pdf.english("Arab Smart Cities Forum", 11, bold=True, colour=MUTED, height=6)
    pdf.ln(2)
    pdf.arabic("شهادة حضور", 28, bold=True, colour=ACCENT, height=15)
    pdf.english("Certificate of Attendance", 18, bold=True, colour=ACCENT, height=9)

    # The Arabic avoids gendered verbs ("بحضور" rather than "حضر/حضرت"): it suits every holder.
    kind_ar = "ورشة العمل" if workshop else "الدورة التدريبية"
    kind_en = "the workshop" if workshop else "the training course"
    pdf.ln(3)
    pdf.arabic("يشهد المنتدى العربي للمدن الذكية بحضور", 12, colour=MUTED, height=7)
    pdf.arabic(certificate.name_arabic, 20, bold=True, height=11)
    pdf.arabic(f"{kind_ar} «{title_ar}»", 15, bold=True, height=9)
    pdf.arabic(f"المنعقدة {dates_ar}، بواقع {hours_text(certificate.hours, 'ar')}", 11, colour=MUTED, height=7)

    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.3)
    pdf.line(PAGE_WIDTH / 2 - 40, pdf.get_y() + 2, PAGE_WIDTH / 2 + 40, pdf.get_y() + 2)
    pdf.ln(4)

    pdf.english("The Arab Smart Cities Forum certifies the attendance of", 10.5, colour=MUTED, height=6)
    pdf.english(certificate.name_latin, 17, bold=True, height=9)
    if has_arabic(title_en):  # the course has no English translation: its Arabic title, on a line of its own
        pdf.english(f"at {kind_en}", 12.5, bold=True, height=7)
        pdf.arabic(f"«{title_en}»", 12.5, bold=True, height=7)
    else:
        pdf.english(f"at {kind_en} “{title_en}”", 12.5, bold=True, height=7)
    pdf.english(f"held {dates_en}, {hours_text(certificate.hours, 'en')}", 10, colour=MUTED, height=6)

    # The foot: the signatory on the right, the QR code on the left, the number and address under both.
    foot = 148
    if certificate.signatory_name_arabic or certificate.signatory_name_latin:
        box = 95
        x = PAGE_WIDTH - MARGIN - box
        pdf.set_draw_color(*MUTED)
        pdf.line(x + 10, foot, x + box - 10, foot)
        pdf.set_y(foot + 1)
        pdf.arabic(certificate.signatory_name_arabic, 11.5, bold=True, height=6.5, x=x, width=box)
        pdf.arabic(certificate.signatory_title_arabic, 9.5, colour=MUTED, height=5.5, x=x, width=box)
        pdf.english(certificate.signatory_name_latin, 9.5, bold=True, height=5, x=x, width=box)
        pdf.english(certificate.signatory_title_english, 8, colour=MUTED, height=4.5, x=x, width=box)

    qr_size = 30
    pdf.image(
        qr_png(verification_url, scale=6), x=MARGIN + 4, y=foot - 8, w=qr_size, h=qr_size, alt_text=verification_url
    )
    pdf.set_y(PAGE_HEIGHT - 27)
    # The number is in Latin letters: it goes on the English line, where the font has them.
    pdf.arabic("يمكن التحقق من هذه الشهادة بمسح الرمز أو على العنوان أدناه", 9, colour=MUTED, height=5)
    pdf.english(f"Certificate no. {certificate.number} · Verify at {verification_url}", 8, colour=MUTED, height=4.5)
    return bytes(pdf.output())
