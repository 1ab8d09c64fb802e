"""Template tags of the base layout: navigation, language switcher and alternates.

The main menu is the same on every page of a language: it is cached under that language's page-cache
token, which every change to a menu page renews (forum_site/invalidation.py). The language switcher
reads the page's translations in one query.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page, Site

from forum_site import pagecache
from forum_site.locales import language_code_of
from forum_site.localize import public_pages

register = template.Library()
# Search engines show about 160 characters of a description.
DESCRIPTION_LENGTH = 160


def _menu(request, language_code):
    """[{title, url, pk}] of a language's home page and its live menu pages, cached; [] without a site."""
    hostname = split_domain_port(request._get_raw_host())[0]
    tokens = ":".join(pagecache.language_tokens(language_code))
    key = f"chrome:menu:{tokens}:{hostname}:{request.get_port()}:{language_code}"
    menu = cache.get(key)
    if menu is None:
        menu = []
        site = Site.find_for_request(request)
        if site is not None:
            root = site.root_page
            home = (
                Page.objects.filter(
                    translation_key=root.translation_key, locale__language_code=language_code, live=True
                ).first()
                or root
            )
            menu = [
                {"title": page.title, "url": page.get_url(request), "pk": page.pk}
                for page in [home, *public_pages(Page, home.locale_id).child_of(home).in_menu()]
            ]
        cache.set(key, menu, timeout=None)
    return menu


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The current language's home page and its menu pages, for the header navigation."""
    return _menu(context["request"], get_language())


# What the switcher says on a page that has no version in a language, in the language of the page being read.
NOT_YET_TRANSLATED = {
    "ar": gettext_lazy("This page is not available in Arabic yet"),
    "en": gettext_lazy("This page is not available in English yet"),
}


def _translations_and_nearest_ancestors(request, page):
    """({code: url} of the page's public translations, {code: {url, title}} of its nearest ancestor that is
    public in each language), in one query: the ancestors come with the page from the router."""
    depth_by_key = {
        ancestor.translation_key: ancestor.depth for ancestor in breadcrumb_ancestors({"request": request}, page)
    }
    translated, nearest = {}, {}
    # Only what a link is made of: a whole page row is a third of this tag's time.
    for found in (
        public_pages(Page, None)
        .filter(translation_key__in=[page.translation_key, *depth_by_key])
        .only("translation_key", "locale_id", "url_path", "title")
    ):
        code = language_code_of(found.locale_id)
        if found.translation_key == page.translation_key:
            translated[code] = found.get_url(request)
        elif code not in nearest or depth_by_key[found.translation_key] > nearest[code][0]:
            nearest[code] = (depth_by_key[found.translation_key], found)
    ancestors = {
        code: {"url": found.get_url(request), "title": found.title} for code, (_depth, found) in nearest.items()
    }
    return translated, ancestors


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of this page where it exists (`translated`, the only ones given
    hreflang alternates); else a note that the page is not in that language yet, with a link to its nearest
    ancestor that is (or that language's home page: never a 404)."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    # A view may say where its page is in another language (the search page keeps a query only where it finds).
    given_urls = context.get("language_urls") or {}
    translated, fallbacks = _translations_and_nearest_ancestors(request, page) if page is not None else ({}, {})
    links = []
    for code, name in settings.LANGUAGES:
        link = {"code": code, "name": name, "is_current": code == get_language(), "translated": True}
        if code in given_urls:
            link["url"] = given_urls[code]
        elif page is not None:
            link["url"] = translated.get(code)
            if link["url"] is None:
                fallback = fallbacks.get(code)
                if fallback is None:
                    home = _menu(request, code)
                    fallback = home[0] if home else {"url": f"/{code}/", "title": name}
                link.update(
                    url=fallback["url"],
                    translated=False,
                    fallback_title=fallback["title"],
                    note=NOT_YET_TRANSLATED.get(code, ""),
                )
        else:
            link["url"] = translate_url(request.get_full_path(), code)
        links.append(link)
    return links


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's userbar for an editor; a visitor without a session gets nothing, and the page does not read
    the session (which would make it vary by cookie, and unfit for the page cache)."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context)


@register.simple_tag(takes_context=True)
def footer_sections(context):
    """What the content apps add to the footer through the `footer_sections` hook (the partners), each a
    function of (request, language_code) returning HTML, or "" when it has nothing to show."""
    request = context.get("request")
    if request is None:
        return ""
    sections = (section(request, get_language()) for section in hooks.get_hooks("footer_sections"))
    return mark_safe("".join(html for html in sections if html))  # noqa: S308 - rendered templates


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's search description, else the start of its summary or introduction, else the forum's."""
    page = context.get("page")
    for field in ("search_description", "summary", "introduction", "abstract", "hero_text"):
        text = " ".join(strip_tags(str(getattr(page, field, "") or "")).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return _("The technical arm of the Arab Towns Organization, hosted by the Greater Amman Municipality.")


@register.simple_tag(takes_context=True)
def breadcrumb_ancestors(context, page):
    """The page's ancestors from its home page down: those the router read with the page, else one query."""
    page_id, ancestors = getattr(context.get("request"), "page_ancestors", (None, None))
    if page_id == page.pk:
        return ancestors
    return list(page.get_ancestors().filter(depth__gt=1))


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
