"""English drafts of untranslated Arabic pages, machine-translated (WAGTAILLOCALIZE_MACHINE_TRANSLATOR).

A draft is all it makes: the strings are stored as machine translations (wagtail-localize shows them so in the
translation editor, for an editor to check) and the page is saved unpublished, whatever
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE says; it then goes through moderation like any translation.
"""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class NoMachineTranslator(RuntimeError):
    pass


def untranslated_pages(root, locale):
    """`root` and the pages under it, in its language, that have no version in `locale`, parents first."""
    translated_keys = Page.objects.filter(locale=locale).values("translation_key")
    return (
        Page.objects.descendant_of(root, inclusive=True)
        .filter(locale=root.locale)
        .exclude(translation_key__in=translated_keys)
        .order_by("path")
    )


def translate_strings(translation, translator):
    """Machine-translate the strings of `translation` that have no translation yet; return how many it made."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    missing = {}
    for segment in segments:
        if not StringTranslation.objects.filter(
            translation_of_id=segment.string_id, locale=translation.target_locale, context_id=segment.context_id
        ).exists():
            missing.setdefault(segment.string.as_value(), []).append(segment)
    if not missing:
        return 0
    translated = translator.translate(translation.source.locale, translation.target_locale, list(missing))
    made = 0
    for value, segments_of_value in missing.items():
        result = translated.get(value)
        if result is None or result.data is None:
            continue
        for segment in segments_of_value:
            StringTranslation.objects.get_or_create(
                translation_of_id=segment.string_id,
                locale=translation.target_locale,
                context_id=segment.context_id,
                defaults={
                    "data": result.data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                    "tool_name": translator.display_name,
                },
            )
            made += 1
    return made


@transaction.atomic
def draft_translation(page, locale, translator):
    """Create the machine-translated draft of `page` in `locale`; return the new (unpublished) page."""
    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translate_strings(translation, translator)
    translation.save_target(user=None, publish=False)
    return page.get_translation(locale)


def draft_subtree(root, language_code, report=lambda done, total, page, draft: None):
    translator = get_machine_translator()
    if translator is None:
        raise NoMachineTranslator
    locale = Locale.objects.get(language_code=language_code)
    pages = list(untranslated_pages(root, locale))
    drafts = []
    for number, page in enumerate(pages, start=1):
        draft = draft_translation(page, locale, translator)
        drafts.append(draft)
        report(number, len(pages), page, draft)
    return drafts
