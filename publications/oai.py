"""The library's OAI-PMH 2.0 endpoint (openarchives.org/OAI/openarchivesprotocol.html), at /oai/.

One record per publication, whatever the number of its language editions: its identifier is the
publication's translation key, shared by every translation of the page. Records come from the harvest
records (harvest.py), which keep deleted publications for ever (deletedRecord "persistent").

Lists page by keyset on (datestamp, id), and each resumptionToken carries where the last page ended and
the first request's time: a record that changes while a harvest runs moves past that time, so the pages
already served never shift, no record is skipped, and the next incremental harvest picks it up.
"""

import datetime
import re
import uuid
from email.utils import parseaddr

from django.conf import settings
from django.core import signing
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree

from forum_site.localize import public_pages
from home.models import Topic

from . import citation, datacite
from .editions import EditionLinks, LinkedEdition, Work, authors_of, original_of
from .harvest import SET_SPEC, topic_set_spec
from .models import HarvestRecord, PublicationAuthor, PublicationEdition, PublicationPage, PublicationType

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_IDENTIFIER_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

FORMATS = {"oai_dc": (OAI_DC_SCHEMA, OAI_DC), "datacite": (datacite.SCHEMA, datacite.NAMESPACE)}
PAGE_SIZE = 100
METADATA_PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")
REPOSITORY_NAME = "المنتدى العربي للمدن الذكية: المنشورات / Arab Smart Cities Forum: publications"
TOKEN_SALT = "publications.oai.resumption"

# Each verb's required and optional arguments; "resumptionToken" is exclusive wherever it is allowed.
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


@csrf_exempt
@require_http_methods(["GET", "POST"])
def endpoint(request):
    params = request.POST if request.method == "POST" else request.GET
    now = timezone.now()
    root = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI} {OAI_SCHEMA}")
    _add(root, "responseDate", utc(now))
    request_element = _add(root, "request", request.build_absolute_uri(reverse("oai")))
    try:
        verb, arguments = _parse(params)
        for name, value in [("verb", verb), *sorted(arguments.items())]:
            request_element.set(name, value)
        HANDLERS[verb](Harvest(request, now, arguments), root)
    except OAIError as error:
        if error.code in ("badVerb", "badArgument"):
            request_element.attrib.clear()  # the protocol echoes the arguments only when they were valid
        _add(root, "error", error.message, code=error.code)
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


def _parse(params):
    verbs = params.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OAIError("badVerb", "The verb is missing, repeated or not an OAI-PMH verb.")
    verb = verbs[0]
    required, optional = VERBS[verb]
    arguments = {}
    for name in params:
        if name == "verb":
            continue
        values = params.getlist(name)
        if name not in required | optional:
            raise OAIError("badArgument", f"{verb} does not take the argument {name!r}.")
        if len(values) != 1:
            raise OAIError("badArgument", f"The argument {name!r} is repeated.")
        arguments[name] = values[0]
    if not METADATA_PREFIX.fullmatch(arguments.get("metadataPrefix", "oai_dc")):
        raise OAIError("badArgument", "metadataPrefix has characters the protocol does not allow.")
    if not SET_SPEC.fullmatch(arguments.get("set", "type")):
        raise OAIError("badArgument", "set is not a setSpec.")
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
    elif missing := required - set(arguments):
        raise OAIError("badArgument", f"{verb} needs {', '.join(sorted(missing))}.")
    return verb, arguments


class Harvest:
    """One request's context: the request (for absolute URLs), its time and its arguments."""

    def __init__(self, request, now, arguments):
        self.request = request
        self.now = now
        self.arguments = arguments

    def url(self, path):
        return self.request.build_absolute_uri(path)


# Verbs


