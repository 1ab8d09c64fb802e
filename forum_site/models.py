from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """What every page of the site shares: search filters by language, and the promote panels."""

    # The date a search result shows and its year filter uses; page types with a date of their own name it.
    search_date_field = "first_published_at"
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


class SectionIndexPage(RoutablePageMixin, BasePage):
    """A section's one index under the home page (news, publications): an introduction, its listing, its feeds."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def feed_classes(self):
        """(RSS feed, Atom feed) of the section; each app imports its feeds here, since they import its models."""
        raise NotImplementedError

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        rss, _atom = self.feed_classes()
        return rss(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        _rss, atom = self.feed_classes()
        return atom(self)(request)
