from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from forum_site.blocks import BodyBlock
from forum_site.models import BasePage


class PartnerOrganisation(TranslatableMixin, models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        GOVERNMENT_AUTHORITY = "government", _("Government authority")
        UN_AGENCY = "un_agency", _("UN agency")
        REGIONAL_ORGANISATION = "regional", _("Regional organisation")
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


class PartnersPage(BasePage):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.MoUPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners page")


class MoUPage(BasePage):
    """A memorandum of understanding with partner organisations (fields completed by issue #4)."""

    signed_on = models.DateField(_("signing date"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("signed_on"), FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["partners.PartnersPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("memorandum of understanding")
        verbose_name_plural = _("memoranda of understanding")
