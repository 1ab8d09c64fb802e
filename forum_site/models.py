from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .feeds import SectionAtomFeed, SectionFeed
from .locales import language_code_of
from .localize import source_id, source_of
from .privacy import is_restricted


class BasePage(Page):
    """What every page of the site shares: search filters by language, and the promote panels."""

    # The date a search result shows and its year filter uses; page types with a date of their own name it.
    search_date_field = "first_published_at"
    # The texts a search result's snippet is cut from, in this order: the first that holds a searched word.
    search_snippet_fields = ["search_description"]
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

    # Read with the page when it is served (forum_site.pages.served): the objects its template shows.
    served_with = ()
    # Whether the page shows many-to-many choices made on its source page (topics, trainers: forum_site.localize):
    # a translation is then served with its source's id, which spares reading the source.
    choices_on_source = False

    @classmethod
    def served_queryset(cls, page):
        """Where `page`, being served, is read from: with `served_with`, and its source's id where it needs it."""
        queryset = cls._default_manager.all()
        if cls.served_with:
            queryset = queryset.select_related(*cls.served_with)
        if cls.choices_on_source and language_code_of(page.locale_id) != settings.LANGUAGE_CODE:
            queryset = queryset.annotate(_source_id=source_id())
        return queryset

    @cached_property
    def source_page(self):
        """This page in the default language (itself when it is, or has no such version)."""
        return source_of(self)

    @cached_property
    def source_page_id(self):
        """The id of `source_page`, without reading it when it was read with the page (`served_queryset`)."""
        if language_code_of(self.locale_id) == settings.LANGUAGE_CODE:
            return self.pk
        known = self.__dict__.get("_source_id")
        return known if known is not None else self.source_page.pk

    def get_view_restrictions(self):
        # Answered from the cached list of restricted sections: serving a public page costs no query.
        if self.alias_of_id is None and not is_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class IndexPage(BasePage):
    """A section's one front page under the home page (programs, partners, the calendar...): an introduction
    above the list of what the section holds."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    search_snippet_fields = [*BasePage.search_snippet_fields, "introduction"]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class SectionIndexPage(RoutablePageMixin, IndexPage):
    """An index whose latest pages are also offered as RSS and Atom feeds (news, publications)."""

    class Meta:
        abstract = True

    def get_cached_paths(self):
        return ["/", "feed/rss/", "feed/atom/"]

    def feed_items(self):
        """The pages the feeds offer, newest first: each has `feed_summary()` and `published_at`."""
        raise NotImplementedError

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return SectionFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return SectionAtomFeed(self)(request)
