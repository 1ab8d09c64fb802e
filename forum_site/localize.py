"""Our use of wagtail-localize, in one place: what the public sees in each language, and writing translations.

Arabic is the source language; English pages and snippets are wagtail-localize translations that share the
source's `translation_key`. Each kind of relation has one strategy, used by every app through this module:

- Many-to-many fields to translatable snippets (topics, partners, trainers). wagtail-localize cannot translate
  them (wagtail-localize#534, #820: a translation gets no choice of its own, or a stale copy of the source's when
  the field is synchronised). Strategy: the choice made on the source page holds for every language. Read it
  from the source (`chosen_on_source`, by the source's id, which a served translation is read with), show each
  snippet in the page's language (`in_locale`, the translations from the cache), and filter pages through their
  source (`source_choice_q`), so a choice changed on the Arabic page shows on the English one at once, without
  a new sync.
- Foreign keys to pages (an MoU, related pages, the hero's link): wagtail-localize copies them unchanged, so an
  English page may point at an Arabic one. Strategy: `visible_in_locale`: the translation the public may see
  in the page's language, else the page itself when the public may see it, else nothing.
- Rows of a page that point at snippets (an MoU's parties, a publication's authors, a news item's partners:
  translatable `Orderable`s): wagtail-localize points a translated row at the snippet's translation when one
  exists at the time of the sync, not otherwise. Strategy: `in_locale` as well.

What the public may see is one rule, `public_pages`: live, not restricted by login, password or group, and
in the language asked for. Every listing, feed, calendar, sitemap and related-items list goes through it.

Locales are passed as a `Locale` or its id (a page's `locale_id` spares a query).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, TranslatableMixin, get_page_models
from wagtail_localize.models import Translation, TranslationSource

from . import tokens
from .locales import language_code_of, locale_for
from .pages import specific
from .privacy import is_restricted, public


def locale_of(language_code):
    return Locale.objects.get(language_code=language_code)


def public_pages(model_or_queryset, locale):
    """Pages of `locale` (a Locale or its id; None for every language: a page's own translations) that anyone
    may read: live, without a login, password or group restriction on them or on any of their ancestors.

    The restricted sections come from one cached list (forum_site.privacy), so the rule adds no query, and the
    search backends, which translate a queryset's filters into their own, can apply it too.
    """
    queryset = model_or_queryset.objects.all() if isinstance(model_or_queryset, type) else model_or_queryset
    queryset = public(queryset.live())
    return queryset if locale is None else queryset.filter(locale=locale)


def in_locale(objects, locale):
    """Each translatable object (snippets, or pages already known to be visible) in `locale`, in the same order.

    An object without a translation in `locale` is kept as it is: a topic not yet translated shows its Arabic
    name rather than disappearing. None stays None (an optional link). A queryset (a page's choice) is read in
    one query; the translations of snippets come from the cache (`snippet_translations_by_key`), those of pages
    from one query per model with objects in another locale.
    """
    objects = list(objects)
    locale_id = getattr(locale, "pk", locale)
    by_model = {}
    for item in objects:
        # An object already in `locale` is its own translation: only the others are looked up.
        if item is not None and item.locale_id != locale_id:
            by_model.setdefault(type(item), set()).add(item.translation_key)
    translated = {
        model: (translations_by_key if issubclass(model, Page) else snippet_translations_by_key)(model, keys, locale)
        for model, keys in by_model.items()
    }
    return [item and translated.get(type(item), {}).get(item.translation_key, item) for item in objects]


def translations_by_key(model, translation_keys, locale):
    """{translation key: the `model` object of that key in `locale`}, for those that have one; one query."""
    return {
        item.translation_key: item for item in model.objects.filter(translation_key__in=translation_keys, locale=locale)
    }


# Snippets' translations (topics, partners, trainers, venues) are kept in the cache under a token per snippet
# model, which saving or deleting one of its snippets renews (`_snippet_changed`): an English page shows the
# English versions of the Arabic snippets chosen on its source page without a query.
_SNIPPET_TOKEN_KEY = "forum:snippet-translations:{}"
_SNIPPET_KEY = "forum:snippet-translation:{}:{}:{}:{}"
_SNIPPET_CACHE_SECONDS = 24 * 3600  # a change renews the token: this only bounds what is left behind


def _snippet_token_key(model):
    return _SNIPPET_TOKEN_KEY.format(model._meta.concrete_model._meta.label_lower)


def snippet_translations_by_key(model, translation_keys, locale):
    """`translations_by_key` for a snippet model, from the cache; the snippets not found there in one query."""
    locale_id = getattr(locale, "pk", locale)
    (token,) = tokens.current(_snippet_token_key(model))
    label = model._meta.concrete_model._meta.label_lower
    cache_keys = {key: _SNIPPET_KEY.format(label, token, locale_id, key) for key in translation_keys}
    kept = cache.get_many(list(cache_keys.values()))
    # Each kept as a tuple: (the translation,) or () when there is none, which a missing key cannot say.
    found = {key: kept[cache_key] for key, cache_key in cache_keys.items() if cache_key in kept}
    if missing := [key for key in translation_keys if key not in found]:
        read = translations_by_key(model, missing, locale)
        fresh = {key: (read[key],) if key in read else () for key in missing}
        cache.set_many({cache_keys[key]: value for key, value in fresh.items()}, _SNIPPET_CACHE_SECONDS)
        found.update(fresh)
    return {key: value[0] for key, value in found.items() if value}


def _snippet_changed(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, TranslatableMixin) or isinstance(instance, Page):
        return
    key = _snippet_token_key(type(instance))
    # Now, and again after the commit: a request may have read the old rows meanwhile and kept them.
    tokens.renew(key)
    transaction.on_commit(lambda: tokens.renew(key))


def connect():
    post_save.connect(_snippet_changed, dispatch_uid="forum_site.localize.snippet_saved")
    post_delete.connect(_snippet_changed, dispatch_uid="forum_site.localize.snippet_deleted")


def visible_in_locale(page_ids, locale, model=Page):
    """Each page (by id) as the public may see it in `locale`: its public translation, else itself if public,
    else nothing.

    Page links are copied unchanged to translations, so an English page may still point at an Arabic page;
    unpublished and restricted pages are left out. Taking ids spares loading the linked pages first: the pages
    and their translations are read together: in two queries (`forum_site.pages.specific`), or in one when
    `model` (the link's page type, where its field names one) has no page types under it.
    """
    page_ids = [page_id for page_id in page_ids if page_id is not None]
    if not page_ids:
        return []
    linked_keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    found = public_pages(model, None).filter(Q(pk__in=page_ids) | Q(locale=locale, translation_key__in=linked_keys))
    if any(issubclass(page_model, model) and page_model is not model for page_model in get_page_models()):
        found = specific(found)
    found = list(found)
    key_of = {page.pk: page.translation_key for page in found if page.pk in page_ids}
    if missing := [page_id for page_id in page_ids if page_id not in key_of]:
        # A linked page the public may not see can still have a translation it may see.
        key_of.update(Page.objects.filter(pk__in=missing).values_list("pk", "translation_key"))
    locale_id = getattr(locale, "pk", locale)
    in_language = {page.translation_key: page for page in found if page.locale_id == locale_id}
    themselves = {page.pk: page for page in found}
    shown = [in_language.get(key_of.get(page_id)) or themselves.get(page_id) for page_id in page_ids]
    return [page for page in shown if page is not None]


def visible_page_in_locale(page_id, locale, model=Page):
    return next(iter(visible_in_locale([page_id], locale, model)), None)


def linked_page_in_locale(instance, field_name, locale, model=Page):
    """`visible_page_in_locale` of the page `instance` links to in `field_name`. When that page was read with
    `instance` (forum_site.pages.served), without a query if it is in `locale` already, else with a plain one
    for its translation."""
    field = instance._meta.get_field(field_name)
    if not field.is_cached(instance):
        return visible_page_in_locale(getattr(instance, field.attname), locale, model)
    linked = getattr(instance, field_name)
    if linked is None:
        return None
    shown = linked.live and not is_restricted(linked)
    if linked.locale_id == getattr(locale, "pk", locale):
        return linked if shown else None
    translated = public_pages(model, locale).filter(translation_key=linked.translation_key).first()
    return translated or (linked if shown else None)


def source_choice_q(chose):
    """A filter keeping the pages whose source page is among `chose`: pages that made a choice themselves
    (many-to-many fields are chosen on the source page). A page with no version in the default language (an
    English-only page) is its own source."""
    in_default_language = Q(locale__language_code=settings.LANGUAGE_CODE)
    with_source = chose.model.objects.filter(in_default_language).values("translation_key")
    own_choice = chose.exclude(in_default_language).exclude(translation_key__in=with_source)
    return Q(translation_key__in=chose.filter(in_default_language).values("translation_key")) | Q(
        pk__in=own_choice.values("pk")
    )


def source_ids(queryset, locale=None):
    """The ids of the source pages of the pages of `queryset` (their versions in the default language, or
    themselves when they have none), for a filter (`pk__in`): where their many-to-many choices are read.

    `locale`: the locale of every page of `queryset`, where the caller knows it. Pages in the default language
    are their own sources: their own ids, without a probe for each page's source.
    """
    if locale is not None and language_code_of(getattr(locale, "pk", locale)) == settings.LANGUAGE_CODE:
        return queryset.values("pk")
    return queryset.annotate(_source=source_id()).values("_source")


def source_id():
    """An annotation of a page queryset: the id of each page's source (the page of the same translation key in
    the default language), or the page's own id when it has none.

    One probe of the (translation_key, locale) unique index per row, inside the query that reads the pages:
    the search page's topic facets on /en/ cost a second query binding a thousand keys before.
    """
    # The default locale's id as a value (from the cache), not a join on every probe.
    default_locale = locale_for(settings.LANGUAGE_CODE)
    in_default_language = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=default_locale)
    return Coalesce(Subquery(in_default_language.values("pk")[:1]), F("pk"))


def chosen_on_source(page, field_name):
    """The objects `page`'s source chose in its many-to-many field `field_name`, as a queryset: read by the
    source's id (`source_page_id`), which a served translation knows without reading its source."""
    field = type(page)._meta.get_field(field_name)
    chosen = field.remote_field.through.objects.filter(**{field.m2m_field_name(): page.source_page_id})
    return field.related_model.objects.filter(pk__in=chosen.values(field.m2m_reverse_name()))


def source_of(instance):
    """The version of `instance` in the site's default language (Arabic), or `instance` when it has none."""
    if language_code_of(instance.locale_id) == settings.LANGUAGE_CODE:
        return instance
    return (
        type(instance)
        .objects.filter(translation_key=instance.translation_key, locale__language_code=settings.LANGUAGE_CODE)
        .first()
        or instance
    )


def in_language(instance, language_code):
    """`instance`'s translation into `language_code`, else its source version."""
    source = source_of(instance)
    if source.locale.language_code == language_code:
        return source
    translated = (
        type(source).objects.filter(translation_key=source.translation_key, locale__language_code=language_code).first()
    )
    return translated or source


# Writing translations ---------------------------------------------------------------------------------------


class MissingEnglishText(ValueError):
    pass


def translate(instance, english_by_arabic, locale_code="en", publish=True):
    """Create or update the translation of `instance` into `locale_code`, as an editor would, and return it.

    `english_by_arabic` maps each Arabic source string (as wagtail-localize segments it: one entry per field or
    rich-text paragraph) to its English text. A missing string is an error, so the demo content never silently
    shows Arabic on the English site.
    """
    locale = locale_of(locale_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    missing = [entry.msgid for entry in po if entry.msgid not in english_by_arabic]
    if missing:
        raise MissingEnglishText(f"No English text for {missing!r} in {instance!r}")
    for entry in po:
        entry.msgstr = english_by_arabic[entry.msgid]
    translation.import_po(po, tool_name="load_demo_content")
    if not isinstance(instance, Page):
        translation.save_target(publish=True)  # snippets without draft state are always "published"
        return instance.get_translation(locale)
    # wagtail-localize (1.14) defers a page's publish to transaction.on_commit with the page instance it had in
    # memory; publishing that stale copy resets the tree's numchild, so a translated parent whose children were
    # translated in the same transaction loses them. Save a draft, then publish it now.
    translation.save_target(publish=False)
    translated = instance.get_translation(locale)
    if publish:
        translated.get_latest_revision().publish()
    return translated
