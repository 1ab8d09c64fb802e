from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("editorial/translation_moderation.html", takes_context=True)
def translation_moderation(context, page):
    """The moderation of a translated page, under wagtail-localize's translation editor: its state, the button
    that submits it, and the moderator's actions on the current task."""
    request = context["request"]
    permissions = page.permissions_for_user(request.user)
    state = page.current_workflow_state
    task_state = page.current_workflow_task_state
    actions = []
    if task_state is not None:
        actions = [
            {
                "name": name,
                "label": label,
                "needs_comment": needs_comment,
                "url": reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk]),
            }
            for name, label, needs_comment in task_state.task.specific.get_actions(page, request.user)
        ]
    can_submit = permissions.can_edit() and (
        permissions.can_submit_for_moderation() or (state is not None and state.status == state.STATUS_NEEDS_CHANGES)
    )
    return {
        "page": page,
        "workflow": page.get_workflow(),
        "state": state,
        "task_state": task_state,
        "actions": actions,
        "can_submit": can_submit,
        "submit_url": reverse("editorial_submit_translation", args=[page.pk]),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
