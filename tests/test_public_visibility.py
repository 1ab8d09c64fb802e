"""A page restricted by login or password shows nowhere the public can look: pages, listings, feeds, calendars,
the sitemap, search and suggestions, in both languages."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

from forum_site.localize import public_pages
from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from partners.models import MoUPage, PartnersPage
from programs.models import (
    ProgramIndexPage,
    ProgramPage,
    TrainingCalendarPage,
    TrainingCoursePage,
    WorkshopPage,
)
from publications.models import PublicationIndexPage, PublicationPage

LEAF_TYPES = [StandardPage, TrainingCoursePage, WorkshopPage, ProgramPage, PublicationPage, MoUPage, NewsPage]
SECTION_TYPES = [ProgramIndexPage, TrainingCalendarPage, PublicationIndexPage, PartnersPage, NewsIndexPage]


def _make_private(model, number):
    """Retitle the demo's first `model` page and its English translation, then restrict the Arabic one to
    logged-in users and the English one by a password; returns their titles and paths."""
    arabic = model.objects.filter(locale__language_code="ar").order_by("path").first()
    english = arabic.get_translation(Locale.objects.get(language_code="en"))
    hidden = []
    for page, title, restriction in [
        (arabic, f"صفحة خاصة رقم {number}", PageViewRestriction.LOGIN),
        (english, f"Private page number {number}", PageViewRestriction.PASSWORD),
    ]:
        page.title = title
        page.save_revision().publish()
        PageViewRestriction.objects.create(page=page, restriction_type=restriction, password="a-secret")
        hidden.append((title, page.url))
    return hidden


def _public_urls():
    urls = ["/sitemap.xml"]
    for language_code in ("ar", "en"):
        locale = Locale.objects.get(language_code=language_code)
        pages = list(public_pages(Page, locale).filter(depth__gt=1).specific())
        urls += [page.url for page in pages]
        urls += [page.url + "?when=past" for page in pages if isinstance(page, TrainingCalendarPage)]
        urls += [page.url + route for page in pages if isinstance(page, NewsIndexPage | PublicationIndexPage)
                 for route in ("feed/rss/", "feed/atom/")]  # fmt: skip
        with translation.override(language_code):
            urls.append(reverse("programs:calendar_feed"))
            urls += [
                reverse("programs:program_feed", args=[page.pk]) for page in pages if isinstance(page, ProgramPage)
            ]
            urls += [
                reverse("programs:event_ics", args=[page.pk])
                for page in pages
                if isinstance(page, TrainingCoursePage | WorkshopPage)
            ]
    return urls


def _text(response):
    # iCalendar folds long lines: unfold them so that a title split across lines is still found.
    return re.sub(r"\r?\n[ \t]", "", response.content.decode())


def _assert_hidden_everywhere(client, hidden):
    responses = {url: client.get(url) for url in _public_urls()}
    for url, response in responses.items():
        assert response.status_code == 200, url
        text = _text(response)
        for title, path in hidden:
            assert title not in text, f"{title!r} shows on {url}"
            assert f'href="{path}"' not in text and f"{path}</" not in text, f"{path} is linked from {url}"
    for title, path in hidden:
        for language_code in ("ar", "en"):
            # The search page repeats the query: what must not show is a result.
            found = client.get(f"/{language_code}/search/", {"q": title}).content.decode()
            suggested = client.get(f"/{language_code}/search/suggest/", {"q": title[:12]}).json()["suggestions"]
            assert f'href="{path}"' not in found, f"search for {title!r} finds it"
            assert title not in [suggestion["title"] for suggestion in suggested], f"{title!r} is suggested"


@pytest.mark.django_db(transaction=True)
def test_private_pages_of_every_type_show_nowhere(client, demo_site):
    hidden = [entry for number, model in enumerate(LEAF_TYPES, 1) for entry in _make_private(model, number)]

    _assert_hidden_everywhere(client, hidden)


@pytest.mark.django_db(transaction=True)
def test_private_sections_show_nowhere(client, demo_site):
    hidden = [entry for number, model in enumerate(SECTION_TYPES, 1) for entry in _make_private(model, number)]

    _assert_hidden_everywhere(client, hidden)
