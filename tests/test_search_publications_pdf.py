"""A phrase that appears only inside a publication's PDF finds the publication on the search page."""

from django.core.management import call_command

from publications.models import PublicationPage


def test_arabic_phrase_only_in_the_pdf_finds_the_study_whatever_its_spelling(client, db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))

    # The PDF says "اثنتين وأربعين دائرة بلدية"; the visitor types it with a final ى and a hamza-less alef.
    html = client.get("/ar/search/", {"q": "اثنتين واربعين دائره بلديه"}).content.decode()

    study = PublicationPage.objects.get(locale__language_code="ar", title__contains="مراجعتها المحلية")
    assert study.title in html


def test_english_phrase_only_in_the_pdf_finds_the_english_edition_on_the_english_site(client, db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))

    html = client.get("/en/search/", {"q": "forty-two municipal departments"}).content.decode()

    study = PublicationPage.objects.get(locale__language_code="en", title__icontains="voluntary local review")
    assert study.title in html
    assert "مراجعتها" not in html