def identify(harvest, root):
    earliest = HarvestRecord.objects.order_by("datestamp").values_list("datestamp", flat=True).first()
    body = _add(root, "Identify")
    _add(body, "repositoryName", REPOSITORY_NAME)
    _add(body, "baseURL", harvest.url(reverse("oai")))
    _add(body, "protocolVersion", "2.0")
    _add(body, "adminEmail", parseaddr(settings.DEFAULT_FROM_EMAIL)[1])
    _add(body, "earliestDatestamp", utc(earliest or harvest.now))
    _add(body, "deletedRecord", "persistent")
    _add(body, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    description = _add(body, "description")
    oai_identifier = etree.SubElement(description, f"{{{OAI_IDENTIFIER}}}oai-identifier", nsmap={None: OAI_IDENTIFIER})
    oai_identifier.set(f"{{{XSI}}}schemaLocation", f"{OAI_IDENTIFIER} {OAI_IDENTIFIER_SCHEMA}")
    for name, value in [
        ("scheme", "oai"),
        ("repositoryIdentifier", settings.PUBLICATIONS_OAI_REPOSITORY_IDENTIFIER),
        ("delimiter", ":"),
        ("sampleIdentifier", oai_identifier_of(uuid.UUID(int=0))),
    ]:
        etree.SubElement(oai_identifier, f"{{{OAI_IDENTIFIER}}}{name}").text = value


def list_metadata_formats(harvest, root):
    if "identifier" in harvest.arguments:
        _record_for(harvest.arguments["identifier"])
    body = _add(root, "ListMetadataFormats")
    for prefix, (schema, namespace) in FORMATS.items():
        metadata_format = _add(body, "metadataFormat")
        _add(metadata_format, "metadataPrefix", prefix)
        _add(metadata_format, "schema", schema)
        _add(metadata_format, "metadataNamespace", namespace)


def list_sets(harvest, root):
    if "resumptionToken" in harvest.arguments:
        raise OAIError("badResumptionToken", "This repository lists its sets in one response.")
    body = _add(root, "ListSets")
    for spec, name in all_sets():
        oai_set = _add(body, "set")
        _add(oai_set, "setSpec", spec)
        _add(oai_set, "setName", name)


def get_record(harvest, root):
    metadata_prefix = _metadata_prefix(harvest.arguments["metadataPrefix"])
    record = _record_for(harvest.arguments["identifier"])
    body = _add(root, "GetRecord")
    works = works_by_key([record.translation_key]) if not record.deleted else {}
    _add_record(body, record, works.get(record.translation_key), metadata_prefix, harvest)


def list_identifiers(harvest, root):
    _list(harvest, root, "ListIdentifiers", with_metadata=False)


def list_records(harvest, root):
    _list(harvest, root, "ListRecords", with_metadata=True)


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}


# Lists and their resumption tokens


def _list(harvest, root, verb, with_metadata):
    if "resumptionToken" in harvest.arguments:
        state = _read_token(harvest.arguments["resumptionToken"])
    else:
        state = _first_state(harvest)
    metadata_prefix = _metadata_prefix(state["prefix"])
    records = _filtered(state)
    if "total" not in state:
        state["total"] = records.count()
    if state.get("after"):
        after_datestamp = datetime.datetime.fromisoformat(state["after"][0])
        records = records.filter(
            Q(datestamp__gt=after_datestamp) | Q(datestamp=after_datestamp, pk__gt=state["after"][1])
        )
    page = list(records.order_by("datestamp", "pk")[: PAGE_SIZE + 1])
    if not page:
        # Also the end of a list whose last records changed since the harvest began (they moved past its end).
        raise OAIError("noRecordsMatch", "No record matches these arguments.")
    more = len(page) > PAGE_SIZE
    page = page[:PAGE_SIZE]

    body = _add(root, verb)
    works = works_by_key([r.translation_key for r in page if not r.deleted]) if with_metadata else {}
    for record in page:
        if with_metadata:
            _add_record(body, record, works.get(record.translation_key), metadata_prefix, harvest)
        else:
            _add_header(body, record)

    cursor = state.get("cursor", 0)
    if more or state.get("after"):
        token = _add(body, "resumptionToken", cursor=str(cursor), completeListSize=str(max(state["total"], 1)))
        if more:
            last = page[-1]
            token.text = signing.dumps(
                {**state, "after": [last.datestamp.isoformat(), last.pk], "cursor": cursor + len(page)},
                salt=TOKEN_SALT,
                compress=True,
            )


