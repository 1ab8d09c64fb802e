"""A URLconf with a view that fails, for tests/test_error_reporting.py."""

from django.urls import path

from forum_site.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("a bug")


handler500 = "forum_site.errors.server_error"
urlpatterns = [path("fail/", fail), *site_urlpatterns]
