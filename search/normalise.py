"""Arabic (and English) text normalisation and light stemming, applied identically to indexed text and queries.

Every search backend of the site indexes and queries the *search form* of a text, built here and nowhere
else, so spelling variants meet whatever the engine: SQLite FTS5 normalises no Arabic at all, and
PostgreSQL's `arabic` configuration misses hamza seats, ة/ه and ى/ي.

Rules follow Lucene's ArabicNormalizer and ArabicStemmer (Elasticsearch's `arabic` analyzer), with the
prefix list extended to the combinations of و ب ك ف ل with ال that Lucene leaves out (وبال, فلل...).
A lone ب ل ك ف is ambiguous (لمؤشر is ل + مؤشر, بلدية is not ب + لدية): such a word is indexed and
searched under both readings, so either spelling finds the other and the definite form still matches.
Where this module and Lucene part ways on purpose, DIFFERENCES_FROM_LUCENE says how and why;
search/tests/test_lucene_parity.py holds both to that on the demo content's words.
"""

import re
import unicodedata
from dataclasses import dataclass

# Harakat, tanween, shadda, sukun, dagger alef, and the Quranic annotation marks that PDFs sometimes carry.
_DIACRITICS = "".join(
    chr(code)
    for code in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9)]
)
_TATWEEL = "\u0640"
# Zero-width joiners and direction marks come out of PDFs and copy-paste between words' letters.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff"
# The ayn and hamza of scholarly transliteration (Ṣanʿāʾ): marks, not letters, in a Latin name.
_TRANSLITERATION_MARKS = "\u02be\u02bf"
# Latin combining accents, typed apart from their letter or left by casefold() (İ → i + U+0307).
_LATIN_COMBINING = "".join(chr(code) for code in range(0x0300, 0x0370))
_REMOVED = _DIACRITICS + _TATWEEL + _INVISIBLE + _TRANSLITERATION_MARKS + _LATIN_COMBINING

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


def _latin_without_accents():
    """{accented Latin letter: its base letter}: ā ṣ ḥ é → a s h e, as transliterations are typed without them."""
    table = {}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        base = "".join(char for char in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(char))
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    return table


_TRANSLATION = {ord(char): None for char in _REMOVED}
_TRANSLATION.update({ord(source): target for source, target in _LETTER_MAP.items()})
_TRANSLATION.update({0x0660 + digit: str(digit) for digit in range(10)})  # Arabic-Indic digits
_TRANSLATION.update({0x06F0 + digit: str(digit) for digit in range(10)})  # Eastern Arabic-Indic digits
_TRANSLATION.update(_latin_without_accents())


@dataclass(frozen=True)
class SpellingRule:
    """One way a name is spelled two ways, folded to one spelling in the index and in queries."""

    name: str
    pattern: re.Pattern | None  # None: the letter map above already folds it
    replacement: str
    examples: tuple  # (typed, folded): each pair is a test case
    unchanged: tuple = ()  # words the rule must leave alone: each is a test case too


# Applied in order, after the letter map above, to lower-cased text. Decided and left out, with the reason:
# - final ئ and ى are not folded together (الشاطئ, الشاطى): ئ is a hamza seat that Lucene keeps too, and the
#   words it would merge (شاطئ, شاطي) are different words as often as they are one misspelled;
# - a final hamza after و or ي (ضوء, شيء) is kept: it is not a name's ending, and ضو or شي are other words;
# - doubled Latin letters are kept (Amman, Jiddah): folding them merges English words (later, latter);
# - other transliterations of one name (Mecca / Makkah, Dhofar / Zufar, Muscat / Masqat) differ in more than
#   one rule can say: they are synonyms, which editors manage (search.models.SynonymGroup).
SPELLING_RULES = [
    SpellingRule(
        "final hamza after alef",
        # The hamza of a name's ending ـاء is dropped in everyday writing (البتراء / البترا, صنعاء / صنعا). Only
        # after at least two letters: ماء, داء and جاء would otherwise become the particles ما, دا, جا.
        re.compile(r"(?<=[\u0621-\u064a]{2})اء(?![\u0621-\u064a])"),
        "ا",
        (("البتراء", "البترا"), ("صنعاء", "صنعا"), ("سيناء", "سينا"), ("الزرقاء", "الزرقا"), ("الأحساء", "الاحسا")),
        unchanged=("ماء", "جاء", "البناءين"),
    ),
    SpellingRule(
        "ى and ي at the end of a name",
        # The letter map folds ى into ي everywhere, as Lucene does; named here for the names it serves.
        None,
        "",
        (("أبو ظبى", "ابو ظبي"), ("مصطفى", "مصطفي"), ("ظبي", "ظبي")),
    ),
    SpellingRule(
        "transliteration apostrophes",
        # Sana'a, Ma'an, Maʿān: the apostrophe (or ʿ ʾ, removed above) stands for ayn or hamza; typed or not.
        re.compile(r"(?<=[a-z])['’‘ʼ`´](?=[a-z])"),
        "",
        (("Sana'a", "sanaa"), ("Ma’an", "maan"), ("Maʿān", "maan")),
        unchanged=("'amman'",),
    ),
    SpellingRule(
        "final -ah after a consonant",
        # The Latin face of ة/ه: Jeddah / Jedda, Salalah / Salala, Aqabah / Aqaba, Madinah / Madina.
        re.compile(r"(?<=[a-z]{2}[bcdfghjklmnpqrstvwxz])ah(?![a-z0-9])"),
        "a",
        (("Jeddah", "jedda"), ("Salalah", "salala"), ("Aqabah", "aqaba"), ("Al-Madinah", "al-madina")),
        unchanged=("yeah", "noah", "amman", "doha"),
    ),
    SpellingRule(
        "el- for al-",
        # The article written el- (El-Mina, El Jadida) or al-: one article, the rest of the name does the finding.
        re.compile(r"(?<![a-z0-9])el(?=[- ])"),
        "al",
        (("El-Mina", "al-mina"), ("el Jadida", "al jadida")),
        unchanged=("elbe", "hotel mina"),
    ),
]
_APPLIED_RULES = [rule for rule in SPELLING_RULES if rule.pattern is not None]

