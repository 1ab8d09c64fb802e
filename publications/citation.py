"""How a publication is cited: a formatted reference, BibTeX (written by bibtexparser) and RIS (by rispy)."""

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from django.utils import translation
from django.utils.html import strip_tags

from forum_site.json_ld import json_ld_script

BIBTEX_TYPES = {"proceedings": "proceedings", "guide": "manual"}
RIS_TYPES = {"proceedings": "CONF", "guide": "BOOK"}
LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "fr": "French"}
# Who publishes a publication whose page names no publisher: the forum itself.
DEFAULT_PUBLISHER = {"ar": "المنتدى العربي للمدن الذكية", "en": "Arab Smart Cities Forum"}


def citation_name(author):
    """'Family, Given' for a person; an organisation's name as it is."""
    if author.is_person:
        return f"{author.family_name}, {author.given_names}".strip(", ")
    return author.name


def full_title(publication):
    if publication.subtitle:
        return f"{publication.title}: {publication.subtitle}"
    return publication.title


def type_name(publication, language):
    """The publication's type in a given language, whatever language the request is in."""
    with translation.override(language):
        return str(publication.type_label)


def doi_url(publication):
    return f"https://doi.org/{publication.doi}" if publication.doi else ""


def citation_key(publication):
    # The same key in every language, so both editions of a reference manager entry match.
    return f"asfc{publication.publication_date.year}-{publication.translation_key.hex[:8]}"


def _bibtex_name(author):
    # Braces keep an organisation's name whole: BibTeX would otherwise split it at "and" or take its last word.
    name = _no_braces(citation_name(author))
    return name if author.is_person else "{" + name + "}"


def _no_braces(text):
    return text.replace("{", "(").replace("}", ")")


def plain_text(text):
    return " ".join(strip_tags(text).split())


def first_isbn(publication):
    return next((edition.isbn for edition in publication.editions.all() if edition.isbn), "")


def page_url(publication, request):
    return request.build_absolute_uri(publication.get_url(request))


def bibtex(publication, authors, request):
    entry_type = BIBTEX_TYPES.get(publication.publication_type, "techreport")
    fields = [
        ("title", full_title(publication)),
        ("author", " and ".join(_bibtex_name(author) for author in authors)),  # already brace-safe
        ("year", str(publication.publication_date.year)),
        ("month", str(publication.publication_date.month)),
        ("institution" if entry_type == "techreport" else "publisher", publication.publisher),
        ("type", str(publication.type_label) if entry_type == "techreport" else ""),
        ("language", LANGUAGE_NAMES.get(publication.locale.language_code, "")),
        ("doi", publication.doi),
        ("isbn", first_isbn(publication)),
        ("url", page_url(publication, request)),
        ("abstract", plain_text(publication.abstract)),
    ]
    entry = Entry(
        entry_type,
        citation_key(publication),
        [Field(key, value if key == "author" else _no_braces(value)) for key, value in fields if value],
    )
    library = bibtexparser.Library()
    library.add(entry)
    return bibtexparser.write_string(library)


def ris(publication, authors, request):
    record = {
        "type_of_reference": RIS_TYPES.get(publication.publication_type, "RPRT"),
        "title": full_title(publication),
        "authors": [citation_name(author) for author in authors],
        "year": str(publication.publication_date.year),
        "date": publication.publication_date.strftime("%Y/%m/%d"),
        "publisher": publication.publisher,
        "type_of_work": str(publication.type_label),
        "language": LANGUAGE_NAMES.get(publication.locale.language_code, ""),
        "doi": publication.doi,
        "issn": first_isbn(publication),
        "urls": [page_url(publication, request)],
        "abstract": plain_text(publication.abstract),
    }
    return rispy.dumps([{key: value for key, value in record.items() if value}])


OG_LOCALES = {"ar": "ar_AR", "en": "en_GB"}


def head_metadata(publication, authors, editions, request, links=None):
    """Highwire Press `citation_*` tags (for Google Scholar and other scholarly indexers), Open Graph and
    schema.org JSON-LD, all in the page's language; `links` (editions.EditionLinks) relate the page to its
    other language editions as translations of one work."""
    language = publication.locale.language_code
    url = page_url(publication, request)
    abstract = plain_text(publication.abstract)
    pdf_editions = [edition for edition in editions if edition.document.filename.lower().endswith(".pdf")]
    # The edition in the page's language is the one a reader of this page wants; otherwise the first.
    main_pdf = next((e for e in pdf_editions if e.language == language), pdf_editions[0] if pdf_editions else None)
    pdf_url = request.build_absolute_uri(main_pdf.document.url) if main_pdf else ""

    highwire = [("citation_title", full_title(publication))]
    highwire += [("citation_author", citation_name(author)) for author in authors]
    highwire += [
        ("citation_publication_date", publication.publication_date.strftime("%Y/%m/%d")),
        ("citation_language", language),
        ("citation_abstract_html_url", url),
    ]
    if pdf_url:
        highwire.append(("citation_pdf_url", pdf_url))
    if publication.publisher:
        key = "citation_conference_title" if publication.publication_type == "proceedings" else "citation_publisher"
        highwire.append((key, publication.publisher))
        if publication.publication_type not in ("proceedings", "guide"):
            highwire.append(("citation_technical_report_institution", publication.publisher))
    if publication.doi:
        highwire.append(("citation_doi", publication.doi))
    if isbn := first_isbn(publication):
        highwire.append(("citation_isbn", isbn))

    open_graph = [
        ("og:type", "article"),
        ("og:title", full_title(publication)),
        ("og:url", url),
        ("og:locale", OG_LOCALES.get(language, language)),
        ("article:published_time", publication.publication_date.isoformat()),
    ]
    if abstract:
        open_graph.append(("og:description", abstract[:300]))
    if cover := publication.cover:
        rendition = cover.get_rendition("width-600")
        open_graph.append(("og:image", request.build_absolute_uri(rendition.url)))

    schema_type = "ScholarlyArticle" if publication.publication_type in ("study", "proceedings") else "Report"
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": full_title(publication),
        "headline": publication.title[:110],
        "author": [
            {"@type": "Person" if author.is_person else "Organization", "name": author.name}
            | ({"familyName": author.family_name, "givenName": author.given_names} if author.is_person else {})
            for author in authors
        ],
        "datePublished": publication.publication_date.isoformat(),
        "inLanguage": language,
        "url": url,
        "abstract": abstract,
        "encoding": [
            {
                "@type": "MediaObject",
                "contentUrl": request.build_absolute_uri(edition.document.url),
                "encodingFormat": "application/pdf",
                "inLanguage": edition.language,
                "contentSize": edition.file_size,
            }
            for edition in pdf_editions
        ],
    }
    if publication.publisher:
        data["publisher"] = {"@type": "Organization", "name": publication.publisher}
    if publication.doi:
        data["identifier"] = doi_url(publication)
        data["sameAs"] = doi_url(publication)
    if links and links.translations:
        data["workTranslation"] = [_work_reference(link, schema_type) for link in links.translations]
    if links and links.original:
        data["translationOfWork"] = _work_reference(links.original, schema_type)
    return {"highwire": highwire, "open_graph": open_graph, "json_ld": json_ld_script(data)}


def _work_reference(link, schema_type):
    return {"@type": schema_type, "name": full_title(link.page), "url": link.url, "inLanguage": link.language}
