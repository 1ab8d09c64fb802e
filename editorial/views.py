from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.update_translations import UpdateTranslationsView

from editorial import guide, moderation
from editorial import translation_status as status


@require_POST
def submit_translation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    try:
        state = moderation.submit_translation(page, request.user)
    except moderation.NotATranslation as error:
        raise Http404 from error
    except moderation.CannotSubmit as error:
        raise PermissionDenied from error
    messages.success(
        request,
        _("“%(title)s” was submitted for approval: %(task)s.")
        % {"title": page.get_admin_display_title(), "task": _(state.current_task_state.task.name)},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def guarded_update_translations(request, translation_source_id):
    """wagtail-localize's "Sync translated pages", refusing "Publish immediately" to anyone who may not publish
    every translated page: wagtail-localize 1.14 checks only its submit_translation permission there, which
    would let a plain editor put English live without approval."""
    if request.method == "POST" and request.POST.get("publish_translations"):
        source = get_object_or_404(TranslationSource, pk=translation_source_id)
        for translation in source.translations.filter(enabled=True).select_related("target_locale"):
            try:
                target = source.get_translated_instance(translation.target_locale)
            except ObjectDoesNotExist:
                continue
            if isinstance(target, Page):
                if not target.permissions_for_user(request.user).can_publish():
                    raise PermissionDenied
    return UpdateTranslationsView.as_view()(request, translation_source_id=translation_source_id)


def translation_status(request):
    all_rows = status.rows(request.user)
    chosen = {name: request.GET.get(name, "") for name in ("section", "kind", "state")}
    return TemplateResponse(
        request,
        "editorial/translation_status.html",
        {
            "header_title": _("Translation status"),
            "page_title": _("Translation status"),
            "header_icon": "wagtail-localize-language",
            "rows": status.filtered(all_rows, **chosen),
            "counts": status.counts(all_rows),
            "states": status.STATES,
            "sections": sorted({row.section for row in all_rows if row.section}),
            "kinds": sorted({row.kind for row in all_rows}),
            "chosen": chosen,
        },
    )


def editors_guide(request, topic="pages"):
    if topic not in guide.TOPICS:
        raise Http404
    return TemplateResponse(
        request,
        "editorial/guide.html",
        {
            "header_title": _("Editors’ guide"),
            "page_title": _("Editors’ guide"),
            "header_icon": "help",
            "topics": guide.TOPICS,
            "topic": guide.TOPICS[topic],
            "current": topic,
            "page_types": guide.page_types() if topic == "pages" else [],
        },
    )
