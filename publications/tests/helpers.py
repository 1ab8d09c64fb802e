"""Building publications for tests the way an editor would: PDFs made with fpdf2, pages published."""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from fpdf import FPDF
from wagtail.documents import get_document_model

from demo.pdfs import demo_pdf_path
from forum_site.localize import translate
from home.models import Topic
from publications.models import Author, PublicationAuthor, PublicationEdition, PublicationIndexPage, PublicationPage

LATIN_FONT = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")


def english_pdf(*pages):
    pdf = FPDF()
    pdf.add_font("body", fname=str(LATIN_FONT))
    pdf.set_font("body", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def document(content, filename="edition.pdf", title="Edition"):
    doc = get_document_model()(title=title)
    doc.file.save(filename, ContentFile(content), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def arabic_demo_document():
    path = demo_pdf_path("vlr-study", "ar")
    return document(path.read_bytes(), filename=path.name, title="Arabic edition")


def index_page(home):
    index = PublicationIndexPage(title="المنشورات", slug="publications")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def author(locale, name, kind=Author.Kind.ORGANISATION, family_name="", given_names=""):
    return Author.objects.create(locale=locale, name=name, kind=kind, family_name=family_name, given_names=given_names)


def publication(
    index,
    title,
    publication_type="study",
    date=datetime.date(2026, 1, 1),
    topics=(),
    languages=("ar",),
    authors=(),
    pdf_text="",
    **fields,
):
    page = PublicationPage(
        title=title,
        slug=fields.pop("slug", None) or f"pub-{PublicationPage.objects.count() + 1}",
        publication_type=publication_type,
        publication_date=date,
        abstract=fields.pop("abstract", "<p>Abstract</p>"),
        **fields,
    )
    page.publication_authors = [PublicationAuthor(author=a, locale=index.locale) for a in authors]
    page.editions = [
        PublicationEdition(
            language=language,
            document=document(english_pdf(pdf_text or f"{title} ({language})"), filename=f"{language}.pdf"),
        )
        for language in languages
    ]
    page.topics = list(Topic.objects.filter(locale=index.locale, slug__in=topics))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_all(*instances_with_english):
    """translate() each (instance, {arabic: english}) pair in order: snippets before the pages using them."""
    return [translate(instance, english) for instance, english in instances_with_english]


STUDY_AR = {
    "title": "المراجعة المحلية الطوعية",
    "subtitle": "مسار الإعداد",
    "authors": [("النصراوي", "سكينة"), ("خريسات", "أكرم")],
    "organisation": "أمانة عمان الكبرى",
    "publisher": "المنتدى العربي للمدن الذكية",
    "abstract": "ملخص الدراسة",
}
STUDY_EN = {
    "title": "The voluntary local review",
    "subtitle": "How it was prepared",
    "authors": [("Al-Nasrawi", "Sukaina"), ("Khraisat", "Akram")],
    "organisation": "Greater Amman Municipality",
    "publisher": "Arab Smart Cities Forum",
    "abstract": "Summary of the study",
}


def bilingual_study(index, slug="vlr", doi="10.5281/zenodo.1234567", translate_index=True):
    arabic = index.locale
    people = []
    for (family_ar, given_ar), (family_en, given_en) in zip(STUDY_AR["authors"], STUDY_EN["authors"], strict=True):
        person = author(arabic, f"{given_ar} {family_ar}", Author.Kind.PERSON, family_ar, given_ar)
        translate(person, {person.name: f"{given_en} {family_en}", family_ar: family_en, given_ar: given_en})
        people.append(person)
    organisation = author(arabic, STUDY_AR["organisation"])
    translate(organisation, {STUDY_AR["organisation"]: STUDY_EN["organisation"]})
    page = publication(
        index,
        STUDY_AR["title"],
        date=datetime.date(2026, 3, 2),
        languages=("ar", "en"),
        authors=[*people, organisation],
        topics=["sdgs-vlr"],
        subtitle=STUDY_AR["subtitle"],
        publisher=STUDY_AR["publisher"],
        doi=doi,
        slug=slug,
        abstract=f"<p>{STUDY_AR['abstract']}</p>",
    )
    if translate_index:
        translate(index, {"المنشورات": "Publications", "publications": "publications"})
    english = translate(page, {STUDY_AR[key]: STUDY_EN[key] for key in ("title", "subtitle", "publisher", "abstract")}
                        | {slug: slug})  # fmt: skip
    return {"ar": page, "en": english}
