"""schema.org JSON-LD in a page's head, escaped so that no text of the page can close its script element."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# "<", ">" and "&" written as JSON escapes: a title holding "</script>" stays inside the data block.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld_script(data):
    """The `<script type="application/ld+json">` element holding `data`."""
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
