from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from forum_site.blocks import BodyBlock
from forum_site.images import ImageAltTextMixin, alt_text_field, image_field
from forum_site.localize import public_pages
from forum_site.models import BasePage, IndexPage
from home.models import TopicsMixin

from ..calendar import calendar_context, upcoming_and_past_events


class ProgramIndexPage(IndexPage):
    subpage_types = ["programs.ProgramPage"]

    class Meta:
        verbose_name = _("programs index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = (
            public_pages(ProgramPage, self.locale_id).child_of(self).order_by("path").select_related("lead_image")
        )
        return context


class ProgramPage(ImageAltTextMixin, TopicsMixin, BasePage):
    """A line of work (digital transformation, urban resilience...) grouping its courses and workshops."""

    summary = models.TextField(_("summary"), blank=True)
    lead_image = image_field(_("lead image"))
    lead_image_alt = alt_text_field(_("lead image description"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    partners = ParentalManyToManyField(
        "partners.PartnerOrganisation", blank=True, verbose_name=_("partner organisations")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("lead_image_alt"),
        FieldPanel("body"),
        FieldPanel("topics"),
        FieldPanel("partners"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("summary"), index.SearchField("body")]
    search_snippet_fields = [*BasePage.search_snippet_fields, "summary", "body"]
    image_alt_fields = {"lead_image": "lead_image_alt"}

    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = ["programs.TrainingCoursePage", "programs.WorkshopPage"]

    class Meta:
        verbose_name = _("program page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"], context["past_events"] = upcoming_and_past_events(self)
        return context


class TrainingCalendarPage(IndexPage):
    """Every course and workshop across programs, upcoming first, with filters and an archive."""

    subpage_types = []
    events_per_page = 12

    class Meta:
        verbose_name = _("training calendar page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(calendar_context(self, request))
        return context