_WORD = re.compile(r"\w+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")

# Longest first: only the first match is removed, as in Lucene's ArabicStemmer.
_ARABIC_PREFIXES = sorted(
    ["ال", "وال", "بال", "كال", "فال", "لل", "ولل", "فلل", "وبال", "وكال", "فبال", "فكال", "و"],
    key=len,
    reverse=True,
)
LUCENE_PREFIXES = ["ال", "وال", "بال", "كال", "فال", "لل", "و"]
_ONE_LETTER_PARTICLES = ("ب", "ل", "ك", "ف")
# Lucene's order; each matching suffix is removed in turn.
_ARABIC_SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]

# Where the Python chain parts from Lucene's ArabicNormalizationFilter + ArabicStemFilter on purpose. The
# parity test (search/tests/test_lucene_parity.py) accepts a difference only when one of these explains it.
DIFFERENCES_FROM_LUCENE = {
    "prefixes": "وبال وكال فبال فكال ولل فلل are prefixes too (Lucene strips only و from them).",
    "particles": "A word that may start with ب ل ك ف is also indexed without it: an extra term, never a different one.",
    "final hamza": "ـاء at the end of a word of three letters or more loses its hamza (SPELLING_RULES).",
    "wider folding": "ٱ, Persian ی and ک, dagger alef, Quranic marks, combining hamza and madda, zero-width "
    "characters and presentation forms are folded too (Lucene leaves them, or Elasticsearch needs ICU for them).",
}


def normalise_arabic(text):
    """The text with spelling variants folded: what every index and query sees before stemming.

    Arabic first (the letter map, the way Lucene's ArabicNormalizer does), then the rules of SPELLING_RULES for
    the spellings of names, Arabic and Latin; Latin is lower-cased and loses its accents.
    """
    # NFKC first turns presentation forms (ﻣﺪﻳﻨﺔ from PDFs, the ﻻ ligature) into base letters and composes
    # a hamza or madda typed as a combining mark onto its alef, so the map below sees one code point.
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TRANSLATION)
    for rule in _APPLIED_RULES:
        text = rule.pattern.sub(rule.replacement, text)
    return text


def _strip_prefix(word, prefixes=_ARABIC_PREFIXES):
    for prefix in prefixes:
        # A lone و needs a word of at least 4 letters; other prefixes leave at least 2 letters.
        minimum = 4 if len(prefix) == 1 else len(prefix) + 2
        if len(word) >= minimum and word.startswith(prefix):
            return word[len(prefix) :]
    return word


def without_prefix(word):
    """An Arabic word without its article or conjunction (وال, بال, لل, و...): a Latin word as it is."""
    return _strip_prefix(word)


def _strip_suffixes(word):
    for suffix in _ARABIC_SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def stem_arabic(word, prefixes=_ARABIC_PREFIXES):
    """Light stemming of one normalised Arabic word, as Lucene's ArabicStemmer does (with LUCENE_PREFIXES)."""
    return _strip_suffixes(_strip_prefix(word, prefixes))


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
