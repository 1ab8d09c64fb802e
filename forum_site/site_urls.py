"""Full URLs of the public site, for what leaves it: emails, calendar files, feeds read elsewhere."""

from django.conf import settings
from wagtail.models import Site


def site_root_url():
    """The public address: SITE_URL when set, else the default Wagtail Site's root URL."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute_url(path):
    """`path` ("/ar/…") on the public address; a URL that is already absolute is returned as it is."""
    if not path or "://" in path:
        return path or ""
    return site_root_url() + path
