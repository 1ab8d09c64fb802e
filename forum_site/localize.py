"""Our use of wagtail-localize, in one place: what the public sees in each language, and writing translations.

Arabic is the source language; English pages and snippets are wagtail-localize translations that share the
source's `translation_key`. Each kind of relation has one strategy, used by every app through this module:

- Many-to-many fields to translatable snippets (topics, partners, trainers): declared synchronised
  (`SynchronizedField`), so a translation carries the source's choice, and shown through `in_locale`, which
  swaps each snippet for its translation. wagtail-localize cannot translate many-to-many fields yet
  (wagtail-localize#534, #820): a synchronised field copies the source's snippets unchanged. Filters on such a
  field compare translation keys (`translation_key_filter`), so an English page is found by an English topic.
- Foreign keys to pages (an MoU, related pages, the hero's link): wagtail-localize copies them unchanged, so an
  English page may point at an Arabic one. Shown through `visible_in_locale`: the translation the public may see
  in the page's language, else the page itself when the public may see it, else nothing.
- Rows of a page that point at snippets (an MoU's parties, a publication's authors, a news item's partners:
  translatable `Orderable`s): wagtail-localize points a translated row at the snippet's translation when one
  exists at the time of the sync, not otherwise; shown through `in_locale` as well.

What the public may see is one rule, `public_pages`: live, not restricted by login, password or group, and
in the language asked for. Every listing, feed, calendar, sitemap and related-items list goes through it.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


def locale_of(language_code):
    return Locale.objects.get(language_code=language_code)


def public_pages(model_or_queryset, locale):
    """Pages of `locale` that anyone may read: live, and without a login, password or group restriction."""
    queryset = model_or_queryset.objects.all() if isinstance(model_or_queryset, type) else model_or_queryset
    return queryset.live().public().filter(locale=locale)


def is_public(page):
    return page.live and not page.get_view_restrictions().exists()


def in_locale(objects, locale):
    """Each translatable object (snippets, or pages already known to be visible) in `locale`, in the same order.

    One query per model. An object without a translation in `locale` is kept as it is: a topic not yet
    translated shows its Arabic name rather than disappearing.
    """
    objects = [item for item in objects if item is not None]
    by_model = {}
    for item in objects:
        by_model.setdefault(type(item), []).append(item.translation_key)
    translated = {}
    for model, keys in by_model.items():
        for item in model.objects.filter(translation_key__in=keys, locale=locale):
            translated[(model, item.translation_key)] = item
    return [translated.get((type(item), item.translation_key), item) for item in objects]


def visible_in_locale(pages, locale):
    """Each page as the public may see it in `locale`: its public translation, else itself if public, else nothing.

    Page links are copied unchanged to translations, so an English page may still point at an Arabic page;
    unpublished and restricted pages are left out.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    keys = {page.translation_key for page in pages}
    visible = {
        page.translation_key: page for page in public_pages(Page, locale).filter(translation_key__in=keys).specific()
    }
    fallback_ids = set(
        Page.objects.live().public().filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True)
    )
    shown = [visible.get(page.translation_key) or (page if page.pk in fallback_ids else None) for page in pages]
    return [page for page in shown if page is not None]


def visible_page_in_locale(page, locale):
    return next(iter(visible_in_locale([page], locale)), None)


def translation_key_filter(field_name, snippet):
    """A filter on a synchronised many-to-many `field_name` matching `snippet` in any language."""
    return Q(**{f"{field_name}__translation_key": snippet.translation_key})


def source_of(instance):
    """The version of `instance` in the site's default language (Arabic), or `instance` when it has none."""
    if instance.locale.language_code == settings.LANGUAGE_CODE:
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
