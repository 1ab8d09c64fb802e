"""Template tags of the base layout: navigation, language switcher and alternates."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from forum_site.localize import public_pages

register = template.Library()


def _home_page(request, language_code):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if root.locale.language_code == language_code:
        return root
    return root.get_translation_or_none(Locale.objects.get(language_code=language_code))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The current language's home page and its menu pages, for the header navigation."""
    request = context["request"]
    home = _home_page(request, get_language())
    if home is None:
        return []
    return [home, *public_pages(Page, home.locale_id).child_of(home).in_menu()]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of this page, or that language's home page (never a 404)."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    # A view may say where its page is in another language (the search page keeps a query only where it finds).
    given_urls = context.get("language_urls") or {}
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if code in given_urls:
            url = given_urls[code]
        elif page is not None:
            translation = (
                page
                if page.locale.language_code == code
                else page.get_translation_or_none(Locale.objects.get(language_code=code))
            )
            if translation is not None and translation.live:
                url = translation.get_url(request)
            else:
                home = _home_page(request, code)
                url = home.get_url(request) if home else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "is_current": code == get_language()})
    return links


@register.filter
def absolute(url, request):
    return request.build_absolute_uri(url)


@register.filter
def address_for(site_settings, language_code):
    return site_settings.address_for(language_code)


@register.filter
def elided_page_range(page_obj):
    """Page numbers with "…" in long listings, so a 1,000-page result doesn't print 1,000 links."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
