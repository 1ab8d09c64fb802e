"""Writes search/tests/lucene/arabic_word_forms.txt, the word list of test_lucene_parity.py:

    python -m search.tests.word_forms

First every Arabic word form as written in the demo content (demo/*.py) and its PDFs (demo/files/*.pdf, as
pypdf extracts them); then the same words as visitors type them: with a conjunction or preposition attached,
without their hamza seat, with ه for a final ة and ي for a final ى, with tatweel.
"""

import ast
import re
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
WORD_FORMS = Path(__file__).resolve().parent / "lucene" / "arabic_word_forms.txt"
_ARABIC_WORD = re.compile(r"[\u0621-\u064a][\u0621-\u065f\u0670\u0640]*")


def demo_texts():
    for path in sorted((ROOT / "demo").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield node.value
    for path in sorted((ROOT / "demo" / "files").glob("*.pdf")):
        yield " ".join(page.extract_text() or "" for page in PdfReader(path).pages)


def as_written():
    return sorted({word for text in demo_texts() for word in _ARABIC_WORD.findall(text) if len(word) > 1})


def as_typed(word):
    """Spellings a visitor may type for `word`."""
    forms = []
    if word.startswith("ال"):
        forms += [f"و{word}", f"ب{word}", f"ف{word}", f"ك{word}", f"لل{word[2:]}", f"وب{word}", f"ول{word[1:]}"]
    elif len(word) > 2 and not word.startswith(("و", "ف", "ب", "ل", "ك")):
        forms += [f"و{word}", f"ب{word}", f"ل{word}", f"ال{word}"]
    plain = re.sub("[أإآ]", "ا", word)
    forms += [plain, re.sub("ة$", "ه", word), re.sub("ى$", "ي", word), re.sub("[\u064b-\u0652]", "", word)]
    if len(word) > 3:
        forms.append(word[:2] + "\u0640" + word[2:])
    return forms


def main():
    written = as_written()
    seen = set(written)
    typed = []
    for word in written:
        for form in as_typed(word):
            if form not in seen:
                seen.add(form)
                typed.append(form)
    lines = [
        "# Arabic word forms of test_lucene_parity.py, written by `python -m search.tests.word_forms`.",
        f"# {len(written)} forms as written in the demo content and its PDFs:",
        *written,
        f"# {len(typed)} forms of the same words as visitors type them (particles, hamza seats, ه, ي, tatweel):",
        *typed,
    ]
    WORD_FORMS.write_text("\n".join(lines) + "\n")
    print(WORD_FORMS, len(written) + len(typed))


if __name__ == "__main__":
    main()
