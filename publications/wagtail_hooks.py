from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .downloads import count_download
from .models import Author
from .sections import latest_publications_section

register_snippet(Author)
hooks.register("home_page_sections", latest_publications_section, order=20)
hooks.register("before_serve_document", count_download)
