"""Validation against the official XML schemas committed in tests/schemas/, offline (lxml, no network)."""

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"
# One schema that imports the others, so OAI-PMH's strict wildcards (<metadata>, <description>) check their
# content against oai_dc, DataCite and oai-identifier too. Every import resolves to a committed file.
IMPORTS = {
    "http://www.openarchives.org/OAI/2.0/": "OAI-PMH.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc/": "oai_dc.xsd",
    "http://www.openarchives.org/OAI/2.0/oai-identifier": "oai-identifier.xsd",
    "http://datacite.org/schema/kernel-4": "datacite-kernel-4.6/metadata.xsd",
}


@cache
def schema():
    imports = "".join(
        f'<xs:import namespace="{namespace}" schemaLocation="{(SCHEMAS / path).as_uri()}"/>'
        for namespace, path in IMPORTS.items()
    )
    driver = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.fromstring(driver, parser, base_url=SCHEMAS.as_uri() + "/"))


def validated(content):
    """The parsed document, after asserting that it is valid; the schema's errors otherwise."""
    document = etree.fromstring(content, etree.XMLParser(no_network=True))
    assert schema().validate(document), "\n".join(str(error) for error in schema().error_log)
    return document
