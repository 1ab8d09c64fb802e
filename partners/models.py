from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.db.models.signals import class_prepared
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from forum_site.blocks import BodyBlock
from forum_site.localize import in_locale, linked_page_in_locale, public_pages
from forum_site.models import BasePage, IndexPage
from home.models import TopicsMixin

from .filters import MoURegisterFilter
from .terms import MoUStatus, mou_status_on


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


class PartnersPage(IndexPage):
    subpage_types = ["partners.MoUPage"]

    class Meta:
        verbose_name = _("partners page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organisations = PartnerOrganisation.objects.filter(locale_id=self.locale_id).select_related("logo")
        register = MoURegisterFilter(
            request.GET, mous=public_pages(MoUPage, self.locale_id).child_of(self), organisations=organisations
        )
        paginator = Paginator(register.mous(), 20)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            organisations=organisations,
            register=register,
            page_obj=page_obj,
            mous=MoUPage.with_party_names(list(page_obj.object_list), self.locale_id),
        )
        return context


class MoUPage(TopicsMixin, BasePage):
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
    search_snippet_fields = [*BasePage.search_snippet_fields, "summary", "body"]

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
        context["parties"] = in_locale(
            [row.party for row in self.parties.select_related("party__logo")], self.locale_id
        )
        signatories = list(self.signatories.select_related("party"))
        for signatory, party in zip(
            signatories, in_locale([row.party for row in signatories], self.locale_id), strict=True
        ):
            signatory.party_in_locale = party
        context["signatories"] = signatories
        context["topics"] = self.topics_in_locale()
        return context

    @staticmethod
    def with_party_names(mous, locale):
        """`mous` (a list), each with `party_names` in `locale`: one query for the parties of them all."""
        rows = [(mou, row.party) for mou in mous for row in mou.parties.all()]
        parties = in_locale([party for _mou, party in rows], locale)
        for mou in mous:
            mou.party_names = []
        for (mou, _party), party in zip(rows, parties, strict=True):
            mou.party_names.append(party.name)
        return mous

    def status_on(self, day):
        return mou_status_on(self.term_start, self.term_end, day)

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
        """What the public may see in this page's language delivered under this MoU, by page type: [(label, [pages])].

        One query per page type of `MoULinkMixin.linked_models`. A translated page may point at the translated
        MoU or still at the Arabic one (page links are copied unchanged), so pages match on the MoU's
        translation key.
        """
        groups = []
        for model in MoULinkMixin.linked_models:
            pages = list(
                public_pages(model, self.locale_id)
                .filter(mou__translation_key=self.translation_key)
                .order_by("-first_published_at", "pk")
            )
            if pages:
                groups.append((model._meta.verbose_name_plural, pages))
        return groups


class MoULinkMixin(models.Model):
    """The MoU a page was delivered under. Page types with this mixin are listed on the MoU's page.

    `linked_models` is the registry of those page types, filled as they are declared (each concrete model
    that declares the field itself, so a subclass of a linked page type is not listed twice).
    """

    linked_models = []

    mou = models.ForeignKey(
        MoUPage,
        verbose_name=_("delivered under the MoU"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The memorandum of understanding under which this was delivered or produced."),
    )

    class Meta:
        abstract = True

    def mou_in_locale(self):
        """The MoU as the public may see it in this page's language, or None."""
        return linked_page_in_locale(self, "mou", self.locale_id, MoUPage)


def _register_mou_linked_model(sender, **kwargs):
    if issubclass(sender, MoULinkMixin) and not sender._meta.abstract:
        if sender._meta.get_field("mou").model is sender:
            MoULinkMixin.linked_models.append(sender)


class_prepared.connect(_register_mou_linked_model)


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
