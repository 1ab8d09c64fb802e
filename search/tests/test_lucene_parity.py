"""The Python normaliser and stemmer against Lucene's own, token for token, on the demo content's Arabic words.

Elasticsearch's Arabic chain is Lucene's ArabicNormalizationFilter and ArabicStemFilter; Debian's liblucene8-java
ships them, and a headless JDK runs lucene/ArabicChain.java over lucene/arabic_word_forms.txt (written by
search/tests/word_forms.py). Where the two chains differ, one of normalise.DIFFERENCES_FROM_LUCENE must say why,
and Python with that choice undone must give Lucene's tokens exactly.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from search.normalise import (
    _ARABIC_PREFIXES,
    DIFFERENCES_FROM_LUCENE,
    LUCENE_PREFIXES,
    search_words,
    stem_arabic,
    stem_word,
)

HERE = Path(__file__).resolve().parent / "lucene"
WORD_FORMS = HERE / "arabic_word_forms.txt"
JAVA_SHARE = Path("/usr/share/java")


def _lucene_jars():
    jars = [sorted(JAVA_SHARE.glob(f"lucene-{name}-8*.jar")) for name in ("core", "analyzers-common")]
    return [found[-1] for found in jars if found]


def _skip_reason():
    java = shutil.which("java")
    if java is None:
        return "Java is not installed: apt-get install default-jdk-headless liblucene8-java (.ci/run does)"
    if len(_lucene_jars()) < 2:
        return "Lucene's analyzers are not installed: apt-get install liblucene8-java (.ci/run does)"
    modules = subprocess.run([java, "--list-modules"], capture_output=True, text=True, check=False).stdout
    if "jdk.compiler" not in modules:
        return "This Java cannot run a source file (no jdk.compiler): apt-get install default-jdk-headless"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


def word_forms():
    return [line for line in WORD_FORMS.read_text().splitlines() if line and not line.startswith("#")]


@pytest.fixture(scope="module")
def lucene_tokens():
    forms = word_forms()
    classpath = ":".join(str(jar) for jar in _lucene_jars())
    result = subprocess.run(
        ["java", "-cp", classpath, str(HERE / "ArabicChain.java")],
        input="\n".join(forms) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=300,
    )
    lines = result.stdout.split("\n")[: len(forms)]
    return {form: line.split() for form, line in zip(forms, lines, strict=True)}


# Lucene's ArabicNormalizer, modelled: its three alef variants, ى and ة folded; tatweel and harakat removed.
_LUCENE_FOLDING = {ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ى"): "ي", ord("ة"): "ه", 0x0640: None}
_LUCENE_FOLDING.update({code: None for code in range(0x064B, 0x0653)})
_EXTRA_PREFIXES = tuple(prefix for prefix in _ARABIC_PREFIXES if prefix not in LUCENE_PREFIXES)
# What the Python chain folds and Lucene's normaliser leaves (DIFFERENCES_FROM_LUCENE["wider folding"]).
_WIDER_FOLDING = re.compile(
    "[\u0671\u06cc\u06a9\u0670\u0653-\u065f\u0610-\u061a\u06d6-\u06ed\u200b-\u200f\ufb50-\ufeff]"
)


def python_tokens(form):
    return [stem_word(word) for word in search_words(form)]


def python_with_lucenes_choices(form):
    """The Python chain with each documented choice undone: Lucene's folding, Lucene's prefixes."""
    words = re.findall(r"\w+", form.casefold().translate(_LUCENE_FOLDING))
    return [stem_arabic(word, LUCENE_PREFIXES) for word in words]


def documented_choices(form):
    """The choices of DIFFERENCES_FROM_LUCENE that apply to this form."""
    folded = form.translate(_LUCENE_FOLDING)
    choices = set()
    if any(word.startswith(_EXTRA_PREFIXES) for word in re.findall(r"\w+", folded)):
        choices.add("prefixes")
    if re.search(r"[\u0621-\u064a]{2}اء(?![\u0621-\u064a])", folded):
        choices.add("final hamza")
    if _WIDER_FOLDING.search(form):
        choices.add("wider folding")
    return choices


def test_the_word_list_holds_at_least_2000_forms_from_the_demo_content():
    forms = word_forms()

    assert len(forms) >= 2000
    assert len(set(forms)) == len(forms)


def test_python_and_lucene_agree_token_for_token_or_differ_by_a_documented_choice(lucene_tokens):
    agree, documented, unexplained = 0, {}, []
    for form, lucene in lucene_tokens.items():
        python = python_tokens(form)
        if python == lucene:
            agree += 1
            continue
        choices = documented_choices(form)
        if choices and python_with_lucenes_choices(form) == lucene:
            for choice in choices:
                documented[choice] = documented.get(choice, 0) + 1
        else:
            unexplained.append((form, python, lucene))

    assert not unexplained, (
        f"{len(unexplained)} forms differ from Lucene without a documented reason: {unexplained[:20]}"
    )
    assert set(documented) <= set(DIFFERENCES_FROM_LUCENE)
    print(f"{agree} of {len(lucene_tokens)} forms agree with Lucene; documented differences: {documented}")
    assert agree >= 0.8 * len(lucene_tokens), f"only {agree} of {len(lucene_tokens)} forms agree"


def test_our_model_of_lucenes_chain_is_lucene(lucene_tokens):
    """The parity test's undoing of our choices is only as good as this model of Lucene: it must be exact."""
    mismatches = [
        (form, lucene) for form, lucene in lucene_tokens.items() if python_with_lucenes_choices(form) != lucene
    ]

    assert not mismatches, mismatches[:20]
