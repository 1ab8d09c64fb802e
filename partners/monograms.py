"""A designed monogram for a partner organisation without a logo: its initials in a rounded square.

The forum never draws another organisation's logo; initials say whose card it is without imitating one.
"""

import hashlib
import re

from django.utils.html import format_html

# Words that carry no initial: articles, prepositions and conjunctions, in Arabic and English.
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "في", "من", "على", "إلى", "عن", "و"}
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
# Text on each is white at 4.5:1 or more.
COLOURS = ["#0b5d57", "#07423e", "#1b2430", "#8a3312", "#30506e"]


def initials(name):
    """'Greater Amman Municipality' → 'GAM'; 'أمانة عمان الكبرى' → 'أ ع' (Arabic initials do not join)."""
    words = [word for word in re.split(r"[\s\-–—/()]+", name) if word and word.lower() not in SMALL_WORDS]
    if any(ARABIC_LETTER.search(word) for word in words):
        letters = []
        for word in words:
            # The article and a leading "and" or "for the" are not the word's initial.
            word = re.sub(r"^(و?ال|لل)(?=..)", "", word)
            match = ARABIC_LETTER.search(word)
            if match:
                letters.append(match.group())
        return " ".join(letters[:2])
    return "".join(word[0].upper() for word in words if word[0].isalnum())[:3]


def monogram_svg(name, size=64):
    """Inline SVG of `name`'s monogram, hidden from assistive technology (the name is written beside it)."""
    text = initials(name)
    colour = COLOURS[int(hashlib.sha1(name.encode()).hexdigest(), 16) % len(COLOURS)]
    font_size = 26 if len(text.replace(" ", "")) <= 2 else 21
    return format_html(
        '<svg class="partner__monogram" aria-hidden="true" focusable="false" width="{size}" height="{size}" '
        'viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="{colour}"/>'
        '<text x="32" y="33" fill="#fff" font-size="{font_size}" font-weight="700" text-anchor="middle" '
        'dominant-baseline="central">{text}</text></svg>',
        size=size,
        colour=colour,
        font_size=font_size,
        text=text,
    )
