from django.utils.translation import gettext_lazy as _

from forum_site.localize import public_pages
from forum_site.models import SectionIndexPage

from ..listing import PublicationListing
from .publication import PublicationPage


class PublicationIndexPage(SectionIndexPage):
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = _("publications index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = PublicationListing(
            self, request, public_pages(PublicationPage, self.locale_id).child_of(self)
        )
        return context

    def feed_items(self):
        return (
            public_pages(PublicationPage, self.locale_id)
            .child_of(self)
            .order_by("-publication_date", "-pk")
            .prefetch_related("publication_authors__author")
        )
