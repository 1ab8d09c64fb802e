"""Split the self-hosted font into the Arabic and Latin subsets that static/fonts/ serves (committed files).

Noto Sans Arabic (forum_site/font_sources/, OFL) is cut with fontTools' subsetter into one file per script
and weight, declared in static/css/site.css with the same unicode-range: a browser downloads a subset only
when a page has a character in its range. Hinting is dropped (browsers on today's screens do not use it;
it is a quarter of the file), and of the OpenType layout features only those Arabic shaping and
positioning use are kept. Run again after changing the ranges, and update site.css to match.
"""

import logging
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from fontTools import subset

SOURCES = Path(settings.BASE_DIR) / "forum_site" / "font_sources"
TARGET = Path(settings.BASE_DIR) / "static" / "fonts"
# The Arabic block, joiners and direction marks, the dotted circle, and the presentation forms of letters
# that text pasted from PDFs contains, with the honorific ligatures (U+FDF0-FDFF: ﷲ, ﷺ). Left out: Arabic
# Supplement and Extended (other languages' letters) and the other ligatures (U+FC00-FDEF), which no Arabic
# keyboard types: with them each weight's file was 40 KB instead of 27.
SUBSETS = {
    "arabic": "U+0600-06FF,U+200C-200F,U+25CC,U+FB50-FBFF,U+FDF0-FDFF,U+FE70-FEFF",
    # What the font has of Latin: digits and punctuation (Latin letters come from the system font).
    "latin": "U+0000-00FF,U+2010-2027,U+2030-206F",
}
WEIGHTS = ["Regular", "Bold"]
# What browsers apply to Arabic text: composition, the contextual forms, required ligatures (lam-alef), kerning
# and mark placement. The font's "aalt" and "dlig" (alternates and discretionary ligatures, which no style of ours
# turns on) would pull a third of its glyphs into every page.
LAYOUT_FEATURES = ["ccmp", "locl", "isol", "init", "medi", "fina", "rlig", "calt", "liga", "kern", "mark", "mkmk"]


class Command(BaseCommand):
    help = "Cut the Arabic and Latin subsets of the site's font into static/fonts/."

    def handle(self, *args, **options):
        logging.getLogger("fontTools").setLevel(logging.WARNING)
        for weight in WEIGHTS:
            source = SOURCES / f"NotoSansArabic-{weight}.woff2"
            for name, ranges in SUBSETS.items():
                target = TARGET / f"NotoSansArabic-{weight}-{name}.woff2"
                options = subset.Options()
                options.flavor = "woff2"
                options.layout_features = LAYOUT_FEATURES
                options.hinting = False
                options.name_IDs = ["*"]  # keep the copyright and licence names (OFL)
                font = subset.load_font(str(source), options)
                subsetter = subset.Subsetter(options)
                subsetter.populate(unicodes=subset.parse_unicodes(ranges))
                subsetter.subset(font)
                subset.save_font(font, str(target), options)
                self.stdout.write(f"{target.relative_to(settings.BASE_DIR)}: {target.stat().st_size:,} bytes")
