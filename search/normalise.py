"""Arabic (and English) text normalisation and light stemming, applied identically to indexed text and queries.

Every search backend of the site indexes and queries the *search form* of a text, built here and nowhere
else, so spelling variants meet whatever the engine: SQLite FTS5 normalises no Arabic at all, and
PostgreSQL's `arabic` configuration misses hamza seats, ة/ه and ى/ي.

Rules follow Lucene's ArabicNormalizer and ArabicStemmer (Elasticsearch's `arabic` analyzer), with the
prefix list extended to the combinations of و ب ك ف ل with ال that Lucene leaves out (وبال, فلل...).
A lone ب ل ك ف is ambiguous (لمؤشر is ل + مؤشر, بلدية is not ب + لدية): such a word is indexed and
searched under both readings, so either spelling finds the other and the definite form still matches.
"""

import re
import unicodedata

# Harakat, tanween, shadda, sukun, dagger alef, and the Quranic annotation marks that PDFs sometimes carry.
_DIACRITICS = "".join(
    chr(code)
    for code in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9)]
)
_TATWEEL = "\u0640"
# Zero-width joiners and direction marks come out of PDFs and copy-paste between words' letters.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff"
_REMOVED = _DIACRITICS + _TATWEEL + _INVISIBLE

_LETTER_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",  # Persian yeh, the same letter in Arabic words typed on Persian keyboards
    "ة": "ه",
    "ک": "ك",
}
_TRANSLATION = {ord(char): None for char in _REMOVED}
_TRANSLATION.update({ord(source): target for source, target in _LETTER_MAP.items()})
_TRANSLATION.update({0x0660 + digit: str(digit) for digit in range(10)})  # Arabic-Indic digits
_TRANSLATION.update({0x06F0 + digit: str(digit) for digit in range(10)})  # Eastern Arabic-Indic digits

_WORD = re.compile(r"\w+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")

# Longest first: only the first match is removed, as in Lucene's ArabicStemmer.
_ARABIC_PREFIXES = sorted(
    ["ال", "وال", "بال", "كال", "فال", "لل", "ولل", "فلل", "وبال", "وكال", "فبال", "فكال", "و"],
    key=len,
    reverse=True,
)
_ONE_LETTER_PARTICLES = ("ب", "ل", "ك", "ف")
# Lucene's order; each matching suffix is removed in turn.
_ARABIC_SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]


def normalise_arabic(text):
    """The text with Arabic spelling variants folded: what every index and query sees before stemming."""
    # NFKC first turns presentation forms (ﻣﺪﻳﻨﺔ from PDFs, the ﻻ ligature) into base letters and composes
    # a hamza or madda typed as a combining mark onto its alef, so the map below sees one code point.
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_TRANSLATION).casefold()


def _strip_prefix(word):
    for prefix in _ARABIC_PREFIXES:
        # A lone و needs a word of at least 4 letters; other prefixes leave at least 2 letters.
        minimum = 4 if len(prefix) == 1 else len(prefix) + 2
        if len(word) >= minimum and word.startswith(prefix):
            return word[len(prefix) :]
    return word


def _strip_suffixes(word):
    for suffix in _ARABIC_SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def stem_arabic(word):
    """Light stemming of one normalised Arabic word, as Lucene's ArabicStemmer does."""
    return _strip_suffixes(_strip_prefix(word))


def stem_english(word):
    """Plural and possessive endings (cities → city, boxes → box); deliberately no deeper than that."""
    if len(word) <= 3 or not word.isascii():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def stem_word(word):
    if _ARABIC_LETTER.search(word):
        return stem_arabic(word)
    return stem_english(word)


def stem_candidates(word):
    """The stems a word may have: two when it may start with a one-letter particle (ب ل ك ف), else one."""
    stem = stem_word(word)
    if len(word) >= 5 and word.startswith(_ONE_LETTER_PARTICLES) and _strip_prefix(word) == word:
        without_particle = stem_arabic(word[1:])
        if without_particle != stem:
            return [stem, without_particle]
    return [stem]


def search_words(text):
    """The normalised words of a text: quotes, operators and control characters fall away here."""
    return _WORD.findall(normalise_arabic(text or ""))


def search_terms(text):
    """The normalised and stemmed words of a text, in order: what is indexed and what is searched."""
    return [stem for word in search_words(text) for stem in stem_candidates(word)]


def query_alternatives(text):
    """For each word of a query, the stems any of which may match it."""
    return [stem_candidates(word) for word in search_words(text)]


def search_form(text):
    return " ".join(search_terms(text))


def autocomplete_form(text):
    """Each word both whole and stemmed, so a prefix typed of either form finds it."""
    forms = []
    for word in search_words(text):
        forms.append(word)
        forms += [stem for stem in stem_candidates(word) if stem != word]
    return " ".join(forms)
