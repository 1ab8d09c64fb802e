from wagtail import hooks

from forum_site.pagecache import mark_public


@hooks.register("before_serve_page")
def share_public_pages(page, request, serve_args, serve_kwargs):
    """A page anyone may see is served from the page cache; a preview or a private section never is."""
    if request.method in ("GET", "HEAD") and not getattr(request, "is_preview", False):
        if not page.get_view_restrictions().exists():
            mark_public(request)
