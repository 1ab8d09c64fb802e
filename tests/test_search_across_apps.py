"""The search page across the apps: text only inside a PDF, and dates of each page type."""

from publications.models import PublicationPage


def test_arabic_phrase_only_in_the_pdf_finds_the_study_whatever_its_spelling(client, demo_site):

    # The PDF says "اثنتين وأربعين دائرة بلدية"; the visitor types it with a final ى and a hamza-less alef.
    html = client.get("/ar/search/", {"q": "اثنتين واربعين دائره بلديه"}).content.decode()

    study = PublicationPage.objects.get(locale__language_code="ar", title__contains="مراجعتها المحلية")
    assert study.title in html


def test_english_phrase_only_in_the_pdf_finds_the_english_edition_on_the_english_site(client, demo_site):

    html = client.get("/en/search/", {"q": "forty-two municipal departments"}).content.decode()

    study = PublicationPage.objects.get(locale__language_code="en", title__icontains="voluntary local review")
    assert study.title in html
    assert "مراجعتها" not in html


def test_year_filter_dates_a_workshop_by_its_start_not_its_publication(client, demo_site):
    from programs.models import WorkshopPage

    workshop = WorkshopPage.objects.get(locale__language_code="ar", start_at__year=2027)

    in_2027 = client.get("/ar/search/", {"q": workshop.title, "year": 2027}).content.decode()
    in_2026 = client.get("/ar/search/", {"q": workshop.title, "year": 2026}).content.decode()

    assert f'href="{workshop.url}"' in in_2027
    assert f'href="{workshop.url}"' not in in_2026
