"""Each PDF edition's first page becomes its cover, shown on the library's cards and the publication page."""

import io

from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from publications.models import PublicationEdition

from . import helpers


def pixels_of(image):
    with image.open_file() as handle:
        return PILImage.open(io.BytesIO(handle.read())).convert("L")


def test_each_pdf_edition_gets_its_first_page_as_a_portrait_cover(bilingual_study):
    editions = {edition.language: edition for edition in bilingual_study["ar"].editions.all()}

    assert editions["ar"].cover != editions["en"].cover
    for edition in editions.values():
        picture = pixels_of(edition.cover)
        assert picture.width == 640 and picture.height > picture.width
        darkest, lightest = picture.getextrema()
        assert lightest > 240 and darkest < 100, "the page's text is drawn on a white page"


def images_besides_the_home_pages():
    from home.models import HomePage

    return get_image_model().objects.exclude(pk__in=HomePage.objects.values("hero_image"))


def test_a_translation_shares_the_covers_instead_of_rendering_them_again(bilingual_study):
    arabic, english = bilingual_study["ar"], bilingual_study["en"]

    covers_of = lambda page: {e.language: e.cover_id for e in page.editions.all()}  # noqa: E731
    assert covers_of(english) == covers_of(arabic)
    assert images_besides_the_home_pages().count() == 2


def test_each_language_shows_the_cover_of_its_own_edition(client, bilingual_study):
    for language, page in bilingual_study.items():
        own = page.editions.get(language=language).cover
        html = client.get(page.url).content.decode()

        assert own.get_rendition("width-320|format-webp").url in html
        index_html = client.get(page.get_parent().url).content.decode()
        assert own.get_rendition("fill-240x320|format-webp").url in index_html


def test_a_cover_chosen_by_the_editors_wins(client, bilingual_study):
    page = bilingual_study["ar"]
    chosen = page.editions.get(language="en").cover
    page.cover_image = chosen
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert chosen.get_rendition("width-320|format-webp").url in html


def test_a_document_in_a_restricted_collection_gets_no_cover(publication_index):
    private = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = helpers.document(helpers.english_pdf("Internal draft"), filename="draft.pdf")
    document.collection = private
    document.save()

    edition = PublicationEdition(page=helpers.publication(publication_index, "مسودة"), language="en", document=document)
    edition.save()

    assert edition.cover is None
    assert edition.cover_from == document.pk


def test_a_document_that_is_not_a_pdf_gets_no_cover_and_no_error(publication_index):
    page = helpers.publication(publication_index, "جدول")
    spreadsheet = helpers.document(b"a,b\n1,2\n", filename="table.csv")

    edition = PublicationEdition(page=page, language="ar", document=spreadsheet)
    edition.save()

    assert edition.cover is None


def test_the_command_renders_the_covers_editions_saved_before_covers_existed(bilingual_study):
    from django.core.management import call_command

    PublicationEdition.objects.update(cover=None, cover_from=None)
    output = io.StringIO()

    call_command("render_publication_covers", stdout=output)

    assert "4/4 editions" in output.getvalue()
    assert not PublicationEdition.objects.filter(cover=None).exists()
    assert images_besides_the_home_pages().count() == 2 + 2  # the two old images remain, two are rendered again
