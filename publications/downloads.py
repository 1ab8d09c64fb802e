"""Downloads of the publications' PDFs, counted on the server with no cookie and no personal data.

Wagtail serves every document through its own view, which calls the `before_serve_document` hook: the
count happens there, so the links on the page, in `citation_pdf_url` and in harvested records stay the
documents' plain addresses. Robots are not counted, nor a PDF viewer's later byte-range requests, nor the
same visitor again within 30 seconds (COUNTER's double-click rule). That last check keeps a salted hash of
the address and browser in the cache for those 30 seconds only; the database holds one number per edition.
"""

import datetime
import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F

from forum_site.clients import client_ip

from .models import EditionDownloads, PublicationEdition

ROBOT = re.compile(
    r"bot|crawl|spider|slurp|scholar|archiver|facebookexternalhit|preview|curl|wget|python-|java/|headless",
    re.IGNORECASE,
)
REPEAT_WINDOW_SECONDS = 30


def count_download(document, request):
    if not _is_a_reader_opening_it(request) or _is_a_repeat(document, request):
        return
    editions = (
        PublicationEdition.objects.filter(document=document, page__live=True)
        .values_list("page__translation_key", "language")
        .distinct()
    )
    for translation_key, language in editions:
        add_download(translation_key, language)


def add_download(translation_key, language):
    counted = EditionDownloads.objects.filter(translation_key=translation_key, language=language)
    if counted.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            EditionDownloads.objects.create(translation_key=translation_key, language=language, count=1)
    except IntegrityError:  # another request created the row first
        counted.update(count=F("count") + 1)


def _is_a_reader_opening_it(request):
    if request.method != "GET" or ROBOT.search(request.headers.get("User-Agent", "")):
        return False
    byte_range = request.headers.get("Range", "")
    return not byte_range or byte_range.replace(" ", "").startswith("bytes=0-")


def _is_a_repeat(document, request):
    visitor = "|".join(
        [
            settings.SECRET_KEY,
            datetime.date.today().isoformat(),
            client_ip(request),
            request.headers.get("User-Agent", ""),
            str(document.pk),
        ]
    )
    key = "publications:download:" + hashlib.sha256(visitor.encode()).hexdigest()
    return not cache.add(key, 1, timeout=REPEAT_WINDOW_SECONDS)
