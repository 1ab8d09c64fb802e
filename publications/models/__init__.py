"""The library's models: the publications with their authors and editions, and the index page that lists them
(apart, so that the listing's code reads publications without the index page importing it back)."""

from .index import PublicationIndexPage
from .publication import (
    EDITION_LANGUAGES,
    Author,
    EditionDownloads,
    PublicationAuthor,
    PublicationEdition,
    PublicationPage,
    PublicationRelatedPage,
    PublicationType,
)
from .records import HarvestRecord

__all__ = [
    "EDITION_LANGUAGES",
    "Author",
    "EditionDownloads",
    "HarvestRecord",
    "PublicationAuthor",
    "PublicationEdition",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationRelatedPage",
    "PublicationType",
]
