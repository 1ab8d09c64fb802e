"""Citation styles: a publication as CSL-JSON, and its reference in APA, Chicago, Harvard and IEEE, rendered by
citeproc-py from the CSL styles and locales committed in publications/csl/ (never citeproc-py's bundled copies).

Arabic names: a name in Arabic script keeps its given name whole (Arabic has no capital letters to make
initials of) and its «ال» joined to the family name, where Arabic writing keeps it. In a name written in Latin
letters, "al-" or "el-" before the family name is CSL's non-dropping particle, so each style places it its
own way (APA "Al-Nasrawi, S.", Chicago "Nasrawi, Sukaina al-").
"""

import json
import re
from functools import lru_cache
from html import escape
from pathlib import Path

import citeproc.frontend
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.model import Name as CslNameElement
from citeproc.source.json import CiteProcJSON
from django.utils.encoding import uri_to_iri
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import citation

CSL_FILES = Path(__file__).resolve().parent / "csl"
STYLES = [
    ("apa", _("APA")),
    ("chicago-author-date", _("Chicago (author-date)")),
    ("harvard-cite-them-right", _("Harvard")),
    ("ieee", _("IEEE")),
]
CSL_LOCALES = {"ar": "ar", "en": "en-US"}
CSL_TYPES = {"proceedings": "book", "guide": "book"}
LATIN_PARTICLE = re.compile(r"^((?:al|el)[-‐])(\S.*)$", re.IGNORECASE)
ARABIC_LETTER = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# Marks the end of a hyphenated particle for the renderer, which would otherwise put a space after it.
PARTICLE_END = "\u2060"


# citeproc-py 0.11 workarounds, kept here and nowhere else:
# - it reads CSL locales from its own data folder: point it at ours, so the committed files are the ones used;
# - it ignores cs:name's initialize="false" (Chicago's full given names) and, taking letters without case for
#   lowercase particles, turns an Arabic given name into stray full stops.
citeproc.frontend.LOCALES_PATH = str(CSL_FILES / "locales")
_initialize = CslNameElement.initialize


def _initialize_latin_only(self, given, mark, context):
    if self.get("initialize") == "false" or re.search(f"[{ARABIC_LETTER}]", given):
        return given
    return _initialize(self, given, mark, context)


CslNameElement.initialize = _initialize_latin_only


def csl_name(author):
    if not author.is_person:
        return {"literal": author.name}
    name = {"family": author.family_name, "given": author.given_names}
    if match := LATIN_PARTICLE.match(author.family_name):
        name["non-dropping-particle"], name["family"] = match.groups()
    return {key: value for key, value in name.items() if value}


def csl_item(publication, authors, request):
    """The publication as one CSL-JSON item, in the language of its page."""
    language = publication.locale.language_code
    date = publication.publication_date
    item = {
        "id": citation.citation_key(publication),
        "type": CSL_TYPES.get(publication.publication_type, "report"),
        "title": citation.full_title(publication),
        "author": [csl_name(author) for author in authors],
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "publisher": publication.publisher or citation.DEFAULT_PUBLISHER.get(language, ""),
        "genre": citation.type_name(publication, language),
        "language": language,
        "DOI": publication.doi,
        # The address as readers type it: an Arabic slug in Arabic letters, not percent-escapes.
        "URL": uri_to_iri(citation.page_url(publication, request)),
        "ISBN": citation.first_isbn(publication),
        "abstract": citation.plain_text(publication.abstract),
    }
    return {key: value for key, value in item.items() if value}


def csl_json(publication, authors, request):
    return json.dumps([csl_item(publication, authors, request)], ensure_ascii=False, indent=2)


def formatted_references(publication, authors, request):
    """[(style key, style name, reference as safe HTML)] in the page's language."""
    item = csl_item(publication, authors, request)
    language = publication.locale.language_code
    rendered = _render_all(json.dumps(item, sort_keys=True), CSL_LOCALES.get(language, "en-US"))
    return [(key, label, mark_safe(html)) for (key, label), html in zip(STYLES, rendered, strict=True)]


@lru_cache(maxsize=256)
def _render_all(item_json, csl_locale):
    # Rendering costs tens of milliseconds a style: the same item in the same language renders once.
    item = _escaped(json.loads(item_json))
    for name in item.get("author", []):
        if "non-dropping-particle" in name and name["non-dropping-particle"][-1] in "-‐'’":
            name["non-dropping-particle"] += PARTICLE_END
    return tuple(_render(style, item, csl_locale) for style, _label in STYLES)


def _escaped(value):
    # citeproc-py's HTML formatter escapes the styles' own symbols but passes the item's text through as it is.
    if isinstance(value, str):
        return escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(part) for part in value]
    if isinstance(value, dict):
        return {key: _escaped(part) for key, part in value.items()}
    return value


def _render(style_key, item, csl_locale):
    style = CitationStylesStyle(str(CSL_FILES / "styles" / f"{style_key}.csl"), locale=csl_locale, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    html = str(bibliography.bibliography()[0])
    html = html.replace(PARTICLE_END + " ", "").replace(PARTICLE_END, "")
    # The box shows one reference: the number a numbered style gives it is the reader's to choose.
    html = re.sub(r"^\[\d+\]\s*", "", html)
    # Small capitals as a class: the Content-Security-Policy allows no style attribute (forum_site/headers.py).
    html = html.replace('<span style="font-variant:small-caps;">', '<span class="small-caps">')
    # Addresses read left to right, also inside an Arabic reference; the full stop after one stays outside.
    html = re.sub(r"(https?://[^\s<]+?)(?=[.,]?(?:\s|<|$))", r'<span dir="ltr">\1</span>', html)
    if csl_locale == "ar":
        html = _arabic_punctuation(html)
    return html


def _arabic_punctuation(html):
    """Arabic commas after Arabic words, and the conjunction و joined to the word it precedes."""
    html = re.sub(f"(?<=[{ARABIC_LETTER}]), ", "، ", html)
    return re.sub(f"(^|\\s)و (?=[{ARABIC_LETTER}])", r"\1و", html)
