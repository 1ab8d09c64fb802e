"""What a visitor sees of the site's frame: language, direction, navigation, switcher, footer, errors."""

from django.utils import translation
from wagtail.models import Locale

from home.models import SiteSettings, StandardPage


def test_root_redirects_to_arabic_when_browser_language_is_unknown(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_root_redirects_to_english_for_an_english_browser(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


def test_arabic_home_is_right_to_left_with_hreflang_alternates(client, site_tree):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/ar/">' in html


def test_english_home_is_left_to_right_and_in_english(client, site_tree):
    html = client.get("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Towards smart and sustainable Arab cities" in html
    assert "Skip to main content" in html


def test_main_navigation_lists_menu_pages_of_the_current_language(client, site_tree):
    arabic = client.get("/ar/").content.decode()
    english = client.get("/en/").content.decode()
    assert "عن المنتدى" in arabic and "About the forum" not in arabic
    assert 'href="/en/about/"' in english and "عن المنتدى" not in english
    assert "Privacy notice" not in english.split("</nav>")[1]  # not a menu page


def test_language_switcher_goes_to_the_translation_of_the_page(client, site_tree):
    html = client.get("/en/about/").content.decode()
    assert 'href="/ar/%D8%B9%D9%86-%D8%A7%D9%84%D9%85%D9%86%D8%AA%D8%AF%D9%89/" lang="ar"' in html


def test_language_switcher_falls_back_to_the_other_home_page_when_untranslated(client, site_tree):
    untranslated = StandardPage(title="صفحة بلا ترجمة", slug="بلا-ترجمة")
    site_tree.home_ar.add_child(instance=untranslated)
    untranslated.save_revision().publish()

    html = client.get(untranslated.url).content.decode()
    assert '<a href="/en/" lang="en" hreflang="en">Arab Smart Cities Forum</a>' in html
    assert client.get("/en/").status_code == 200


def test_footer_shows_contact_details_edited_in_site_settings(client, site_tree):
    site_settings = SiteSettings.for_site(site_tree.home_ar.get_site())
    site_settings.email = "training@forum.example"
    site_settings.address_en = "Amman City Hall"
    site_settings.save()

    english = client.get("/en/").content.decode()
    arabic = client.get("/ar/").content.decode()
    assert 'href="mailto:training@forum.example"' in english
    assert "Amman City Hall" in english
    assert "أمانة عمان الكبرى" in arabic


def test_missing_page_gives_a_404_in_the_visitors_language(client, site_tree):
    arabic = client.get("/ar/no-such-page/")
    english = client.get("/en/no-such-page/")
    assert arabic.status_code == english.status_code == 404
    assert "الصفحة غير موجودة" in arabic.content.decode()
    assert "Page not found" in english.content.decode()
    assert '<html lang="en" dir="ltr">' in english.content.decode()


def test_server_error_page_speaks_the_language_of_the_url(rf):
    from forum_site.errors import server_error

    arabic = server_error(rf.get("/ar/about/")).content.decode()
    english = server_error(rf.get("/en/about/")).content.decode()

    assert '<html lang="ar" dir="rtl">' in arabic and "عذرًا، حدث خطأ من جهتنا" in arabic
    assert '<html lang="en" dir="ltr">' in english and "Sorry, something went wrong on our side" in english


def test_english_site_is_a_synchronised_translation_of_the_arabic_one(site_tree):
    english = Locale.objects.get(language_code="en")
    about_ar = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")
    about_en = about_ar.get_translation(english)
    assert about_en.title == "About the forum"
    assert about_en.get_parent().specific == site_tree.home_en
    from wagtail_localize.models import Translation

    assert Translation.objects.filter(source__object_id=about_ar.translation_key, target_locale=english).exists()


def test_home_page_renders_in_a_constant_number_of_queries(
    client, site_tree, rendered_pages, django_assert_max_num_queries
):
    translation.activate("ar")
    with django_assert_max_num_queries(20):
        client.get("/ar/")


def test_sitemap_lists_both_languages_with_hreflang_alternates(
    client, site_tree, rendered_pages, django_assert_max_num_queries
):
    # Full URLs come from the Wagtail Site record (localhost in the demo; the real domain in production).
    with django_assert_max_num_queries(10):
        xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/ar/</loc>" in xml
    assert "<loc>http://localhost/en/about/</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="en" href="http://localhost/en/about/"/>' in xml
    assert xml.count("<url>") == 8


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
