"""Google Scholar's inclusion rules, checked on every publication page of the demo library in both languages:
one work per page, its full-text PDF linked from the page itself, the authors in the title page's order."""

import re

import pytest

from publications import citation
from publications.models import PublicationPage

pytestmark = pytest.mark.django_db


def meta(html, name):
    return re.findall(rf'<meta name="{name}" content="([^"]*)">', html)


@pytest.fixture
def demo_library(demo_site):
    pages = list(PublicationPage.objects.live().order_by("pk"))
    assert {page.locale.language_code for page in pages} == {"ar", "en"}
    return pages


def test_every_publication_page_follows_google_scholar_rules(client, demo_library):
    for page in demo_library:
        html = client.get(page.url).content.decode()

        # One work per page: one title, one date, one structured description.
        assert meta(html, "citation_title") == [citation.full_title(page)], page.url
        assert len(meta(html, "citation_publication_date")) == 1, page.url
        assert len(re.findall(r'<script type="application/ld\+json">', html)) == 1, page.url

        # The full text is a PDF linked from the page, on this site.
        (pdf_url,) = meta(html, "citation_pdf_url")
        path = pdf_url.removeprefix("http://testserver")
        assert path != pdf_url, f"{page.url}: the PDF is not on this site"
        assert f'href="{path}"' in html or f'href="{pdf_url}"' in html, f"{page.url}: PDF not linked"
        response = client.get(path, HTTP_USER_AGENT="Googlebot-Scholar")
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF")

        # Authors in the title page's order: the order the page credits them in.
        authors = page.ordered_authors()
        assert meta(html, "citation_author") == [citation.citation_name(author) for author in authors], page.url
        credited = re.search(r'<p class="publication__authors">(.*?)</p>', html, re.S).group(1)
        shown = re.findall(r'<span class="author">(.*?)</span>', credited)
        assert shown == [author.name for author in authors], page.url
