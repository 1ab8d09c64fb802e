"""Machine-translated English drafts of an Arabic subtree, through a LibreTranslate-compatible server on
127.0.0.1 started here (the real HTTP client of wagtail-localize talks to it): drafts only, idempotent."""

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from home.models import StandardPage

DICTIONARY = {"مجلس الإدارة": "Board of directors", "الأعضاء": "Members", "سبع مدن.": "Seven cities."}


class LibreTranslate(BaseHTTPRequestHandler):
    """POST /translate {"q": [...], "source", "target", "format"} -> {"translatedText": [...]}, as LibreTranslate."""

    requests = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.requests.append(body)
        if self.path != "/translate" or (body["source"], body["target"]) != ("ar", "en"):
            self.send_error(400)
            return
        answer = json.dumps({"translatedText": [DICTIONARY.get(text, f"[en] {text}") for text in body["q"]]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(answer.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def libretranslate(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), LibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    LibreTranslate.requests = []
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": f"http://127.0.0.1:{server.server_port}", "API_KEY": "", "TIMEOUT": 5},
    }
    yield LibreTranslate.requests
    server.shutdown()
    server.server_close()


@pytest.fixture
def arabic_subtree(site_tree):
    board = site_tree.home_ar.add_child(instance=StandardPage(title="مجلس الإدارة", slug="المجلس", summary="سبع مدن."))
    board.save_revision().publish()
    members = board.add_child(instance=StandardPage(title="الأعضاء", slug="الأعضاء"))
    members.save_revision().publish()
    return board, members


def run(root):
    return run_on(str(root.pk))


def run_on(page):
    out = io.StringIO()
    call_command("machine_translate_drafts", page, stdout=out)
    return out.getvalue()


def test_command_creates_unpublished_english_drafts_of_the_subtree(libretranslate, arabic_subtree):
    board, members = arabic_subtree
    english = Locale.objects.get(language_code="en")

    output = run(board)

    assert "[1/2] مجلس الإدارة -> Board of directors (draft)" in output
    assert "[2/2] الأعضاء -> Members (draft)" in output
    board_en = board.get_translation(english).specific
    members_en = members.get_translation(english).specific
    assert (board_en.title, board_en.summary, board_en.live) == ("Board of directors", "Seven cities.", False)
    assert (members_en.title, members_en.live, members_en.get_parent().pk) == ("Members", False, board_en.pk)
    assert all(request["format"] == "html" for request in libretranslate)


def test_running_again_translates_nothing_twice(libretranslate, arabic_subtree):
    board, _members = arabic_subtree
    run(board)
    calls = len(libretranslate)

    output = run_on("/ar/المجلس/")  # the page's path works as well as its id

    assert "0 draft(s) created in en; nothing published." in output
    assert len(libretranslate) == calls
    assert StandardPage.objects.filter(locale__language_code="en", title="Members").count() == 1


def test_without_a_translator_the_command_says_so(settings, arabic_subtree):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    with pytest.raises(CommandError, match="No machine translator"):
        run(arabic_subtree[0])
