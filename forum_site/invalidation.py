"""Exact invalidation: after an edit, purge every URL that shows what changed, from the page cache and the CDN.

What shows a page: the page and its translations (their language switchers link each other), their
ancestors (the parent's listing, the section index, the home page's sections), the pages that link to it
(Wagtail's reference index), the sitemap, and what each app declares through the `pages_showing` hook
(the training calendar and .ics feeds, the MoU page that lists the work delivered under it). What shows
a snippet (topic, venue, partner, trainer, author): the pages that choose it, and what shows those pages.
Site settings are in every page's footer: the whole site is purged, as it is when a page they link to (the
privacy notice, on every course page) changes its address or visibility. A change to the main menu (a page
under a home page shown in menus) purges every page of its language; a new title or URL purges the
page's descendants too (breadcrumbs, links).

Every purge waits for the transaction's commit, so no request renders the old content after the purge.
"""

import logging
from functools import partial
from urllib.parse import urljoin

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site, TranslatableMixin, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from forum_site import pagecache, privacy, routing

logger = logging.getLogger(__name__)

SITEMAP_PATH = "/sitemap.xml"
_SNAPSHOT_FIELDS = ("title", "url_path", "show_in_menus", "live", "depth")


class Purge:
    """The URLs, languages and whole-site purges one edit calls for, carried out after the commit."""

    def __init__(self):
        self.paths = set()
        self.languages = set()
        self.whole_site = False
        self.forget_roots = False

    def add_page(self, page):
        for path in page_paths(page):
            self.paths.add(path)

    def schedule(self):
        # Now, for the rest of this transaction's request, and again after the commit, since a request may
        # have cached the old content meanwhile.
        _carry_out(self, frontend=False)
        transaction.on_commit(partial(_carry_out, self))


def page_paths(page):
    """The paths a page answers: its URL and its own sub-routes (feeds, citations)."""
    url = page.get_url()
    if not url:
        return []
    url = pagecache.normalised_path(url)
    return [url + extra.lstrip("/") for extra in page.specific_deferred.get_cached_paths()]


def _carry_out(purge, frontend=True):
    if purge.forget_roots:
        routing.forget_roots()
    if purge.whole_site:
        pagecache.purge_site()
    for language_code in purge.languages:
        pagecache.purge_language(language_code)
    pagecache.purge_paths(purge.paths)
    if frontend:
        _purge_frontend_cache(purge)


def _purge_frontend_cache(purge):
    from django.conf import settings

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    paths = set(purge.paths)
    if purge.whole_site or purge.languages:
        # A CDN has no "purge this language": every live page of it is purged by URL.
        everything = Page.objects.live().filter(depth__gt=1).defer_streamfields().select_related("locale")
        if not purge.whole_site:
            everything = everything.filter(locale__language_code__in=purge.languages)
        for page in everything:
            paths.update(page_paths(page))
    roots = [site.root_url for site in Site.objects.all()]
    try:
        purge_urls_from_cache([urljoin(root + "/", path.lstrip("/")) for root in roots for path in sorted(paths)])
    except Exception:  # noqa: BLE001 - a CDN outage must not fail an editor's publish
        logger.exception("Frontend cache purge failed")


def _referencing_pages(objects):
    """Live or draft pages whose fields or blocks link to any of `objects` (Wagtail's reference index), and
    pages that choose them in a many-to-many field (the index leaves those out)."""
    objects = list(objects)
    if not objects:
        return []
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = set()
    for obj in objects:
        page_ids.update(
            int(object_id)
            for object_id in ReferenceIndex.get_references_to(obj)
            .filter(base_content_type=page_type)
            .values_list("object_id", flat=True)
        )
    model = type(objects[0])
    for page_model in get_page_models():
        for field in page_model._meta.local_many_to_many:
            if field.related_model is model and not page_model._meta.abstract:
                page_ids.update(
                    page_model.objects.filter(**{f"{field.name}__in": objects}).values_list("pk", flat=True)
                )
    return list(Page.objects.filter(pk__in=page_ids).select_related("locale"))


def _translations(obj):
    if isinstance(obj, TranslatableMixin) and obj.translation_key:
        if isinstance(obj, Page):
            found = list(Page.objects.filter(translation_key=obj.translation_key).select_related("locale").specific())
        else:
            found = list(type(obj)._default_manager.filter(translation_key=obj.translation_key))
        return found + ([obj] if obj.pk not in {item.pk for item in found} else [])
    return [obj]


def _declared(obj, purge):
    for showing in hooks.get_hooks("pages_showing"):
        for item in showing(obj) or ():
            if isinstance(item, Page):
                purge.add_page(item)
            else:
                purge.paths.add(pagecache.normalised_path(item))


def add_page_and_what_shows_it(page, purge):
    pages = _translations(page)
    for item in pages:
        purge.add_page(item)
        for ancestor in Page.objects.ancestor_of(item).filter(depth__gt=1).select_related("locale"):
            purge.add_page(ancestor)
        _declared(item, purge)
    for referencing in _referencing_pages(pages):
        purge.add_page(referencing)
    purge.paths.add(SITEMAP_PATH)


def add_snippet_and_what_shows_it(snippet, purge):
    for page in _referencing_pages(_translations(snippet)):
        add_page_and_what_shows_it(page, purge)
    _declared(snippet, purge)


def purge_what_shows(obj):
    """Purge everything showing a page or a snippet, after the commit (used by apps for their own data)."""
    purge = Purge()
    if isinstance(obj, Page):
        add_page_and_what_shows_it(obj, purge)
    else:
        add_snippet_and_what_shows_it(obj, purge)
    purge.schedule()


