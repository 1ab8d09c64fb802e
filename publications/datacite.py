"""DataCite Metadata Schema 4.6 for a publication: one language edition and its links to the others."""

from lxml import etree

from . import citation

NAMESPACE = "http://datacite.org/schema/kernel-4"
SCHEMA = "http://schema.datacite.org/meta/kernel-4.6/metadata.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RESOURCE_TYPES = {"proceedings": "ConferenceProceeding", "guide": "Text"}


def _element(parent, tag, text=None, **attributes):
    node = etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}", {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        node.text = str(text)
    return node


def _name(tag, text, name_type, language):
    name = etree.Element(f"{{{NAMESPACE}}}{tag}", nameType=name_type)
    name.text = text
    name.set(XML_LANG, language)
    return name


def resource(page, authors, editions, links, request):
    """The DataCite record of `page`, whose other language editions are `links` (editions.EditionLinks)."""
    language = page.locale.language_code
    url = citation.page_url(page, request)
    root = etree.Element(f"{{{NAMESPACE}}}resource", nsmap={None: NAMESPACE, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{NAMESPACE} {SCHEMA}")

    if page.doi:
        _element(root, "identifier", page.doi, identifierType="DOI")
    else:
        _element(root, "identifier", url, identifierType="URL")

    creators = _element(root, "creators")
    publisher_name = page.publisher or citation.DEFAULT_PUBLISHER.get(language, "")
    if not authors:  # DataCite needs a creator: a publication credited to no one is its publisher's
        _element(creators, "creator").append(_name("creatorName", publisher_name, "Organizational", language))
    for author in authors:
        creator = _element(creators, "creator")
        if author.is_person:
            name = _element(creator, "creatorName", citation.citation_name(author), nameType="Personal")
            name.set(XML_LANG, language)
            _element(creator, "givenName", author.given_names)
            _element(creator, "familyName", author.family_name)
        else:
            name = _element(creator, "creatorName", author.name, nameType="Organizational")
            name.set(XML_LANG, language)
        if author.affiliation:
            _element(creator, "affiliation", author.affiliation)

    titles = _element(root, "titles")
    _element(titles, "title", page.title).set(XML_LANG, language)
    if page.subtitle:
        _element(titles, "title", page.subtitle, titleType="Subtitle").set(XML_LANG, language)
    for other in links.others:
        _element(titles, "title", other.page.title, titleType="TranslatedTitle").set(XML_LANG, other.language)

    publisher = _element(root, "publisher", publisher_name)
    publisher.set(XML_LANG, language)
    _element(root, "publicationYear", page.publication_date.year)
    _element(
        root,
        "resourceType",
        citation.type_name(page, "en"),
        resourceTypeGeneral=RESOURCE_TYPES.get(page.publication_type, "Report"),
    )

    topics = list(page.topics.all())
    if topics:
        subjects = _element(root, "subjects")
        for topic in topics:
            _element(subjects, "subject", topic.name)

    dates = _element(root, "dates")
    _element(dates, "date", page.publication_date.isoformat(), dateType="Issued")
    _element(root, "language", language)

    if page.doi:
        alternates = _element(root, "alternateIdentifiers")
        _element(alternates, "alternateIdentifier", url, alternateIdentifierType="URL")

    related = [(link.url, "IsTranslationOf" if link is links.original else "HasTranslation") for link in links.others]
    if related:
        identifiers = _element(root, "relatedIdentifiers")
        for related_url, relation in related:
            _element(identifiers, "relatedIdentifier", related_url, relatedIdentifierType="URL", relationType=relation)

    pdfs = [edition for edition in editions if edition.document.filename.lower().endswith(".pdf")]
    own_pdf = next((edition for edition in pdfs if edition.language == language), None)
    if own_pdf and own_pdf.page_count:
        sizes = _element(root, "sizes")
        _element(sizes, "size", f"{own_pdf.page_count} pages")
    if pdfs:
        formats = _element(root, "formats")
        _element(formats, "format", "application/pdf")

    abstract = citation.plain_text(page.abstract)
    if abstract:
        descriptions = _element(root, "descriptions")
        _element(descriptions, "description", abstract, descriptionType="Abstract").set(XML_LANG, language)
    return root


def document(page, authors, editions, links, request):
    return etree.tostring(resource(page, authors, editions, links, request), xml_declaration=True, encoding="UTF-8")
