"""The self-hosted font's subsets: what site.css declares is what the files hold, and Arabic still shapes."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from fontTools import subset
from fontTools.ttLib import TTFont

from forum_site.management.commands.subset_fonts import SUBSETS, TARGET, WEIGHTS

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def declared_ranges():
    """{font file name: its unicode-range in site.css, as the subsetter writes ranges}."""
    css = STYLESHEET.read_text()
    faces = re.findall(r"@font-face\s*{(.*?)}", css, flags=re.S)
    ranges = {}
    for face in faces:
        source = re.search(r'url\("\.\./fonts/([^"]+)"\)', face).group(1)
        ranges[source] = re.search(r"unicode-range:\s*([^;]+);", face).group(1).replace(" ", "")
    return ranges


def test_stylesheet_declares_each_subset_with_the_range_it_was_cut_to():
    expected = {
        f"NotoSansArabic-{weight}-{name}.woff2": ranges for weight in WEIGHTS for name, ranges in SUBSETS.items()
    }
    assert declared_ranges() == expected


@pytest.mark.parametrize("weight", WEIGHTS)
def test_arabic_subset_holds_every_letter_and_the_features_that_join_them(weight):
    font = TTFont(TARGET / f"NotoSansArabic-{weight}-arabic.woff2")
    mapped = set(font.getBestCmap())
    letters = set(range(0x0621, 0x063B)) | set(range(0x0641, 0x064B)) | {0xFDF2, 0xFDFA}
    assert letters <= mapped
    assert set(subset.parse_unicodes(SUBSETS["arabic"])) >= mapped
    gsub = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    gpos = {record.FeatureTag for record in font["GPOS"].table.FeatureList.FeatureRecord}
    assert {"init", "medi", "fina", "isol", "rlig"} <= gsub  # joining forms and lam-alef
    assert {"mark", "mkmk"} <= gpos  # harakat placed over their letters
    assert not gsub & {"aalt", "dlig"}  # nothing turns them on, and they weighed a third of the file


def test_arabic_subsets_are_light_enough_for_the_home_page_budget():
    # Both weights load on an Arabic page: the home page's 120 KB holds them with the page and its images.
    sizes = [(TARGET / f"NotoSansArabic-{weight}-arabic.woff2").stat().st_size for weight in WEIGHTS]
    assert sum(sizes) <= 60_000
