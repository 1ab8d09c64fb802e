import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.db.models.functions import Substr
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from forum_site.locales import language_code_of
from forum_site.localize import in_locale, visible_in_locale
from forum_site.models import BasePage
from home.models import TopicsMixin
from partners.models import MoULinkMixin

from .. import citation, covers, csl, datacite, editions
from ..pdf_text import read_pdf

EDITION_LANGUAGES = [("ar", _("Arabic")), ("en", _("English")), ("fr", _("French"))]
# How much of a PDF a search result's snippet is looked for in: the start of a long study, not all of it.
SEARCH_SNIPPET_SOURCE_CHARS = 20_000


class Author(TranslatableMixin, models.Model):
    """A person or an organisation credited with a publication, in the order the publication lists them."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")

    name = models.CharField(_("name"), max_length=200, help_text=_("As shown on the page, e.g. Eng. Akram Khraisat."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    family_name = models.CharField(
        _("family name"), max_length=120, blank=True, help_text=_("For people: used in citations.")
    )
    given_names = models.CharField(
        _("given names"), max_length=120, blank=True, help_text=_("For people: used in citations.")
    )
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("given_names"), FieldPanel("family_name")]),
        FieldPanel("affiliation"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.kind == self.Kind.PERSON and not self.family_name:
            raise ValidationError({"family_name": _("A person needs a family name for citations.")})

    @property
    def is_person(self):
        return self.kind == self.Kind.PERSON and bool(self.family_name)


class PublicationType(models.TextChoices):
    STUDY = "study", _("Study")
    REPORT = "report", _("Report")
    POLICY_BRIEF = "policy_brief", _("Policy brief")
    GUIDE = "guide", _("Guide")
    PROCEEDINGS = "proceedings", _("Conference proceedings")
    VLR = "vlr", _("Voluntary local review")


class PublicationPage(RoutablePageMixin, TopicsMixin, MoULinkMixin, BasePage):
    search_date_field = "publication_date"

    subtitle = models.CharField(_("subtitle"), max_length=250, blank=True)
    publication_date = models.DateField(_("publication date"))
    publication_type = models.CharField(_("type"), max_length=20, choices=PublicationType.choices)
    abstract = RichTextField(_("abstract"), features=["bold", "italic", "link", "ol", "ul"])
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    doi = models.CharField(_("DOI"), max_length=120, blank=True, help_text=_("e.g. 10.5281/zenodo.1234567"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("subtitle"),
        InlinePanel("publication_authors", heading=_("Authors"), label=_("author"), min_num=1),
        FieldRowPanel([FieldPanel("publication_date"), FieldPanel("publication_type")]),
        FieldPanel("abstract"),
        FieldPanel("cover_image"),
        InlinePanel("editions", heading=_("Language editions"), label=_("edition"), min_num=1),
        MultiFieldPanel([FieldPanel("publisher"), FieldPanel("doi")], heading=_("Identifiers")),
        FieldPanel("topics"),
        FieldPanel("mou"),
        InlinePanel("related_pages", heading=_("Related programs, courses and publications"), label=_("link")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("abstract"),
        index.FilterField("publication_date"),
        index.FilterField("publication_type"),
        index.RelatedFields("publication_authors", [index.RelatedFields("author", [index.SearchField("name")])]),
        index.RelatedFields("editions", [index.SearchField("extracted_text")]),
    ]
    search_snippet_fields = [*BasePage.search_snippet_fields, "subtitle", "abstract"]
    override_translatable_fields = [SynchronizedField("doi")]
    # Read with the page when it is served: its template shows them (forum_site.pages.served).
    served_with = ("cover_image", "mou")

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = self.ordered_authors()
        # Prefetched so that the citation's ISBN and the editions list share one query.
        self._prefetched_objects_cache = {"editions": self.editions.select_related("document", "cover")}
        context["editions"] = list(self._prefetched_objects_cache["editions"])
        context["edition_links"] = editions.edition_links(self, editions.other_editions(self), request)
        downloads = EditionDownloads.objects.filter(translation_key=self.translation_key)
        counts = dict(downloads.values_list("language", "count"))
        for edition in context["editions"]:
            edition.downloads = counts.get(edition.language, 0)
        context["topics"] = self.topics_in_locale()
        context["mou"] = self.mou_in_locale()
        context["related"] = visible_in_locale(
            list(self.related_pages.values_list("related_id", flat=True)), self.locale_id
        )
        context["references"] = csl.formatted_references(self, context["authors"], request)
        context["head"] = citation.head_metadata(
            self, context["authors"], context["editions"], request, context["edition_links"]
        )
        return context

    def get_cached_paths(self):
        return ["/", "cite/bibtex/", "cite/ris/"]

    @property
    def cover(self):
        """The cover chosen by the editors, else the first page of the edition in the page's language, else of
        the first edition. Reads the editions as the listing and the page prefetch them."""
        if self.cover_image_id:
            return self.cover_image
        covered = [edition for edition in self.editions.all() if edition.cover_id]
        language = language_code_of(self.locale_id)
        covered.sort(key=lambda edition: edition.language != language)
        return covered[0].cover if covered else None

    def ordered_authors(self):
        """The authors in the order of the title page, each in the page's language."""
        return in_locale([row.author for row in self.publication_authors.select_related("author")], self.locale_id)

    def feed_summary(self):
        return strip_tags(self.abstract)

    def feed_author_names(self):
        return [row.author.name for row in self.publication_authors.all()]

    @property
    def published_at(self):
        return timezone.make_aware(datetime.datetime.combine(self.publication_date, datetime.time(9)))

    @classmethod
    def search_result_prefetches(cls, language_code):
        """What a search result of this type reads: its authors, and the text of its edition in `language_code`."""
        editions = PublicationEdition.objects.filter(language=language_code).annotate(
            snippet_text=Substr("extracted_text", 1, SEARCH_SNIPPET_SOURCE_CHARS)
        )
        return [
            Prefetch("publication_authors", queryset=PublicationAuthor.objects.select_related("author")),
            Prefetch("editions", queryset=editions.defer("extracted_text"), to_attr="editions_in_language"),
        ]

    def search_result_details(self):
        """(label, names) shown under a search result and highlighted where the query matches them."""
        return [(_("Authors"), [row.author.name for row in self.publication_authors.all()])]

    def search_result_texts(self):
        """Text a search result's snippet may come from: the PDF of the page's own language, never another's."""
        return [edition.snippet_text for edition in getattr(self, "editions_in_language", [])]

    @property
    def type_label(self):
        return PublicationType(self.publication_type).label

    @path("cite/bibtex/", name="bibtex")
    def bibtex(self, request):
        return self._download(citation.bibtex(self, self.ordered_authors(), request), "application/x-bibtex", "bib")

    @path("cite/ris/", name="ris")
    def ris(self, request):
        return self._download(
            citation.ris(self, self.ordered_authors(), request), "application/x-research-info-systems", "ris"
        )

    @path("cite/csl-json/", name="csl_json")
    def csl_json(self, request):
        return self._download(
            csl.csl_json(self, self.ordered_authors(), request), "application/vnd.citationstyles.csl+json", "json"
        )

    @path("cite/datacite/", name="datacite")
    def datacite(self, request):
        links = editions.edition_links(self, editions.other_editions(self), request)
        metadata = datacite.document(self, self.ordered_authors(), list(self.editions.all()), links, request)
        return self._download(metadata, "application/vnd.datacite.datacite+xml", "xml")

    def _download(self, text, content_type, extension):
        response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
        filename = slugify(self.slug, allow_unicode=False) or f"publication-{self.pk}"
        response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
        return response


