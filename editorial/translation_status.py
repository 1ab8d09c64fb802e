"""How far the English site is behind the Arabic one: for every page (MoUs included) and translatable snippet,
whether an English version exists, what share of its strings is translated, and whether the Arabic source
changed since it was last synced. Built in a fixed number of queries (progress counted in bulk, the way
wagtail-localize's Translation.get_progress() counts one translation)."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

STATES = {
    "missing": _("No English version"),
    "partial": _("Partly translated"),
    "outdated": _("Arabic changed since the last sync"),
    "done": _("Translated"),
}


@dataclass
class Row:
    title: str
    kind: str
    section: str
    state: str
    translated: int
    total: int
    edit_url: str
    action_url: str
    action_label: str

    @property
    def state_label(self):
        return STATES[self.state]

    @property
    def share(self):
        return round(100 * self.translated / self.total) if self.total else (100 if self.state != "missing" else 0)


def _progress(sources, locale):
    """{source id: (total strings, translated strings)} for `sources` into `locale`, in two queries."""
    segments = StringSegment.objects.filter(source__in=sources)
    totals = dict(segments.values_list("source_id").annotate(n=Count("id")))
    done = dict(
        segments.filter(
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale=locale,
                    has_error=False,
                )
            )
        )
        .values_list("source_id")
        .annotate(n=Count("id"))
    )
    return {source_id: (total, done.get(source_id, 0)) for source_id, total in totals.items()}


def _state(exists, source, changed_at, progress):
    if not exists:
        return "missing"
    if source is not None and changed_at is not None and changed_at > source.last_updated_at:
        return "outdated"
    total, translated = progress
    return "done" if translated >= total else "partial"


def rows(user):
    arabic = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    english = Locale.objects.exclude(pk=arabic.pk).first()
    finder = AdminURLFinder(user)
    result = []

    pages = list(Page.objects.filter(locale=arabic, depth__gt=1).select_related("content_type").order_by("path"))
    items = [(page, page.content_type) for page in pages]
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            content_type = ContentType.objects.get_for_model(model)
            items += [(snippet, content_type) for snippet in model.objects.filter(locale=arabic)]
    keys = [item.translation_key for item, _type in items]
    english_keys = set(
        Page.objects.filter(locale=english, translation_key__in=keys).values_list("translation_key", flat=True)
    )
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            english_keys |= set(
                model.objects.filter(locale=english, translation_key__in=keys).values_list("translation_key", flat=True)
            )
    sources = {
        (source.object_id, source.specific_content_type_id): source
        for source in TranslationSource.objects.filter(locale=arabic, object_id__in=keys)
    }
    progress = _progress(list(sources.values()), english)
    sections = {page.path[: Page.steplen * 3]: page.title for page in pages if page.depth == 3}

    for item, content_type in items:
        source = sources.get((item.translation_key, content_type.pk))
        if source is None and isinstance(item, Page):
            source = next((s for (key, _ct), s in sources.items() if key == item.translation_key), None)
        exists = item.translation_key in english_keys
        changed_at = getattr(item, "latest_revision_created_at", None) if isinstance(item, Page) else None
        counts = progress.get(source.pk, (0, 0)) if source is not None else (0, 0)
        state = _state(exists, source, changed_at, counts)
        if isinstance(item, Page):
            section = sections.get(item.path[: Page.steplen * 3], "") if item.depth > 3 else item.title
            translate_url = reverse("wagtail_localize:submit_page_translation", args=[item.pk])
        else:
            section = str(content_type.model_class()._meta.verbose_name_plural)
            translate_url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[content_type.app_label, content_type.model, item.pk],
            )
        if state == "missing":
            action_url, action_label = translate_url, _("Translate")
        elif source is not None and state == "outdated":
            action_url, action_label = reverse("wagtail_localize:update_translations", args=[source.pk]), _("Sync")
        else:
            action_url, action_label = "", ""
        result.append(
            Row(
                title=str(item.title if isinstance(item, Page) else item),
                kind=str(content_type.model_class()._meta.verbose_name),
                section=section,
                state=state,
                translated=counts[1],
                total=counts[0],
                edit_url=finder.get_edit_url(item) or "",
                action_url=action_url,
                action_label=action_label,
            )
        )
    return result


def counts(all_rows):
    found = {state: 0 for state in STATES}
    for row in all_rows:
        found[row.state] += 1
    return found


def filtered(all_rows, section="", kind="", state=""):
    return [
        row
        for row in all_rows
        if (not section or row.section == section)
        and (not kind or row.kind == kind)
        and (not state or row.state == state)
    ]
