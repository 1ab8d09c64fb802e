"""Every rule of the Arabic normaliser and stemmer, one row each."""

import pytest

from search.normalise import (
    SPELLING_RULES,
    autocomplete_form,
    normalise_arabic,
    search_terms,
    stem_candidates,
    stem_word,
)

NORMALISATION = [
    # (rule, written, normalised)
    ("fatha removed", "مَدن", "مدن"),
    ("damma removed", "مُدن", "مدن"),
    ("kasra removed", "مدِن", "مدن"),
    ("sukun removed", "مدْن", "مدن"),
    ("shadda removed", "عمّان", "عمان"),
    ("tanween fath removed", "شكرًا", "شكرا"),
    ("tanween damm removed", "مدينةٌ", "مدينه"),
    ("tanween kasr removed", "مدينةٍ", "مدينه"),
    ("dagger alef removed", "هٰذا", "هذا"),
    ("tatweel removed", "ذكيـــة", "ذكيه"),
    ("alef with hamza above to alef", "أمانة", "امانه"),
    ("alef with hamza below to alef", "إستراتيجية", "استراتيجيه"),
    ("alef with madda to alef", "آفاق", "افاق"),
    ("alef wasla to alef", "ٱلمدن", "المدن"),
    ("alef maqsura to yeh", "مستشفى", "مستشفي"),
    ("teh marbuta to heh", "الذكية", "الذكيه"),
    ("Arabic-Indic digits to 0-9", "٢٠٢٥", "2025"),
    ("Eastern Arabic-Indic digits to 0-9", "۲۰۲۵", "2025"),
    ("presentation forms to base letters", "ﻣﺪﻳﻨﺔ", "مدينه"),
    ("lam-alef ligature to two letters", "ﻻ", "لا"),
    ("hamza typed as a combining mark", "ا\u0654من", "امن"),
    ("zero-width non-joiner removed", "مد\u200cن", "مدن"),
    ("Latin lower-cased", "Smart CITIES", "smart cities"),
]


@pytest.mark.parametrize(("rule", "written", "normalised"), NORMALISATION, ids=[row[0] for row in NORMALISATION])
def test_normalise_arabic_applies_rule(rule, written, normalised):
    assert normalise_arabic(written) == normalised


STEMMING = [
    # (rule, word, stem)
    ("definite article ال", "المدن", "مدن"),
    ("و + ال", "والمدن", "مدن"),
    ("ب + ال", "بالمدن", "مدن"),
    ("ك + ال", "كالمدن", "مدن"),
    ("ف + ال", "فالمدن", "مدن"),
    ("ل + ل", "للمدن", "مدن"),
    ("و + ل + ل", "وللمدن", "مدن"),
    ("و + ب + ال", "وبالمدن", "مدن"),
    ("conjunction و on a long word", "ومدن", "مدن"),
    ("short word keeps its و", "ورد", "ورد"),
    ("short word keeps its ال", "الف", "الف"),
    ("suffix ها", "مدنها", "مدن"),
    ("suffix ان", "مدرسان", "مدرس"),
    ("suffix ات", "شراكات", "شراك"),
    ("suffix ون", "مهندسون", "مهندس"),
    ("suffix ين", "مهندسين", "مهندس"),
    ("suffix يه (ية)", "ذكيه", "ذك"),
    ("suffix ه (ة)", "مدينه", "مدين"),
    ("suffix ي", "عربي", "عرب"),
    ("prefix and suffix", "الاستراتيجيه", "استراتيج"),
    ("English plural ies", "cities", "city"),
    ("English plural s", "partners", "partner"),
    ("English plural es", "boxes", "box"),
    ("English ss kept", "address", "address"),
    ("short English word kept", "gas", "gas"),
]


@pytest.mark.parametrize(("rule", "word", "stem"), STEMMING, ids=[row[0] for row in STEMMING])
def test_stem_word_applies_rule(rule, word, stem):
    assert stem_word(word) == stem


VARIANTS = [
    ("لمؤشر", "المؤشر"),
    ("البلدية", "بلدية"),
    ("عمّان", "عمان"),
    ("الإستراتيجية", "الاستراتيجية"),
    ("المدن الذكيه", "المدن الذكية"),
    ("المدن", "مدن"),
    ("للمدن", "المدن"),
    ("cities", "city"),
]


PARTICLES = [
    # (word, stems it is indexed and searched under)
    ("لمؤشر", ["لمؤشر", "مؤشر"]),
    ("بمدينة", ["بمدين", "مدين"]),
    ("فيديو", ["فيديو", "يديو"]),
    ("بلدية", ["بلد", "لد"]),
    ("كتاب", ["كتاب"]),
    ("البلدية", ["بلد"]),
    ("للتحول", ["تحول"]),
]


@pytest.mark.parametrize(("word", "stems"), PARTICLES)
def test_word_that_may_start_with_a_one_letter_particle_has_both_stems(word, stems):
    assert stem_candidates(normalise_arabic(word)) == stems


@pytest.mark.parametrize(("query", "text"), VARIANTS)
def test_variants_share_one_search_form(query, text):
    assert set(search_terms(query)) & set(search_terms(text))


def test_query_syntax_and_control_characters_fall_away():
    assert search_terms('"المدن" OR 1=1; DROP TABLE\x00 -- *') == ["مدن", "or", "1", "1", "drop", "table"]


def test_autocomplete_form_keeps_whole_words_and_stems():
    assert autocomplete_form("المدن الذكية") == "المدن مدن الذكيه ذك"


SPELLING_EXAMPLES = [(rule.name, typed, folded) for rule in SPELLING_RULES for typed, folded in rule.examples]
LEFT_ALONE = [(rule.name, word) for rule in SPELLING_RULES for word in rule.unchanged]


@pytest.mark.parametrize(
    ("rule", "typed", "folded"), SPELLING_EXAMPLES, ids=[f"{r} {t}" for r, t, _f in SPELLING_EXAMPLES]
)
def test_spelling_rule_folds_a_name_to_one_spelling(rule, typed, folded):
    assert normalise_arabic(typed) == folded


@pytest.mark.parametrize(("rule", "word"), LEFT_ALONE, ids=[f"{r} {w}" for r, w in LEFT_ALONE])
def test_spelling_rule_leaves_other_words_alone(rule, word):
    assert normalise_arabic(word) == word.casefold().replace("أ", "ا")


NAME_SPELLINGS = [
    # (one spelling, the other): each finds what the other finds
    ("البتراء", "البترا"),
    ("بالبتراء", "البترا"),
    ("صنعاء", "صنعا"),
    ("أبو ظبى", "أبو ظبي"),
    ("Jeddah", "Jedda"),
    ("Sana'a", "Sanaa"),
    ("El-Mina", "Al Mina"),
    ("Ṣalālah", "Salala"),
]


@pytest.mark.parametrize(("one", "other"), NAME_SPELLINGS)
def test_two_spellings_of_a_name_share_their_search_terms(one, other):
    assert set(search_terms(one)) & set(search_terms(other)) == set(search_terms(other))
