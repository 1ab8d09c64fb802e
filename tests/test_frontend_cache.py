"""A CDN or reverse proxy in front of the site is purged of the same URLs as the page cache: here by HTTP
PURGE to a stand-in proxy started on 127.0.0.1, as Varnish or nginx would receive them."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import unquote

import pytest

from news.tests import helpers as news


@pytest.fixture
def purging_proxy(settings):
    purged = []

    class Proxy(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            purged.append((self.headers["Host"], unquote(self.path)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = HTTPServer(("127.0.0.1", port), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    yield purged
    server.shutdown()


def test_publishing_purges_the_page_its_listings_and_feeds_from_the_proxy(
    site_tree, purging_proxy, django_capture_on_commit_callbacks
):
    index = news.news_index(site_tree.home_ar)
    item = news.news_page(index, "افتتاح المؤتمر العام")
    purging_proxy.clear()

    with django_capture_on_commit_callbacks(execute=True):
        item.title = "اختتام المؤتمر العام"
        item.save_revision().publish()

    paths = {path for _host, path in purging_proxy}
    for url in [item.url, index.url, index.url + "feed/rss/", index.url + "feed/atom/", site_tree.home_ar.url]:
        assert unquote(url) in paths, url
    assert "/sitemap.xml" in paths
    about = site_tree.home_ar.get_children().live().filter(slug="عن-المنتدى").first()
    assert unquote(about.url) not in paths


def test_nothing_is_purged_before_the_edit_is_committed(site_tree, purging_proxy, django_capture_on_commit_callbacks):
    index = news.news_index(site_tree.home_ar)
    purging_proxy.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        news.news_page(index, "خبر جديد")
    assert purging_proxy == []
    assert callbacks
