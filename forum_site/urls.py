from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from forum_site import health, routing, throttling
from forum_site.pagecache import public_cache
from forum_site.sitemaps import BilingualSitemap
from publications import oai

handler500 = "forum_site.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", public_cache(sitemap), {"sitemaps": {"pages": BilingualSitemap}}),
    # One endpoint for the whole library, outside /ar/ and /en/: each record holds every language edition.
    path("oai/", oai.endpoint, name="oai"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("health/", health.health, name="health"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.views.static import serve

    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))

# Everything a visitor reads carries its language: /ar/... and /en/...; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("programs/", include("programs.urls")),
    # Check-in and the public verification of certificates: /ar/check-in/, /en/certificates/<number>/.
    path("", include("attendance.urls")),
    path("search/", include("search.urls")),
    # Wagtail's URLs, with its page view behind our two-query router (forum_site/routing.py).
    # Wagtail's page-password form, throttled by django-axes (forum_site/throttling.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttling.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    *[
        pattern
        for pattern in wagtail_urls.urlpatterns
        if pattern.name not in ("wagtail_serve", "wagtailcore_authenticate_with_password")
    ],
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
)
