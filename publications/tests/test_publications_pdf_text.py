"""An edition's PDF is read when it is saved: its page count is shown and its text makes the publication findable."""

import pytest

from publications.models import PublicationPage

from . import helpers

pytestmark = pytest.mark.django_db

ONLY_IN_PDF = "periurban groundwater telemetry"


def test_saving_an_edition_reads_page_count_and_text_of_its_pdf(publication_index):
    page = helpers.publication(publication_index, "دراسة", pdf_text=f"Chapter one on {ONLY_IN_PDF}.")

    edition = page.editions.get()

    assert edition.page_count == 1
    assert ONLY_IN_PDF in edition.extracted_text


def test_page_count_counts_every_page_of_the_pdf(publication_index):
    doc = helpers.document(helpers.english_pdf("one", "two", "three"))
    page = helpers.publication(publication_index, "دراسة")
    edition = page.editions.get()
    edition.document = doc
    edition.save()

    edition.refresh_from_db()
    assert edition.page_count == 3


def test_publication_is_found_by_a_phrase_only_in_its_pdf(publication_index):
    helpers.publication(publication_index, "دراسة المياه", pdf_text=f"The annex covers {ONLY_IN_PDF} in Amman.")
    helpers.publication(publication_index, "دراسة أخرى", pdf_text="Nothing relevant here.")

    results = PublicationPage.objects.live().search(ONLY_IN_PDF)

    assert [page.title for page in results] == ["دراسة المياه"]


def test_publication_is_found_by_arabic_text_only_in_its_pdf(publication_index):
    page = helpers.publication(publication_index, "مراجعة")
    edition = page.editions.get()
    edition.document = helpers.arabic_demo_document()
    edition.language = "ar"
    edition.save()
    page.save_revision().publish()

    results = PublicationPage.objects.live().search("المرصد الحضري")

    assert [result.pk for result in results] == [page.pk]


def test_a_document_that_is_not_a_readable_pdf_is_saved_without_text(publication_index):
    page = helpers.publication(publication_index, "دراسة")
    edition = page.editions.get()
    edition.document = helpers.document(b"not a pdf at all", filename="broken.pdf")
    edition.save()

    edition.refresh_from_db()
    assert edition.page_count is None
    assert edition.extracted_text == ""


def test_extracted_text_is_not_an_editable_field_of_the_admin_form():
    from publications.models import PublicationEdition

    assert not PublicationEdition._meta.get_field("extracted_text").editable
