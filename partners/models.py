from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from forum_site.blocks import BodyBlock
from forum_site.models import BasePage


class PartnerOrganisation(TranslatableMixin, models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        GOVERNMENT_AUTHORITY = "government", _("Government authority")
        UN_AGENCY = "un_agency", _("UN agency")
        REGIONAL_ORGANISATION = "regional", _("Regional organisation")
        INTERNATIONAL_ORGANISATION = "international", _("International organisation")
        ACADEMIC = "academic", _("Academic")
        PRIVATE = "private", _("Private sector")

    name = models.CharField(_("name"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("kind"), FieldPanel("country"), FieldPanel("website")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MoUStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Not yet in force")
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")


def mou_status_filter(status, today):
    """The Q object selecting MoUs whose term gives `status` on `today`; the single definition of the rule."""
    started = Q(term_start__isnull=True) | Q(term_start__lte=today)
    ended = Q(term_end__isnull=False, term_end__lt=today)
    if status == MoUStatus.EXPIRED:
        return ended
    if status == MoUStatus.UPCOMING:
        return ~started & ~ended
    return started & ~ended


class PartnersPage(BasePage):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.MoUPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners page")

    def get_context(self, request, *args, **kwargs):
        from .filters import MoURegisterFilter

        context = super().get_context(request, *args, **kwargs)
        organisations = PartnerOrganisation.objects.filter(locale=self.locale).select_related("logo")
        register = MoURegisterFilter(request.GET, page=self)
        paginator = Paginator(register.mous(), 20)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            organisations=organisations,
            register=register,
            page_obj=page_obj,
            mous=page_obj.object_list,
        )
        return context


class MoUPage(BasePage):
    """A memorandum of understanding with partner organisations, and what has been delivered under it."""

    search_date_field = "signed_on"

    signed_on = models.DateField(_("signing date"), null=True, blank=True)
    signed_at = models.CharField(_("place of signing"), max_length=200, blank=True)
    term_start = models.DateField(
        _("in force from"), null=True, blank=True, help_text=_("Leave empty if it takes effect on signing.")
    )
    term_end = models.DateField(_("in force until"), null=True, blank=True, help_text=_("Leave empty if open-ended."))
    summary = models.TextField(_("summary"), blank=True)
    areas_of_cooperation = StreamField(
        [("area", blocks.CharBlock(label=_("Area of cooperation"), icon="tick"))],
        verbose_name=_("areas of cooperation"),
        blank=True,
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    signed_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField("home.Topic", verbose_name=_("topics"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        InlinePanel("parties", heading=_("Parties"), label=_("party"), min_num=1),
        InlinePanel("signatories", heading=_("Signatories"), label=_("signatory")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signed_on"), FieldPanel("signed_at")]),
                FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
            ],
            heading=_("Signing and term"),
        ),
        FieldPanel("areas_of_cooperation"),
        FieldPanel("body"),
        FieldPanel("signed_document"),
        FieldPanel("topics"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("areas_of_cooperation"),
        index.FilterField("signed_on"),
        index.RelatedFields("parties", [index.RelatedFields("party", [index.SearchField("name")])]),
    ]
    # Topics are shared snippets chosen once on the Arabic page; wagtail-localize skips many-to-many
    # fields unless told to copy them.
    override_translatable_fields = [SynchronizedField("topics")]

    parent_page_types = ["partners.PartnersPage"]
    subpage_types = []
    template = "partners/mou_page.html"

    class Meta:
        verbose_name = _("memorandum of understanding")
        verbose_name_plural = _("memoranda of understanding")

    @classmethod
    def search_result_prefetches(cls, language_code):
        return [Prefetch("parties", queryset=MoUParty.objects.select_related("party"))]

    def search_result_details(self):
        """(label, names) shown under a search result and highlighted where the query matches them."""
        return [(_("Parties"), [row.party.name for row in self.parties.all()])]

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["delivered"] = self.delivered_under_it()
        context["parties"] = self.parties.select_related("party__logo")
        context["signatories"] = self.signatories.select_related("party")
        return context

    def status_on(self, day):
        if self.term_end and self.term_end < day:
            return MoUStatus.EXPIRED
        if self.term_start and self.term_start > day:
            return MoUStatus.UPCOMING
        return MoUStatus.ACTIVE

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def status_label(self):
        return MoUStatus(self.status).label

    @property
    def is_open_ended(self):
        return self.term_end is None

    def delivered_under_it(self):
        """Live pages of this page's language linked to this MoU, grouped by page type: [(label, [pages])].

        Any page model with a `mou` foreign key to MoUPage takes part (courses and workshops of the
        programs app, publications, news), one query per model. A translated page may point at the
        translated MoU or still at the Arabic one, so pages are matched on the MoU's translation key.
        """
        groups = []
        for model in models_linked_to_mous():
            pages = list(
                model.objects.live()
                .filter(locale_id=self.locale_id, mou__translation_key=self.translation_key)
                .order_by("-first_published_at", "pk")
            )
            if pages:
                groups.append((model._meta.verbose_name_plural, pages))
        return groups


def models_linked_to_mous():
    linked = []
    for model in get_page_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        try:
            field = model._meta.get_field("mou")
        except Exception:  # noqa: BLE001 - FieldDoesNotExist: the model simply has no MoU link
            continue
        # Only the model that declares the field: a subclass would list the same rows twice.
        if isinstance(field, models.ForeignKey) and field.model is model and issubclass(field.related_model, MoUPage):
            linked.append(model)
    return sorted(linked, key=lambda model: model._meta.label)


class MoUParty(TranslatableMixin, Orderable):
    # Translatable rows so wagtail-localize points the English MoU at the English partner organisation.
    page = ParentalKey(MoUPage, on_delete=models.CASCADE, related_name="parties")
    party = models.ForeignKey(
        PartnerOrganisation, verbose_name=_("partner organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("party")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("party")
        verbose_name_plural = _("parties")


class MoUSignatory(TranslatableMixin, Orderable):
    page = ParentalKey(MoUPage, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=250, blank=True, help_text=_("Position, e.g. Mayor of Amman."))
    party = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("party")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.name


def localized_pages(pages, locale):
    """The live translation of each page in `locale`, else the page itself if live; unpublished pages are left out.

    Page links are copied unchanged to translations, so an English page may still point at an Arabic page.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    keys = {page.translation_key for page in pages}
    translated = {
        page.translation_key: page
        for page in Page.objects.live().filter(locale=locale, translation_key__in=keys).specific()
    }
    localized = [translated.get(page.translation_key) or (page if page.live else None) for page in pages]
    return [page for page in localized if page is not None]
