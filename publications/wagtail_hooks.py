from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .downloads import count_download
from .models import Author

register_snippet(Author)


@hooks.register("home_page_sections", order=20)
def latest_publications_section(home_page, request):
    from .sections import latest_publications

    publications, index_page = latest_publications(home_page)
    if not publications:
        return ""
    return render_to_string(
        "publications/home_section.html",
        {"publications": publications, "index_page": index_page, "request": request},
        request=request,
    )


@hooks.register("before_serve_document")
def count_publication_download(document, request):
    count_download(document, request)
