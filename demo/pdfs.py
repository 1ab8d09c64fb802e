"""The demo publications' PDFs, made with fpdf2: `python -m demo.pdfs` writes demo/files/*.pdf.

Arabic needs fpdf2's text shaping (joined letters, right to left), which needs the uharfbuzz package. The
site does not depend on it: the PDFs are generated once and committed, and the demo content reads them.
"""

from pathlib import Path

DEMO_FILES = Path(__file__).resolve().parent / "files"
FONTS = Path("/usr/share/fonts/truetype/noto")
ARABIC_FONT = FONTS / "NotoNaskhArabic-Regular.ttf"
ARABIC_BOLD_FONT = FONTS / "NotoNaskhArabic-Bold.ttf"
LATIN_FONT = FONTS / "NotoSans-Regular.ttf"

VLR_STUDY = {
    "ar": (
        "عمّان نحو مراجعتها المحلية الطوعية الثانية",
        "دراسة في مسار الإعداد",
        [
            (
                "المقدمة",
                [
                    "أطلقت عمّان عام 2022 أول مراجعة محلية طوعية في المنطقة العربية بالتعاون مع موئل الأمم المتحدة "
                    "والإسكوا والمدن المتحدة والحكومات المحلية في الشرق الأوسط وغرب آسيا.",
                    "وهي اليوم أول مدينة عربية تعدّ مراجعتها الثانية، وتقيس تقدمها مقابل الخطة الحضرية الجديدة "
                    "وأهداف التنمية المستدامة.",
                ],
            ),
            (
                "منهجية الإعداد",
                [
                    "عقدت أمانة عمان الكبرى ورشة تحضيرية مع الإسكوا وموئل الأمم المتحدة ضمن مشروع المرونة الاقتصادية "
                    "الحضرية للاستجابة الشاملة والتعافي من الأزمات.",
                    "جمع المرصد الحضري مؤشرات من اثنتين وأربعين دائرة بلدية، وراجعها فريق المراجعة المحلية الطوعية.",
                ],
            ),
            (
                "الخلاصة",
                [
                    "يرتبط إصدار المراجعة الثانية بيوم مدينة عمّان في الثاني من آذار، ويقدّم نموذجاً للمدن العربية.",
                ],
            ),
        ],
    ),
    "en": (
        "Amman towards its second Voluntary Local Review",
        "A study of the preparation process",
        [
            (
                "Introduction",
                [
                    "In 2022 Amman launched the first Voluntary Local Review in the Arab region, with UN-Habitat, "
                    "UN-ESCWA and UCLG Middle East and West Asia.",
                    "It is now the first Arab city to prepare a second review, measuring its progress against the New "
                    "Urban Agenda and the Sustainable Development Goals.",
                ],
            ),
            (
                "How the review is prepared",
                [
                    "The Greater Amman Municipality held a preparatory workshop with UN-ESCWA and UN-Habitat under the "
                    "project Urban economic resilience for inclusive responses and recovery from crises.",
                    "The urban observatory collected indicators from forty-two municipal departments, which the "
                    "Voluntary Local Review team then checked.",
                ],
            ),
            (
                "Conclusion",
                ["The second review is due for release on Amman's City Day, 2 March, as a model for Arab cities."],
            ),
        ],
    ),
}

STRATEGY_GUIDE = {
    "ar": (
        "دليل إعداد استراتيجية المدينة الذكية",
        "للبلديات العربية",
        [
            (
                "لماذا استراتيجية؟",
                [
                    "تحتاج البلدية إلى رؤية واضحة قبل شراء التقنيات، "
                    "تربط التحول الرقمي بخدمات المواطنين وأولويات المدينة.",
                ],
            ),
            (
                "خطوات الإعداد",
                [
                    "تبدأ الاستراتيجية بتقييم الجاهزية الرقمية، ثم تحديد الأولويات مع السكان والشركاء.",
                    "وتشمل الخدمات الإلكترونية وتسمية الشوارع وترقيم المباني ونظم المعلومات الجغرافية.",
                    "تُقاس النتائج بمؤشرات أداء منشورة تراجعها لجنة التحول الرقمي في البلدية كل ستة أشهر.",
                ],
            ),
        ],
    ),
    "en": (
        "A guide to preparing a smart city strategy",
        "for Arab municipalities",
        [
            (
                "Why a strategy?",
                [
                    "A municipality needs a clear vision before buying technology, one that ties digital "
                    "transformation to citizens' services and the city's priorities.",
                ],
            ),
            (
                "Steps",
                [
                    "A strategy starts with a digital readiness assessment, then sets priorities with residents and "
                    "partners.",
                    "It covers e-services, street naming and building numbering, and geographic information systems.",
                    "Results are measured by published performance indicators that the municipal digital "
                    "transformation committee reviews every six months.",
                ],
            ),
        ],
    ),
}

