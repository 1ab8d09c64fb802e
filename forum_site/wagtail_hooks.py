from wagtail import hooks
from wagtail.models import Page

from forum_site.pagecache import mark_public


@hooks.register("before_serve_page")
def share_public_pages(page, request, serve_args, serve_kwargs):
    """A page anyone may see is served from the page cache; a preview or a private section never is."""
    if request.method in ("GET", "HEAD") and not getattr(request, "is_preview", False):
        if not page.get_view_restrictions().exists():
            mark_public(request)


@hooks.register("pages_showing")
def untranslated_pages_linking_this_one(page):
    """A page with no version in this page's language links this page (its nearest ancestor in that language)
    from its language switcher: publishing or unpublishing this page changes theirs."""
    if not isinstance(page, Page):
        return []
    in_this_language = Page.objects.filter(locale_id=page.locale_id).values("translation_key")
    showing = []
    for other in Page.objects.filter(translation_key=page.translation_key).exclude(locale_id=page.locale_id):
        showing += Page.objects.descendant_of(other).exclude(translation_key__in=in_this_language)
    return showing
