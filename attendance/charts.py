"""Charts drawn on our server as SVG: no JavaScript library, readable by screen readers (a title, a description
with every figure, and the table beside it in the page)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 220
BAR_AREA = 360
VALUE_WIDTH = 48
WIDTH = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
BAR_COLOUR = "#1a365d"
TEXT_COLOUR = "#1f2933"


def _shorten(text, limit=32):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart_svg(rows, *, title, chart_id):
    """A horizontal bar chart of (label, value) rows, as a safe <svg> string; right to left in Arabic."""
    if not rows:
        return ""
    rtl = get_language_bidi()
    largest = max(value for _label, value in rows) or 1
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    description = "; ".join(f"{label}: {value}" for label, value in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="attendance-chart">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        bar = round(BAR_AREA * value / largest, 1)
        middle = y + BAR_HEIGHT / 2
        shown = _shorten(str(label)) if label else _("(not given)")
        if rtl:  # labels on the right, bars growing to the left
            label_x, label_anchor = WIDTH - 4, "start"
            bar_x = WIDTH - LABEL_WIDTH - bar
            value_x, value_anchor = bar_x - 6, "start"
        else:
            label_x, label_anchor = LABEL_WIDTH - 8, "end"
            bar_x = LABEL_WIDTH
            value_x, value_anchor = bar_x + bar + 6, "start"
        direction = ' direction="rtl"' if rtl else ""
        parts.append(
            f'<text x="{label_x}" y="{middle}" dominant-baseline="middle" text-anchor="{label_anchor}"{direction} '
            f'font-size="13" fill="{TEXT_COLOUR}">{escape(shown)}</text>'
        )
        parts.append(f'<rect x="{bar_x}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}" rx="2"/>')
        parts.append(
            f'<text x="{value_x}" y="{middle}" dominant-baseline="middle" text-anchor="{value_anchor}"{direction} '
            f'font-size="13" fill="{TEXT_COLOUR}">{value}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text in it is escaped above)