def _first_state(harvest):
    arguments = harvest.arguments
    # Dates first: a response that echoes the arguments (cannotDisseminateFormat) may only echo valid dates.
    start = _parse_datestamp(arguments["from"], "from") if "from" in arguments else None
    end = _parse_datestamp(arguments["until"], "until") if "until" in arguments else None
    _metadata_prefix(arguments["metadataPrefix"])
    if start and end:
        if len(arguments["from"]) != len(arguments["until"]):
            raise OAIError("badArgument", "from and until must have the same granularity.")
        if start[0] > end[0]:
            raise OAIError("badArgument", "from is later than until.")
    # The list ends at this first request's time (to the microsecond, as datestamps are stored; they are
    # reported to the second): a record that changes during the harvest leaves it for the next one.
    before = min(end[1], harvest.now) if end else harvest.now
    return {
        "prefix": arguments["metadataPrefix"],
        "set": arguments.get("set", ""),
        "from": start[0].isoformat() if start else "",
        "before": before.isoformat(),
    }


def _filtered(state):
    records = HarvestRecord.objects.filter(datestamp__lt=datetime.datetime.fromisoformat(state["before"]))
    if state["from"]:
        records = records.filter(datestamp__gte=datetime.datetime.fromisoformat(state["from"]))
    if spec := state["set"]:
        # A set's records include those of its subsets: "type" holds "type:study".
        records = records.filter(Q(set_specs__contains=f" {spec} ") | Q(set_specs__contains=f" {spec}:"))
    return records


def _read_token(token):
    try:
        state = signing.loads(token, salt=TOKEN_SALT)
        datetime.datetime.fromisoformat(state["before"])
        if state["from"]:
            datetime.datetime.fromisoformat(state["from"])
        datetime.datetime.fromisoformat(state["after"][0])
        int(state["after"][1]), int(state["cursor"]), int(state["total"])
        state["prefix"], state["set"]  # noqa: B018 (every key a token must have)
    except (signing.BadSignature, KeyError, TypeError, ValueError, IndexError):
        raise OAIError("badResumptionToken", "This resumption token is not one this repository issued.") from None
    return state


def _parse_datestamp(value, name):
    """(first instant, first instant after) of the day or the second `value` names, in UTC."""
    try:
        if len(value) == len("YYYY-MM-DD"):
            start, step = datetime.datetime.strptime(value, "%Y-%m-%d"), datetime.timedelta(days=1)
        elif len(value) == len("YYYY-MM-DDThh:mm:ssZ"):
            start, step = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ"), datetime.timedelta(seconds=1)
        else:
            raise ValueError(value)
    except ValueError:
        raise OAIError(
            "badArgument", f"{name} is not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDThh:mm:ssZ)."
        ) from None
    start = start.replace(tzinfo=datetime.UTC)
    return start, start + step


def _metadata_prefix(prefix):
    if prefix not in FORMATS:
        raise OAIError("cannotDisseminateFormat", f"This repository offers {' and '.join(FORMATS)}, not {prefix!r}.")
    return prefix


# Records


def oai_identifier_of(translation_key):
    return f"oai:{settings.PUBLICATIONS_OAI_REPOSITORY_IDENTIFIER}:{translation_key}"


def _record_for(identifier):
    prefix = f"oai:{settings.PUBLICATIONS_OAI_REPOSITORY_IDENTIFIER}:"
    try:
        if not identifier.startswith(prefix):
            raise ValueError
        key = uuid.UUID(identifier[len(prefix) :])
        return HarvestRecord.objects.get(translation_key=key)
    except (ValueError, HarvestRecord.DoesNotExist):
        raise OAIError("idDoesNotExist", f"No record has the identifier {identifier!r}.") from None


def _add_header(parent, record):
    header = _add(parent, "header", status="deleted" if record.deleted else None)
    _add(header, "identifier", oai_identifier_of(record.translation_key))
    _add(header, "datestamp", utc(record.datestamp))
    for spec in record.set_specs.split():
        _add(header, "setSpec", spec)


