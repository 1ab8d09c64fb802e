"""The names of the data we configure, shown in the editor's language.

Wagtail's migrations create the "Editors" and "Moderators" groups, the "Moderators approval" workflow and task
and the "Root" collection and root page; ours add "Training coordinators". Their names are database text, so the Arabic
admin showed «تقديم إلى Moderators approval». The English names stay in the database (every query and
migration refers to them); reading `name` on these models gives its translation into the active language,
and a translated name written back (a form that showed it) is stored as the English one again. A name an
editor types is kept as typed.
"""

from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import gettext, gettext_noop, override

CONFIGURED_NAMES = [
    gettext_noop("Editors"),
    gettext_noop("Moderators"),
    gettext_noop("Moderators approval"),
    gettext_noop("Training coordinators"),
    gettext_noop("Root"),
]

_canonical = None


def canonical_name(value):
    """The stored (English) name for `value`, which may be that name in any of the site's languages."""
    global _canonical
    if _canonical is None:
        from django.conf import settings

        found = {}
        for code, _language in settings.LANGUAGES:
            with override(code):
                found.update({gettext(name): name for name in CONFIGURED_NAMES})
        _canonical = found
    return _canonical.get(value, value)


class TranslatedName(DeferredAttribute):
    """`name` read in the active language, stored in English (a data descriptor, so reads always pass here)."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is None or value not in CONFIGURED_NAMES:
            return value
        return gettext(value)

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = canonical_name(value) if isinstance(value, str) else value


def _stored_value(field, model_instance, add):
    return model_instance.__dict__.get(field.attname)


def install():
    """Put TranslatedName on the `name` of groups, workflows, tasks (and their subclasses) and collections, and
    show the root page's title (the first crumb of every admin breadcrumb) in the editor's language."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, Page, Task, Workflow

    stored_title = Page.get_admin_display_title

    def get_admin_display_title(page):
        title = stored_title(page)
        return gettext(title) if page.depth == 1 and title in CONFIGURED_NAMES else title

    Page.get_admin_display_title = get_admin_display_title

    for base in (Group, Workflow, Task, Collection):
        field = base._meta.get_field("name")
        # Saving writes what is stored, never the translation a read returns.
        field.pre_save = _stored_value.__get__(field)
        for model in apps.get_models():
            if issubclass(model, base):
                setattr(model, field.attname, TranslatedName(field))
