"""The editors' guide inside the admin, in the editor's language: short pages, each a few steps."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import get_page_models

TOPICS = {
    "pages": {
        "title": _("Creating pages"),
        "steps": [
            _("Open Pages, go to the Arabic page the new page belongs under, and choose “Add child page”."),
            _("Pick the type of page: only the types that may go there are offered (see the list below)."),
            _("Write in Arabic first. Fill in the title, the summary and the body; required fields are marked."),
            _("Save a draft as often as you like: nothing is public until the page is published."),
        ],
    },
    "translating": {
        "title": _("Translating into English"),
        "steps": [
            _("On a published Arabic page, choose “Translate this page” and tick English."),
            _("The English version is created as a draft. Translate each segment in the translation editor."),
            _("Dates, capacity, fees and images follow the Arabic page by themselves: you translate only text."),
            _("When the Arabic page changes later, “Sync translated pages” brings the changes to the English draft."),
            _("Reports → Translation status lists what has no English version yet or changed since the last sync."),
        ],
    },
    "submitting": {
        "title": _("Submitting for approval"),
        "steps": [
            _("Editors do not publish: choose “Submit to moderators approval” at the foot of the page editor."),
            _("For an English translation, use the submit button under the translation editor."),
            _("A moderator approves, which publishes, or asks for changes with a comment you will see on the page."),
            _("After changes, submit again: the same approval starts over."),
        ],
    },
    "scheduling": {
        "title": _("Scheduling publication"),
        "steps": [
            _("In the page's status panel, set “Go-live date/time” and, if the page should come down, “Expiry”."),
            _("Submit or publish as usual: an approved page with a future go-live time waits for it."),
            _("The site publishes and unpublishes scheduled pages every minute, and refreshes what visitors see."),
        ],
    },
    "registrations": {
        "title": _("Where registrations live"),
        "steps": [
            _("Registrations for courses and workshops are under Registrations in the main menu."),
            _("Only training coordinators see them and the personal data they hold."),
            _("Filter by course, status or organisation; export to CSV or Excel; mark attendance there."),
        ],
    },
}


def page_types():
    """[(page type, [types it may go under])], for the guide's list of page types."""
    found = []
    for model in get_page_models():
        if model._meta.app_label in ("wagtailcore",) or not model.is_creatable:
            continue
        parents = [
            parent._meta.verbose_name
            for parent in model.allowed_parent_page_models()
            if parent._meta.app_label != "wagtailcore"
        ]
        found.append((model._meta.verbose_name, parents))
    return sorted(found, key=lambda item: str(item[0]))
