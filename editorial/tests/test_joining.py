"""Lists and numbers are written the way the page's language writes them: no Arabic comma on English pages."""

from decimal import Decimal

import pytest
from wagtail.models import Locale

from forum_site.localize import translate
from partners.models import PartnerOrganisation
from programs.tests.conftest import make_event


@pytest.fixture
def event_with_partners(programs_tree):
    arabic = Locale.objects.get(language_code="ar")
    partners = []
    names = [("أمانة عمّان الكبرى", "Greater Amman Municipality"), ("بلدية البترا", "Petra Municipality")]
    for name_ar, name_en in names:
        partner = PartnerOrganisation.objects.create(locale=arabic, name=name_ar, kind="municipality")
        translate(partner, {name_ar: name_en})
        partners.append(partner)
    return make_event(programs_tree.program, venue=programs_tree.venue, partners=partners, fee=Decimal("1250.50"))


def definitions(html):
    return html.split("<dl")[1].split("</dl>")[0]


def test_english_event_page_joins_venue_and_partners_with_an_english_comma(client, event_with_partners):
    english = event_with_partners.get_translation(Locale.objects.get(language_code="en"))
    details = definitions(client.get(english.url).content.decode())
    assert "Amman hall, Amman" in details
    assert "Greater Amman Municipality, Petra Municipality" in details
    assert "،" not in details


def test_arabic_event_page_joins_with_the_arabic_comma_and_writes_a_decimal_point(client, event_with_partners):
    details = definitions(client.get(event_with_partners.url).content.decode())
    assert "قاعة عمّان، عمّان" in details
    assert "أمانة عمّان الكبرى، بلدية البترا" in details
    assert "1250.50" in details
