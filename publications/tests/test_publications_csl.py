"""The "Cite" box: APA, Chicago (author-date), Harvard and IEEE from the committed CSL files, in the page's
language, with Arabic names right; the copy button's script; the CSL-JSON download."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from publications import csl
from publications.models import Author

from . import helpers

pytestmark = pytest.mark.django_db


def references(html):
    """{style name: reference as text} of the page's Cite box."""
    found = re.findall(r'<dt id="cite-[\w-]+-name">(.*?)</dt>.*?<p class="cite__reference"[^>]*>(.*?)</p>', html, re.S)
    return {name: re.sub(r"<[^>]+>", "", reference).replace("&amp;", "&") for name, reference in found}


def test_cite_box_offers_four_styles_in_english(client, bilingual_study):
    cited = references(client.get(bilingual_study["en"].url).content.decode())

    assert list(cited) == ["APA", "Chicago (author-date)", "Harvard", "IEEE"]
    assert cited["APA"].startswith(
        "Al-Nasrawi, S., Khraisat, A., & Greater Amman Municipality. (2026). The voluntary local review: How it was "
        "prepared [Study]. Arab Smart Cities Forum. https://doi.org/10.5281/zenodo.1234567"
    )
    # Chicago keeps full given names and files "al-" after the given name of the name it inverts.
    assert cited["Chicago (author-date)"].startswith("Nasrawi, Sukaina Al-, Akram Khraisat, and Greater Amman")
    assert cited["Harvard"].startswith("Al-Nasrawi, S., Khraisat, A. and Greater Amman Municipality (2026)")
    assert cited["IEEE"].startswith("S. Al-Nasrawi, A. Khraisat, and Greater Amman Municipality, “The voluntary")


def test_cite_box_in_arabic_keeps_arabic_names_whole(client, bilingual_study):
    html = client.get(bilingual_study["ar"].url).content.decode()
    cited = references(html)

    assert list(cited) == ["APA", "شيكاغو (المؤلف والتاريخ)", "هارفارد", "IEEE"]
    # Family name, then the whole given name (no initials of Arabic letters), «ال» joined, Arabic commas.
    assert cited["APA"].startswith("النصراوي، سكينة، خريسات، أكرم، & أمانة عمان الكبرى. (2026).")
    assert cited["هارفارد"].startswith("النصراوي، سكينة، خريسات، أكرم وأمانة عمان الكبرى (2026)")
    assert cited["IEEE"].startswith("سكينة النصراوي، أكرم خريسات، وأمانة عمان الكبرى")
    assert "متاح" in cited["هارفارد"] or "موجود في" in cited["هارفارد"]  # the Arabic CSL locale's terms
    for reference in cited.values():
        assert ". سكينة" not in reference and "ال " not in reference


def test_latin_al_particle_is_a_non_dropping_particle(publication_index):
    person = helpers.author(publication_index.locale, "x", Author.Kind.PERSON, "al-Ghassani", "Ahmed")

    assert csl.csl_name(person) == {"non-dropping-particle": "al-", "family": "Ghassani", "given": "Ahmed"}


def test_cite_box_escapes_what_editors_typed(client, publication_index):
    page = helpers.publication(publication_index, "<b>عنوان</b> & <script>x</script>", slug="esc")

    html = client.get(page.url).content.decode()

    assert "<script>x</script>" not in html
    assert "&lt;b&gt;عنوان&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;" in html


def test_copy_buttons_come_from_a_static_script_not_an_inline_one(client, bilingual_study):
    html = client.get(bilingual_study["en"].url).content.decode()

    assert html.count('class="button cite__copy" data-copy="cite-') == 4
    assert re.search(r'<script src="[^"]*publications/cite\.js" defer></script>', html)
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html)
    assert inline == []
    assert finders.find("publications/cite.js")


def test_csl_json_download_describes_the_edition(client, bilingual_study):
    response = client.get(bilingual_study["en"].url + "cite/csl-json/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    (item,) = json.loads(response.content)
    assert item["type"] == "report"
    assert item["title"] == "The voluntary local review: How it was prepared"
    assert item["author"] == [
        {"non-dropping-particle": "Al-", "family": "Nasrawi", "given": "Sukaina"},
        {"family": "Khraisat", "given": "Akram"},
        {"literal": "Greater Amman Municipality"},
    ]
    assert item["issued"] == {"date-parts": [[2026, 3, 2]]}
    assert item["DOI"] == "10.5281/zenodo.1234567"
    assert item["language"] == "en"


def test_csl_json_of_the_arabic_edition_keeps_the_arabic_names(client, bilingual_study):
    (item,) = json.loads(client.get(bilingual_study["ar"].url + "cite/csl-json/").content)

    assert item["author"][0] == {"family": "النصراوي", "given": "سكينة"}
    assert item["language"] == "ar"


def test_the_styles_and_locales_are_the_committed_files():
    folder = Path(settings.BASE_DIR) / "publications" / "csl"
    for style, _label in csl.STYLES:
        assert (folder / "styles" / f"{style}.csl").is_file()
    for locale in csl.CSL_LOCALES.values():
        assert (folder / "locales" / f"locales-{locale}.xml").is_file()
    import citeproc.frontend

    assert Path(citeproc.frontend.LOCALES_PATH) == folder / "locales"


def test_an_arabic_address_reads_in_arabic_letters_left_to_right(client, publication_index):
    page = helpers.publication(publication_index, "دراسة", slug="دراسة-المدن")

    html = client.get(page.url).content.decode()

    assert '<span dir="ltr">http://testserver/ar/publications/دراسة-المدن/</span>' in html
    assert "%D8%AF" not in html.split('class="cite__styles"')[1].split("</dl>")[0]
