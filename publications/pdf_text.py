import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)

# Enough for any study's full text; a scanned 500-page annex is not worth indexing whole.
MAX_TEXT_CHARS = 500_000


def read_pdf(document):
    """(page count, text) of a Wagtail document's PDF, or (None, "") when it is not a readable PDF."""
    if not document.filename.lower().endswith(".pdf"):
        return None, ""
    try:
        with document.open_file() as handle:
            reader = PdfReader(handle)
            pages = len(reader.pages)
            text = []
            for page in reader.pages:
                text.append(page.extract_text() or "")
                if sum(len(chunk) for chunk in text) > MAX_TEXT_CHARS:
                    break
    except (PdfReadError, OSError, ValueError) as error:
        logger.warning("Could not read the PDF of document %s: %s", document.pk, error)
        return None, ""
    return pages, " ".join(" ".join(text).split())[:MAX_TEXT_CHARS]
