from django.db.models import Prefetch
from wagtail.images import get_image_model

from .models import PublicationAuthor, PublicationIndexPage, PublicationPage

HOME_IMAGE = "fill-240x320"


def latest_publications(home_page, count=3):
    """The newest publications of the home page's language, with what their cards show, in four queries."""
    index_page = PublicationIndexPage.objects.live().child_of(home_page).first()
    if index_page is None:
        return [], None
    publications = list(
        PublicationPage.objects.live()
        .child_of(index_page)
        .order_by("-publication_date", "-pk")
        .prefetch_related(
            Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions(HOME_IMAGE)),
            Prefetch("publication_authors", queryset=PublicationAuthor.objects.select_related("author")),
        )[:count]
    )
    return publications, index_page
