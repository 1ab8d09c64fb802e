import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from forum_site.blocks import BodyBlock
from forum_site.images import ImageAltTextMixin, alt_text_field, image_field
from forum_site.json_ld import json_ld_script
from forum_site.localize import in_locale, public_pages, visible_in_locale
from forum_site.models import BasePage, SectionIndexPage
from home.models import TopicsMixin
from partners.models import MoULinkMixin

PAGE_SIZE = 10


class NewsIndexPage(SectionIndexPage):
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        return (
            public_pages(NewsPage, self.locale_id)
            .child_of(self)
            .order_by("-date", "-pk")
            # The card's rendition comes from Wagtail's rendition cache once made: no query per card.
            .select_related("lead_image")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = Paginator(self.news_items(), PAGE_SIZE).get_page(request.GET.get("page"))
        return context

    def feed_items(self):
        return self.news_items()


class NewsPage(ImageAltTextMixin, TopicsMixin, MoULinkMixin, BasePage):
    search_date_field = "date"

    date = models.DateField(_("date"), default=datetime.date.today)
    lead_image = image_field(_("lead image"))
    lead_image_alt = alt_text_field(_("lead image description"))
    summary = models.TextField(_("summary"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("lead_image_alt"),
        FieldPanel("body"),
        InlinePanel("related_partners", heading=_("Related partners"), label=_("partner")),
        InlinePanel("related_pages", heading=_("Related programs, events and publications"), label=_("link")),
        FieldPanel("topics"),
        FieldPanel("mou"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    search_snippet_fields = [*BasePage.search_snippet_fields, "summary", "body"]
    image_alt_fields = {"lead_image": "lead_image_alt"}
    # Read with the page when it is served: its template shows them (forum_site.pages.served).
    served_with = ("lead_image", "mou")

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = in_locale(
            [row.partner for row in self.related_partners.select_related("partner")], self.locale_id
        )
        context["related"] = visible_in_locale(
            list(self.related_pages.values_list("related_id", flat=True)), self.locale_id
        )
        context["topics"] = self.topics_in_locale()
        context["mou"] = self.mou_in_locale()
        context["json_ld"] = self.json_ld(request)
        return context

    def json_ld(self, request):
        """schema.org NewsArticle."""
        return json_ld_script(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": self.title[:110],
                "description": self.summary,
                "datePublished": self.date.isoformat(),
                "inLanguage": self.locale.language_code,
                "url": request.build_absolute_uri(self.get_url(request)),
            }
        )

    def feed_summary(self):
        return self.summary

    @property
    def published_at(self):
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(9)))


class NewsPartner(TranslatableMixin, Orderable):
    # Translatable rows so wagtail-localize points the English news at the English partner organisation.
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_partners")
    partner = models.ForeignKey(
        "partners.PartnerOrganisation", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("partner")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("related partner")
        verbose_name_plural = _("related partners")


class NewsRelatedPage(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_pages")
    related = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
