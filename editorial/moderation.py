"""Translations go through the same moderation as their sources.

wagtail-localize 1.14 publishes translations as it makes them (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE,
turned off in settings so they start as drafts), and its translation editor can only publish: an editor
without the publish permission cannot hand a translation on at all. `submit_translation` turns the editor's
translated strings into a draft revision and submits it to the page's workflow, the way Wagtail's page
editor does for a source page; a moderator then approves it (publishing that revision) or asks for changes.
"""

from django.db import transaction
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation


class NotATranslation(LookupError):
    pass


class CannotSubmit(PermissionError):
    pass


def translation_of(page):
    """The enabled wagtail-localize translation that makes `page`, else raise NotATranslation."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        raise NotATranslation(page)
    return translation


def save_translation_draft(translation, page, user):
    """A new draft revision of `page` from the translated strings, leaving what the public sees untouched.

    `Translation.save_target(publish=False)` writes the translated fields into the page's row as well as a
    revision, and the row is what a live page serves: an unapproved edit of a live translation would go
    public at once. So for a live page the draft is made inside a savepoint that is rolled back, and only its
    content is kept, as a revision.
    """
    if not page.live:
        translation.save_target(user=user, publish=False)
        return page.get_latest_revision()
    with transaction.atomic():
        savepoint = transaction.savepoint()
        translation.save_target(user=user, publish=False)
        content = type(page).objects.get(pk=page.pk).get_latest_revision().content
        transaction.savepoint_rollback(savepoint)
    page.refresh_from_db()
    draft = page.specific_class.from_serializable_data(content)
    draft.live = page.live
    return draft.save_revision(user=user, log_action=True)


@transaction.atomic
def submit_translation(page, user):
    """Save the translation of `page` as a draft and submit it to the page's workflow (or resume it)."""
    page = page.specific
    translation = translation_of(page)
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        raise CannotSubmit(page)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        save_translation_draft(translation, page, user)
        state.resume(user)
        return state
    if not permissions.can_submit_for_moderation():
        raise CannotSubmit(page)
    save_translation_draft(translation, page, user)
    page.refresh_from_db()
    page.get_workflow().start(page, user)
    return page.current_workflow_state