CONFERENCE_PROCEEDINGS = {
    "ar": (
        "وقائع المؤتمر العام الثامن عشر لمنظمة المدن العربية",
        "تنمية مستدامة.. وشراكة أقوى",
        [
            (
                "اليوم الأول: رؤية عالمية للاستدامة",
                [
                    "افتُتح المؤتمر العام الثامن عشر والدورة السادسة والخمسون للمجلس التنفيذي في عمّان بمشاركة وفود "
                    "العواصم والبلديات العربية، ومنها بلدية مسقط.",
                ],
            ),
            (
                "اليوم الثاني: تحقيق التنمية المستدامة عبر الشراكات",
                [
                    "ناقشت ورشة الذكاء الاصطناعي وإنترنت الأشياء للمدن المستدامة تجارب المعهد العربي لإنماء المدن "
                    "ومركز البيئة للمدن العربية.",
                    "وتناولت ورشة إدارة المعرفة والمعلوماتية في المدينة العربية دور مجموعة العمل الثقافي للمدن "
                    "العربية والمنتدى العربي للمدن الذكية.",
                    "ووقّعت عمّان على الانضمام إلى مجتمع قادة التنقل الحضري المستدام.",
                ],
            ),
        ],
    ),
}

PUBLICATIONS = {
    "vlr-study": VLR_STUDY,
    "smart-city-strategy-guide": STRATEGY_GUIDE,
    "18th-general-conference-proceedings": CONFERENCE_PROCEEDINGS,
}


def build_pdf(language, title, subtitle, sections):
    # fpdf2 is a test and tooling dependency: loading the demo content reads the committed PDFs without it.
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("Arab Smart Cities Forum")
    pdf.set_margins(20, 20, 20)
    if language == "ar":
        pdf.add_font("body", fname=str(ARABIC_FONT))
        pdf.add_font("body", style="B", fname=str(ARABIC_BOLD_FONT))
        pdf.set_text_shaping(True, direction="rtl", script="arab", language="ara")
        align = "R"
    else:
        pdf.add_font("body", fname=str(LATIN_FONT))
        pdf.add_font("body", style="B", fname=str(LATIN_FONT))
        align = "L"
    pdf.add_page()
    pdf.set_font("body", style="B", size=22)
    pdf.multi_cell(0, 14, title, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=15)
    pdf.multi_cell(0, 10, subtitle, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=11)
    publisher = "المنتدى العربي للمدن الذكية" if language == "ar" else "Arab Smart Cities Forum"
    pdf.multi_cell(0, 8, publisher, align=align, new_x="LMARGIN", new_y="NEXT")
    for heading, paragraphs in sections:
        pdf.add_page()
        pdf.set_font("body", style="B", size=16)
        pdf.multi_cell(0, 12, heading, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("body", size=12)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 8, paragraph, align=align, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    return bytes(pdf.output())


def demo_pdf_path(key, language):
    return DEMO_FILES / f"{key}-{language}.pdf"


def main():
    DEMO_FILES.mkdir(exist_ok=True)
    for key, editions in PUBLICATIONS.items():
        for language, (title, subtitle, sections) in editions.items():
            path = demo_pdf_path(key, language)
            path.write_bytes(build_pdf(language, title, subtitle, sections))
            print(path, path.stat().st_size)


if __name__ == "__main__":
    main()