def _page_edit(page, before=None):
    purge = Purge()
    add_page_and_what_shows_it(page, purge)
    before = before or {}
    in_menu = page.depth == 3 and (page.show_in_menus or before.get("show_in_menus"))
    if in_menu:
        purge.languages.add(page.locale.language_code)
    renamed = before and (before["title"] != page.title or before["url_path"] != page.url_path)
    if renamed and page.numchild:
        for descendant in Page.objects.descendant_of(page).select_related("locale"):
            purge.add_page(descendant)
    if page.depth <= 2:
        purge.forget_roots = True
        purge.whole_site = True
    if not before or before["url_path"] != page.url_path:
        # A new address for the page and everything under it.
        if linked_from_settings(Page.objects.descendant_of(page, inclusive=True)):
            purge.whole_site = True
    elif before["live"] != page.live and linked_from_settings(Page.objects.filter(pk=page.pk)):
        purge.whole_site = True
    for field, value in before.items():
        # A link to an MoU (or any page) that the edit removed: the page it pointed at listed this one.
        if field.endswith("_id") and value and value != getattr(page, field, None):
            old = Page.objects.filter(pk=value).first()
            if old is not None:
                add_page_and_what_shows_it(old, purge)
    purge.schedule()


def linked_from_settings(pages):
    """Whether a site setting links to one of `pages` (a queryset) or to their translations (the privacy
    notice): the link is cached with the settings, under the site's token, so a new address or visibility
    purges the whole site."""
    from wagtail.contrib.settings.models import BaseSiteSetting

    keys = pages.values("translation_key")
    for model in apps.get_models():
        if not issubclass(model, BaseSiteSetting):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and issubclass(field.related_model, Page):
                if model.objects.filter(**{f"{field.name}__translation_key__in": keys}).exists():
                    return True
    return False


def _page_link_fields(model):
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey)
        and issubclass(field.related_model, Page)
        and field.name != "page_ptr"
        and field.model is not Page
    ]


def _snapshot_before_save(sender, instance, raw=False, **kwargs):
    """What the page looked like before this save: a publish compares it with what it looks like now."""
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    fields = [*_SNAPSHOT_FIELDS, *_page_link_fields(type(instance))]
    instance._before_save = type(instance)._base_manager.filter(pk=instance.pk).values(*fields).first()


def _published(sender, instance, **kwargs):
    _page_edit(instance, getattr(instance, "_before_save", None))


def _unpublished(sender, instance, **kwargs):
    _page_edit(instance, getattr(instance, "_before_save", None))


def _before_move(sender, instance, **kwargs):
    # The old URLs of the page and its descendants, and the old parent's listing.
    purge = Purge()
    add_page_and_what_shows_it(instance, purge)
    for descendant in Page.objects.descendant_of(instance).select_related("locale"):
        purge.add_page(descendant)
    purge.schedule()


def _after_move(sender, instance, **kwargs):
    # A moved section takes its restrictions to new tree paths.
    privacy.forget_restrictions()
    transaction.on_commit(privacy.forget_restrictions)
    purge = Purge()
    add_page_and_what_shows_it(instance, purge)
    if instance.depth <= 3:
        purge.languages.add(instance.locale.language_code)
        purge.forget_roots = instance.depth <= 2
    if linked_from_settings(Page.objects.descendant_of(instance, inclusive=True)):
        purge.whole_site = True
    purge.schedule()


def _before_delete(sender, instance, **kwargs):
    # Deleting a page deletes its row in each table of its type: act once, on the base page's.
    if type(instance) is not Page or instance.depth <= 1:
        return
    purge = Purge()
    add_page_and_what_shows_it(instance, purge)
    if instance.depth == 3 and instance.show_in_menus:
        purge.languages.add(instance.locale.language_code)
    purge.forget_roots = instance.depth <= 2
    if linked_from_settings(Page.objects.filter(pk=instance.pk)):
        purge.whole_site = True
    purge.schedule()


def _restriction_changed(sender, instance, **kwargs):
    """A login or password restriction added or removed: its section leaves (or rejoins) every listing."""
    privacy.forget_restrictions()
    transaction.on_commit(privacy.forget_restrictions)
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    purge = Purge()
    for item in [page, *Page.objects.descendant_of(page)]:
        add_page_and_what_shows_it(item, purge)
    if page.depth == 3 and page.show_in_menus:
        purge.languages.add(page.locale.language_code)
    if linked_from_settings(Page.objects.descendant_of(page, inclusive=True)):
        purge.whole_site = True
    purge.schedule()


def _model_saved_or_deleted(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if isinstance(instance, (BaseSiteSetting, BaseGenericSetting, Site)):
        purge = Purge()
        purge.whole_site = True
        purge.forget_roots = isinstance(instance, Site)
        purge.schedule()
    elif hasattr(type(instance), "snippet_viewset") and not isinstance(instance, Page):
        purge_what_shows(instance)


def connect():
    pre_save.connect(_snapshot_before_save, dispatch_uid="pagecache_snapshot")
    page_published.connect(_published, dispatch_uid="pagecache_published")
    page_unpublished.connect(_unpublished, dispatch_uid="pagecache_unpublished")
    pre_page_move.connect(_before_move, dispatch_uid="pagecache_before_move")
    post_page_move.connect(_after_move, dispatch_uid="pagecache_after_move")
    pre_delete.connect(_before_delete, dispatch_uid="pagecache_before_delete")
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="pagecache_restriction_saved")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="pagecache_restriction_deleted")
    post_save.connect(_model_saved_or_deleted, dispatch_uid="pagecache_model_saved")
    post_delete.connect(_model_saved_or_deleted, dispatch_uid="pagecache_model_deleted")
