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
