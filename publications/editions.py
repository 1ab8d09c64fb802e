"""A publication's language editions taken together: each live translation of the page is one edition of the
work, and the edition in the site's first language (Arabic) is the original the others translate."""

from dataclasses import dataclass, field

from django.conf import settings

from forum_site.localize import public_pages


def original_of(pages):
    """The edition a publication was first written in: the one in the site's first language, when it exists."""
    pages = list(pages)
    return next((page for page in pages if page.locale.language_code == settings.LANGUAGE_CODE), pages[0])


@dataclass
class LinkedEdition:
    """Another language edition of the publication a page shows: where it is and in which language."""

    page: object  # a PublicationPage
    url: str

    @property
    def language(self):
        return self.page.locale.language_code


@dataclass
class EditionLinks:
    """How one edition relates to the others: the original has translations, a translation has its original."""

    translations: list = field(default_factory=list)
    original: LinkedEdition | None = None

    @property
    def others(self):
        return [self.original] if self.original else self.translations


def other_editions(page):
    """The page's translations the public may see, in one query."""
    return list(
        public_pages(type(page), locale=None)
        .filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
        .order_by("pk")
    )


def edition_links(page, others, request):
    others = list(others)
    if not others:
        return EditionLinks()
    original = original_of([page, *others])
    links = [LinkedEdition(other, request.build_absolute_uri(other.get_url(request))) for other in others]
    if original.pk == page.pk:
        return EditionLinks(translations=links)
    return EditionLinks(original=next(link for link in links if link.page.pk == original.pk))


@dataclass
class Work:
    """A publication as harvesters see it: its live editions, the original first."""

    pages: list

    @property
    def original(self):
        return self.pages[0]

    @property
    def translations(self):
        return self.pages[1:]


def authors_of(page):
    """The page's authors in title-page order, from its prefetched rows."""
    return [row.author for row in page.publication_authors.all()]
