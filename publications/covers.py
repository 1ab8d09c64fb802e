"""Each PDF edition's cover: its first page, rendered once when the PDF is chosen, kept as a Wagtail image.

The image is shared by every edition that holds the same document: a translation's copy of the editions
renders nothing again (`PublicationEdition.render_cover`). A document in a collection with a view restriction
gets no cover: images are served without a check, and the cover would show what the restriction hides.
"""

import io
import logging

import pypdfium2
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

logger = logging.getLogger(__name__)

# Wide enough for the publication page's cover (320 px) at twice the pixel density.
COVER_WIDTH = 640


def first_page_png(document):
    """The first page of the document's PDF as PNG bytes, COVER_WIDTH pixels wide, or None."""
    if not document.filename.lower().endswith(".pdf"):
        return None
    try:
        with document.open_file() as handle:
            pdf = pypdfium2.PdfDocument(handle.read())
        try:
            page = pdf[0]
            bitmap = page.render(scale=COVER_WIDTH / page.get_width())
            image = bitmap.to_pil().convert("RGB")
        finally:
            pdf.close()
    except (pypdfium2.PdfiumError, OSError, ValueError, IndexError) as error:
        logger.warning("Could not render the first page of document %s: %s", document.pk, error)
        return None
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def is_restricted(document):
    return document.collection.get_view_restrictions().exists()


def render_cover(document):
    """A new cover image for `document`, in the document's collection, or None (no PDF, or restricted)."""
    if is_restricted(document):
        return None
    png = first_page_png(document)
    if png is None:
        return None
    image = get_image_model()(title=document.title, collection=document.collection)
    image.file = ImageFile(io.BytesIO(png), name=f"cover-{document.pk}.png")
    image.save()
    return image
