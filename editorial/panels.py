from django.urls import reverse
from wagtail.admin.ui.components import Component

from editorial import translation_status


class TranslationStatusPanel(Component):
    """The dashboard's counts of the English site's state, linking to the translation status report."""

    name = "editorial_translation_status"
    template_name = "editorial/translation_status_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {
            "counts": translation_status.counts(translation_status.rows(self.user)),
            "url": reverse("editorial_translation_status"),
        }
