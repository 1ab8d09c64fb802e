from django.template.loader import render_to_string

from forum_site.localize import public_pages
from forum_site.pagecache import cached_fragment

from .models import PublicationIndexPage, PublicationPage
from .models.publication import with_card_relations


def latest_publications(home_page, count=3):
    """The newest publications of the home page's language, with what their cards show, in a few queries."""
    index_page = home_page.section_index(PublicationIndexPage)
    if index_page is None:
        return [], None
    publications = list(
        with_card_relations(
            public_pages(PublicationPage, home_page.locale_id).child_of(index_page).order_by("-publication_date", "-pk")
        )[:count]
    )
    return publications, index_page


def latest_publications_section(home_page, request):
    """The home page's newest publications ("" when there are none), kept until the library is purged."""

    def render():
        publications, index_page = latest_publications(home_page)
        if not publications:
            return ""
        return render_to_string(
            "publications/home_section.html",
            {"publications": publications, "index_page": index_page, "request": request},
            request=request,
        )

    index_page = home_page.section_index(PublicationIndexPage)
    return cached_fragment("home-publications", index_page.get_url(request), render) if index_page else ""
