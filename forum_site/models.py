from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """What every page of the site shares: search filters by language, and the promote panels."""

    search_fields = [*Page.search_fields, index.FilterField("locale_id")]

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("show_in_menus"),
            ],
            heading=_("For search engines and menus"),
        ),
    ]

    class Meta:
        abstract = True
