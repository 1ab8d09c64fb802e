from django.db.models import Prefetch
from django.template.loader import render_to_string
from wagtail.images import get_image_model

from forum_site.localize import public_pages

from .models import PublicationAuthor, PublicationIndexPage, PublicationPage

HOME_IMAGE = "fill-240x320"


def latest_publications(home_page, count=3):
    """The newest publications of the home page's language, with what their cards show, in four queries."""
    index_page = public_pages(PublicationIndexPage, home_page.locale_id).child_of(home_page).first()
    if index_page is None:
        return [], None
    publications = list(
        public_pages(PublicationPage, home_page.locale_id)
        .child_of(index_page)
        .order_by("-publication_date", "-pk")
        .prefetch_related(
            Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions(HOME_IMAGE)),
            Prefetch("publication_authors", queryset=PublicationAuthor.objects.select_related("author")),
        )[:count]
    )
    return publications, index_page


def latest_publications_section(home_page, request):
    """The home page's newest publications ("" when there are none)."""
    publications, index_page = latest_publications(home_page)
    if not publications:
        return ""
    return render_to_string(
        "publications/home_section.html",
        {"publications": publications, "index_page": index_page, "request": request},
        request=request,
    )