class PublicationAuthor(TranslatableMixin, Orderable):
    # Translatable rows so wagtail-localize points the English page at the English author snippet.
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="publication_authors")
    author = models.ForeignKey(Author, verbose_name=_("author"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class PublicationEdition(Orderable):
    """One language edition: a PDF of the publication, shared unchanged by every translation of the page."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="editions")
    language = models.CharField(_("language"), max_length=5, choices=EDITION_LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.PROTECT, related_name="+"
    )
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    document_symbol = models.CharField(
        _("document symbol"), max_length=80, blank=True, help_text=_("e.g. E/ESCWA/CL1.CCS/2026/TP.1")
    )
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    # Read from the PDF on save, for search only: not shown in the admin form.
    extracted_text = models.TextField(blank=True, editable=False)
    extracted_from = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The PDF's first page (publications/covers.py), rendered when the document is chosen.
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_from = models.PositiveIntegerField(null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("document")]),
        FieldRowPanel([FieldPanel("isbn"), FieldPanel("document_symbol")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def save(self, *args, **kwargs):
        if self.document_id and self.extracted_from != self.document_id:
            self.read_document()
        if self.document_id and self.cover_from != self.document_id:
            self.render_cover()
        super().save(*args, **kwargs)

    def render_cover(self):
        """Take the cover another edition of the same document has, or render one."""
        existing = (
            PublicationEdition.objects.filter(cover_from=self.document_id, cover__isnull=False)
            .select_related("cover")
            .first()
        )
        self.cover = existing.cover if existing else covers.render_cover(self.document)
        self.cover_from = self.document_id

    def read_document(self):
        self.page_count, self.extracted_text = read_pdf(self.document)
        self.extracted_from = self.document_id

    @property
    def language_label(self):
        return dict(EDITION_LANGUAGES).get(self.language, self.language)

    @property
    def file_size(self):
        return self.document.get_file_size()


class PublicationRelatedPage(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="related_pages")
    related = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")


class EditionDownloads(models.Model):
    """How often one language edition's PDF was downloaded, whichever translation of the page linked it.

    A count and nothing else: no date, address, cookie or user agent is stored.
    """

    translation_key = models.UUIDField(_("publication"))
    language = models.CharField(_("language"), max_length=5, choices=EDITION_LANGUAGES)
    count = models.PositiveBigIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("edition downloads")
        verbose_name_plural = _("edition downloads")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "language"], name="one_download_count_per_edition")
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.language}): {self.count}"


def with_card_relations(publications):
    """What a publication card shows, in one query per relation: the chosen cover, the authors, the editions
    (with their documents and rendered covers). A cover's rendition comes from Wagtail's rendition cache once
    made: no query per card."""
    return publications.select_related("cover_image").prefetch_related(
        Prefetch("publication_authors", queryset=PublicationAuthor.objects.select_related("author")),
        Prefetch("editions", queryset=PublicationEdition.objects.select_related("document", "cover")),
    )
