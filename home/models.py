from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from forum_site.blocks import BodyBlock
from forum_site.images import ImageAltTextMixin, alt_text_field, image_field
from forum_site.localize import chosen_on_source, in_locale, public_pages, visible_page_in_locale
from forum_site.models import BasePage


class HomePage(ImageAltTextMixin, BasePage):
    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = image_field(_("hero image"))
    hero_image_alt = alt_text_field(_("hero image description"))
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the hero's button leads to."),
    )
    hero_link_text = models.CharField(_("hero button text"), max_length=80, blank=True)
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
    ]
    search_snippet_fields = [*BasePage.search_snippet_fields, "introduction", "hero_text"]

    image_alt_fields = {"hero_image": "hero_image_alt"}

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 2  # one per language

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hero_link"] = visible_page_in_locale(self.hero_link_id, self.locale_id)
        # Each content app contributes its own section through the `home_page_sections` hook; a hook
        # returns "" when it has nothing to show, so empty sections are hidden, not rendered empty.
        sections = (section(self, request) for section in hooks.get_hooks("home_page_sections"))
        context["sections"] = [html for html in sections if html]
        return context

    @cached_property
    def _public_children(self):
        return list(public_pages(Page, self.locale_id).child_of(self))

    def section_index(self, model):
        """The public child page of type `model` (the calendar, an index), read with every section's in one query."""
        content_type = ContentType.objects.get_for_model(model)
        child = next((page for page in self._public_children if page.content_type_id == content_type.pk), None)
        return child.specific_deferred if child is not None else None


class StandardPage(BasePage):
    """About, contact, privacy: a page of text and blocks."""

    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("summary"), index.SearchField("body")]
    search_snippet_fields = [*BasePage.search_snippet_fields, "summary", "body"]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class Topic(TranslatableMixin, models.Model):
    """A subject the forum works on, shared by programs, courses and publications."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TopicsMixin(models.Model):
    """The topics a page is about, chosen on its Arabic source and shown in each page's language.

    The strategy of forum_site.localize for many-to-many fields to snippets: read from the source page.
    """

    topics = ParentalManyToManyField("home.Topic", blank=True, verbose_name=_("topics"))
    choices_on_source = True

    class Meta:
        abstract = True

    def topics_in_locale(self):
        return in_locale(chosen_on_source(self, "topics"), self.locale_id)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and social links shown in the footer, edited in the admin."""

    # Site settings are not translated by wagtail-localize, so the address is kept in both languages.
    address_ar = models.TextField(_("address (Arabic)"), blank=True)
    address_en = models.TextField(_("address (English)"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    privacy_page = models.ForeignKey(
        "home.StandardPage",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The Arabic page of the privacy notice; registration forms link to it in the visitor's language."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("address_ar"), FieldPanel("address_en"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contact details"),
        ),
        FieldPanel("privacy_page"),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("x_url"), FieldPanel("youtube_url"), FieldPanel("linkedin_url")],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def privacy_page_in(self, locale):
        """The privacy notice as the public may read it in `locale` (None until one is chosen).

        Every course page links to it: kept in the cache under the site's page-cache token, as the settings are,
        which a new address or visibility of the notice renews (forum_site/invalidation.py).
        """
        from forum_site.pagecache import site_token

        locale_id = getattr(locale, "pk", locale)
        key = f"settings:privacy-page:{site_token()}:{self.pk}:{locale_id}"
        found = cache.get(key)  # (the page,) or (None,)
        if found is None:
            found = (visible_page_in_locale(self.privacy_page_id, locale, StandardPage),)
            cache.set(key, found, timeout=None)
        return found[0]

    @classmethod
    def for_site(cls, site):
        # Every page's footer reads these: kept in the cache under the site's page-cache token, which saving
        # the settings renews (forum_site/invalidation.py).
        from forum_site.pagecache import site_token

        key = f"settings:{site_token()}:{cls._meta.label_lower}:{site.pk}"
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            cache.set(key, instance, timeout=None)
        return instance

    def address_for(self, language_code):
        return self.address_en if language_code == "en" and self.address_en else self.address_ar

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in links if url]
