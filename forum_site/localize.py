"""Our use of wagtail-localize in one place: translating content programmatically, as an editor would.

The demo content (and tests) translate Arabic pages and snippets into English through the same
machinery editors use: a TranslationSource, a Translation, a PO file of the source strings with their
English text, then save_target() which creates or updates the synchronised translation.
"""

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


class MissingEnglishText(ValueError):
    pass


def translate(instance, english_by_arabic, locale_code="en", publish=True):
    """Create or update the translation of `instance` into `locale_code`, returning it.

    `english_by_arabic` maps each Arabic source string (as wagtail-localize segments it: one entry per
    field or rich-text paragraph) to its English text. A missing string is an error, so demo content
    never silently shows Arabic on the English site.
    """
    locale = Locale.objects.get(language_code=locale_code)
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
    # wagtail-localize (1.14) defers a page's publish to transaction.on_commit with the page instance it
    # had in memory; publishing that stale copy resets the tree's numchild, so a translated parent whose
    # children were translated in the same transaction loses them. Save a draft, then publish it now.
    translation.save_target(publish=False)
    translated = instance.get_translation(locale)
    if publish:
        translated.get_latest_revision().publish()
    return translated


class Bilingual:
    """Collects the English text of each Arabic string while demo content is written in Arabic.

    `t = Bilingual(); page.title = t("من نحن", "About us")` returns the Arabic and remembers the
    English, so `translate(page, t.english)` can fill the English translation afterwards.
    """

    def __init__(self):
        self.english = {}

    def __call__(self, arabic, english):
        self.english[arabic] = english
        return arabic

    def paragraphs(self, *pairs):
        """Rich text of one <p> per (Arabic, English) pair; wagtail-localize segments it per paragraph."""
        return "".join(f"<p>{self(arabic, english)}</p>" for arabic, english in pairs)


def publish_with_translation(parent, page, english_by_arabic):
    """Add the Arabic `page` under `parent`, publish it, then publish its English translation."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return translate(page, english_by_arabic)
