"""The OAI-PMH endpoint: every response valid against the official schemas (OAI-PMH, oai_dc, DataCite 4.6),
one record per publication with all its editions, sets, dates, stable paging and persistent deletions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import built_for_module, for_this_test
from publications import oai
from publications.models import HarvestRecord, PublicationPage

from . import helpers
from .xsd import validated

pytestmark = pytest.mark.django_db

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dcite": "http://datacite.org/schema/kernel-4",
    "id": "http://www.openarchives.org/OAI/2.0/oai-identifier",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def harvest(client, method="get", **arguments):
    response = getattr(client, method)("/oai/", arguments)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    return validated(response.content)


def texts(document, path):
    return [node.text for node in document.xpath(path, namespaces=NS)]


def error_code(document):
    (code,) = document.xpath("/oai:OAI-PMH/oai:error/@code", namespaces=NS)
    return code


def identifier_of(page):
    return f"oai:forum.example.org:{page.translation_key}"


def three_publications(publication_index):
    """Three Arabic publications of different types and topics, none translated."""
    return [
        helpers.publication(publication_index, "دراسة", "study", topics=["sdgs-vlr"], slug="a"),
        helpers.publication(publication_index, "دليل", "guide", topics=["e-services"], slug="b"),
        helpers.publication(publication_index, "تقرير", "report", topics=["e-services", "sdgs-vlr"], slug="c"),
    ]


@pytest.fixture(scope="module")
def library_of_module(request, publication_index_of_module):
    return built_for_module(request, "library", three_publications, publication_index_of_module)


@pytest.fixture
def library(library_of_module, publication_index):
    return for_this_test(library_of_module, three_publications, publication_index)


def test_identify_describes_a_repository_that_keeps_deletions(client, site_tree):
    document = harvest(client, verb="Identify")

    assert texts(document, "//oai:baseURL") == ["http://testserver/oai/"]
    assert texts(document, "//oai:protocolVersion") == ["2.0"]
    assert texts(document, "//oai:deletedRecord") == ["persistent"]
    assert texts(document, "//oai:granularity") == ["YYYY-MM-DDThh:mm:ssZ"]
    assert texts(document, "//oai:adminEmail") == ["forum@example.org"]
    assert texts(document, "//id:repositoryIdentifier") == ["forum.example.org"]


def test_post_requests_are_answered_like_get(client, library):
    document = harvest(client, method="post", verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert len(document.xpath("//oai:header", namespaces=NS)) == 3


def test_metadata_formats_are_dublin_core_and_datacite(client, library):
    document = harvest(client, verb="ListMetadataFormats", identifier=identifier_of(library[0]))

    assert texts(document, "//oai:metadataPrefix") == ["oai_dc", "datacite"]
    assert texts(document, "//oai:metadataNamespace") == [NS["oai_dc"], NS["dcite"]]


def test_sets_are_the_publication_types_and_the_topics(client, library):
    document = harvest(client, verb="ListSets")

    specs = texts(document, "//oai:setSpec")
    assert {"type", "type:study", "type:guide", "topic", "topic:sdgs-vlr", "topic:e-services"} <= set(specs)
    names = dict(zip(specs, texts(document, "//oai:setName"), strict=True))
    assert names["type:study"] == "دراسة / Study"


@pytest.mark.parametrize(
    ("arguments", "expected_slugs"),
    [
        ({"set": "type:study"}, {"a"}),
        ({"set": "topic:e-services"}, {"b", "c"}),
        ({"set": "topic"}, {"a", "b", "c"}),
    ],
)
def test_a_set_selects_its_records(client, library, arguments, expected_slugs):
    document = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **arguments)

    by_identifier = {identifier_of(page): page.slug for page in library}
    assert {by_identifier[i] for i in texts(document, "//oai:identifier")} == expected_slugs


def test_from_and_until_select_records_by_datestamp(client, library):
    for day, page in enumerate(library, start=1):
        HarvestRecord.objects.filter(translation_key=page.translation_key).update(
            datestamp=datetime.datetime(2026, 1, day, 12, tzinfo=datetime.UTC)
        )

    days = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2026-01-02")
    seconds = harvest(client, verb="ListIdentifiers", metadataPrefix="datacite", **{"from": "2026-01-02T12:00:00Z"})

    assert texts(days, "//oai:identifier") == [identifier_of(library[0]), identifier_of(library[1])]
    assert texts(seconds, "//oai:identifier") == [identifier_of(library[1]), identifier_of(library[2])]
    assert texts(seconds, "//oai:datestamp")[0] == "2026-01-02T12:00:00Z"


def test_one_record_per_publication_with_each_edition(client, bilingual_study):
    arabic, english = bilingual_study["ar"], bilingual_study["en"]

    document = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")

    (record,) = document.xpath("//oai:record", namespaces=NS)
    assert texts(record, ".//oai:identifier") == [identifier_of(arabic)]
    titles = {node.get(XML_LANG): node.text for node in record.xpath(".//dc:title", namespaces=NS)}
    assert titles == {
        "ar": "المراجعة المحلية الطوعية: مسار الإعداد",
        "en": "The voluntary local review: How it was prepared",
    }
    assert texts(record, ".//dc:language") == ["ar", "en"]
    assert texts(record, ".//dc:creator") == ["النصراوي, سكينة", "خريسات, أكرم", "أمانة عمان الكبرى"]
    relations = {node.text: node.get(XML_LANG) for node in record.xpath(".//dc:relation", namespaces=NS)}
    assert relations["http://testserver" + english.url] == "en"
    for edition in arabic.editions.all():
        assert relations["http://testserver" + edition.document.url] == edition.language
    assert "https://doi.org/10.5281/zenodo.1234567" in texts(record, ".//dc:identifier")


def test_datacite_record_names_the_translation(client, bilingual_study):
    english = bilingual_study["en"]

    document = harvest(
        client, verb="GetRecord", metadataPrefix="datacite", identifier=identifier_of(bilingual_study["ar"])
    )

    resource = document.xpath("//dcite:resource", namespaces=NS)[0]
    assert texts(resource, "dcite:identifier[@identifierType='DOI']") == ["10.5281/zenodo.1234567"]
    assert texts(resource, "dcite:language") == ["ar"]
    assert texts(resource, "dcite:relatedIdentifiers/dcite:relatedIdentifier[@relationType='HasTranslation']") == [
        "http://testserver" + english.url
    ]
    assert texts(resource, "dcite:titles/dcite:title[@titleType='TranslatedTitle']") == ["The voluntary local review"]
    assert texts(resource, "dcite:creators/dcite:creator/dcite:familyName") == ["النصراوي", "خريسات"]


def test_unpublished_publication_stays_listed_as_deleted(client, library):
    gone = library[1]
    gone.unpublish()

    listed = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")
    record = harvest(client, verb="GetRecord", metadataPrefix="datacite", identifier=identifier_of(gone))

    (deleted,) = listed.xpath("//oai:header[@status='deleted']/oai:identifier", namespaces=NS)
    assert deleted.text == identifier_of(gone)
    assert len(listed.xpath("//oai:record", namespaces=NS)) == 3
    assert record.xpath("//oai:header/@status", namespaces=NS) == ["deleted"]
    assert not record.xpath("//oai:metadata", namespaces=NS)


def test_a_publication_made_private_is_listed_as_deleted_until_it_is_public_again(client, library):
    from wagtail.models import PageViewRestriction

    private = library[2]
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    while_private = harvest(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier_of(private))
    restriction.delete()
    public_again = harvest(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier_of(private))

    assert while_private.xpath("//oai:header/@status", namespaces=NS) == ["deleted"]
    assert not public_again.xpath("//oai:header/@status", namespaces=NS)
    assert public_again.xpath("//oai:metadata", namespaces=NS)


def test_deleted_publication_stays_listed_as_deleted(client, library):
    gone = library[0]
    key = gone.translation_key
    gone.delete()

    document = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:study")

    assert document.xpath("//oai:header/@status", namespaces=NS) == ["deleted"]
    assert texts(document, "//oai:identifier") == [f"oai:forum.example.org:{key}"]


def test_unpublishing_one_translation_keeps_the_record_live(client, bilingual_study):
    PublicationPage.objects.get(pk=bilingual_study["en"].pk).unpublish()

    document = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")

    assert not document.xpath("//oai:header[@status='deleted']", namespaces=NS)
    assert texts(document, "//dc:title") == ["المراجعة المحلية الطوعية: مسار الإعداد"]


def test_paging_serves_each_record_once_while_the_library_changes(client, publication_index, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    pages = [helpers.publication(publication_index, f"منشور {n}", slug=f"p{n}") for n in range(5)]
    for number, page in enumerate(pages):  # five distinct past datestamps, in page order
        HarvestRecord.objects.filter(translation_key=page.translation_key).update(
            datestamp=datetime.datetime(2026, 1, 1, 0, 0, number, tzinfo=datetime.UTC)
        )

    first = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    started = texts(first, "//oai:responseDate")[0]
    served = texts(first, "//oai:identifier")
    (token,) = first.xpath("//oai:resumptionToken", namespaces=NS)
    assert (token.get("cursor"), token.get("completeListSize")) == ("0", "5")

    # While the harvester pauses, editors publish a new publication, republish one already served,
    # and unpublish one not yet served.
    added = helpers.publication(publication_index, "جديد", slug="new")
    pages[0].save_revision().publish()
    pages[3].unpublish()

    cursors = []
    while token.text:
        document = harvest(client, verb="ListIdentifiers", resumptionToken=token.text)
        served += texts(document, "//oai:identifier")
        (token,) = document.xpath("//oai:resumptionToken", namespaces=NS)
        cursors.append(token.get("cursor"))

    assert cursors == ["2", "4"][: len(cursors)]
    assert len(served) == len(set(served)), "a record was served twice in one harvest"
    unchanged = [pages[1], pages[2], pages[4]]
    assert {identifier_of(page) for page in unchanged} <= set(served)

    # The next incremental harvest, from the first response's date, brings every change.
    later = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": started})
    (token,) = later.xpath("//oai:resumptionToken", namespaces=NS) or [None]
    headers = later.xpath("//oai:header", namespaces=NS)
    while token is not None and token.text:
        document = harvest(client, verb="ListIdentifiers", resumptionToken=token.text)
        headers += document.xpath("//oai:header", namespaces=NS)
        (token,) = document.xpath("//oai:resumptionToken", namespaces=NS)
    statuses = {texts(header, "oai:identifier")[0]: header.get("status") for header in headers}
    assert statuses == {identifier_of(added): None, identifier_of(pages[0]): None, identifier_of(pages[3]): "deleted"}


def test_list_records_takes_the_same_number_of_queries_for_more_publications(client, publication_index):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            harvest(client, verb="ListRecords", metadataPrefix="datacite")
        return len(captured)

    authors = [helpers.author(publication_index.locale, f"مؤلف {n}") for n in range(2)]
    helpers.publication(publication_index, "أول", topics=["sdgs-vlr"], languages=("ar", "en"), authors=authors)
    queries()  # warm the per-process caches
    few = queries()
    for number in range(6):
        helpers.publication(
            publication_index, f"ثان {number}", topics=["e-services"], languages=("ar", "en"), authors=authors
        )

    assert queries() == few


LIST = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "set": "type"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({**LIST, "from": "2026-13-01"}, "badArgument"),
        ({**LIST, "from": "2026-02-01", "until": "2026-01-01"}, "badArgument"),
        ({**LIST, "from": "2026-01-01", "until": "2026-02-01T00:00:00Z"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "datacite"]}, "badArgument"),
        ({**LIST, "resumptionToken": "x"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc 21"}, "badArgument"),
        ({**LIST, "set": "موضوع"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21", "until": "yesterday"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:forum.example.org:x"}, "idDoesNotExist"),
        ({"verb": "ListMetadataFormats", "identifier": "oai:elsewhere.org:1"}, "idDoesNotExist"),
        ({**LIST, "set": "type:vlr"}, "noRecordsMatch"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2099-01-01"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "resumptionToken": "not-a-token"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "not-a-token"}, "badResumptionToken"),
    ],
)  # fmt: skip
def test_protocol_errors(client, library, arguments, code):
    document = harvest(client, **arguments)

    assert error_code(document) == code
    (request,) = document.xpath("/oai:OAI-PMH/oai:request", namespaces=NS)
    if code in ("badVerb", "badArgument"):
        assert dict(request.attrib) == {}  # the protocol echoes no argument of a request it could not parse


def test_a_tampered_resumption_token_is_refused(client, publication_index, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 1)
    for number in range(2):
        helpers.publication(publication_index, f"منشور {number}", slug=f"t{number}")
    first = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    (token,) = texts(first, "//oai:resumptionToken")

    document = harvest(client, verb="ListIdentifiers", resumptionToken=token[:-2] + "xx")

    assert error_code(document) == "badResumptionToken"


def test_datestamps_are_utc_seconds(client, library):
    document = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    for datestamp in texts(document, "//oai:datestamp"):
        parsed = datetime.datetime.strptime(datestamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
        assert abs(parsed - timezone.now()) < datetime.timedelta(minutes=5)


def test_the_library_page_advertises_the_endpoint(client, publication_index):
    html = client.get(publication_index.url).content.decode()

    assert 'href="/oai/?verb=Identify"' in html
    assert "OAI-PMH" in html