def _add_record(parent, record, work, metadata_prefix, harvest):
    oai_record = _add(parent, "record")
    if work is None and not record.deleted:
        # Live when listed, unpublished since: say so now rather than describe a page nobody can see.
        record.deleted = True
    _add_header(oai_record, record)
    if record.deleted:
        return
    metadata = _add(oai_record, "metadata")
    if metadata_prefix == "oai_dc":
        metadata.append(dublin_core(work, harvest.request))
    else:
        original = work.original
        links = EditionLinks(
            translations=[LinkedEdition(page, citation.page_url(page, harvest.request)) for page in work.translations]
        )
        metadata.append(
            datacite.resource(original, authors_of(original), list(original.editions.all()), links, harvest.request)
        )


def works_by_key(translation_keys):
    """The public editions of these publications with their authors, PDFs and topics, in four queries."""
    pages = (
        public_pages(PublicationPage, locale=None)
        .filter(translation_key__in=list(translation_keys))
        .select_related("locale")
        .prefetch_related(
            Prefetch("publication_authors", queryset=PublicationAuthor.objects.select_related("author")),
            Prefetch("editions", queryset=PublicationEdition.objects.select_related("document")),
            "topics",
        )
        .order_by("pk")
    )
    grouped = {}
    for page in pages:
        grouped.setdefault(page.translation_key, []).append(page)
    works = {}
    for key, editions in grouped.items():
        original = original_of(editions)
        works[key] = Work([original, *[page for page in editions if page.pk != original.pk]])
    return works


def dublin_core(work, request):
    """Simple Dublin Core for the whole publication: every edition's title, abstract, language and address."""
    original = work.original
    root = etree.Element(f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} {OAI_DC_SCHEMA}")

    def dc(name, text, language=None):
        if text:
            element = etree.SubElement(root, f"{{{DC}}}{name}")
            element.text = str(text)
            if language:
                element.set(XML_LANG, language)

    for page in work.pages:
        dc("title", citation.full_title(page), page.locale.language_code)
    for author in authors_of(original):
        dc("creator", citation.citation_name(author), original.locale.language_code)
    for topic in original.topics.all():
        dc("subject", topic.name)
    for page in work.pages:
        dc("description", citation.plain_text(page.abstract), page.locale.language_code)
    language = original.locale.language_code
    dc("publisher", original.publisher or citation.DEFAULT_PUBLISHER.get(language, ""), language)
    dc("date", original.publication_date.isoformat())
    dc("type", "Text")
    dc("type", citation.type_name(original, "en"), "en")
    editions = list(original.editions.all())
    if editions:
        dc("format", "application/pdf")
    dc("identifier", citation.doi_url(original))
    for page in work.pages:
        dc("identifier", citation.page_url(page, request))
    for edition_language in dict.fromkeys(edition.language for edition in editions):
        dc("language", edition_language)
    # The relation between editions: each translation's page, and each language edition's PDF.
    for page in work.translations:
        dc("relation", citation.page_url(page, request), page.locale.language_code)
    for edition in editions:
        dc("relation", request.build_absolute_uri(edition.document.url), edition.language)
    return root


def all_sets():
    """Every set a record can be in: the publication types and the topics, under a set for each."""
    sets = [("type", "نوع المنشور / Publication type")]
    for value, label in PublicationType.choices:
        sets.append((f"type:{value}", _bilingual(label)))
    sets.append(("topic", "الموضوع / Topic"))
    topics = list(Topic.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
    english = dict(
        Topic.objects.filter(
            locale__language_code="en", translation_key__in=[t.translation_key for t in topics]
        ).values_list("translation_key", "name")
    )
    for topic in topics:
        names = [topic.name, english.get(topic.translation_key)]
        sets.append((topic_set_spec(topic), " / ".join(dict.fromkeys(name for name in names if name))))
    return sets


def _bilingual(label):
    names = []
    for language in (settings.LANGUAGE_CODE, "en"):
        with translation.override(language):
            names.append(str(label))
    return " / ".join(dict.fromkeys(names))


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{OAI}}}{tag}", {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = str(text)
    return element
