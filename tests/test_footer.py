"""The footer: the site's sections and its partner organisations, in the page's language, kept fresh by the
page cache's purges."""

from wagtail.models import Locale

from partners.tests import helpers as partners


def about(language_code):
    return "/ar/عن-المنتدى/" if language_code == "ar" else "/en/about/"


def footer_of(client, url):
    html = client.get(url).content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_footer_lists_the_sites_sections_and_the_partners_in_the_pages_language(client, site_tree):
    arabic = Locale.objects.get(language_code="ar")
    partners_page = partners.partners_page(site_tree.home_ar)
    partners.organisation(arabic, "بلدية إربد الكبرى", english=("Greater Irbid Municipality", "Jordan"))

    arabic_footer = footer_of(client, about("ar"))
    english_footer = footer_of(client, about("en"))

    assert "أقسام الموقع" in arabic_footer and "The site" in english_footer
    assert f'href="{site_tree.home_ar.url}"' in arabic_footer
    assert 'href="/en/about/"' in english_footer
    assert "شركاؤنا" in arabic_footer and "بلدية إربد الكبرى" in arabic_footer
    assert f'href="{partners_page.url}"' in arabic_footer
    assert "Greater Irbid Municipality" in english_footer and "إربد" not in english_footer


def test_a_new_partner_organisation_reaches_the_footer_of_pages_already_cached(client, site_tree):
    arabic = Locale.objects.get(language_code="ar")
    partners.organisation(arabic, "بلدية إربد الكبرى")
    client.get(about("ar"))
    assert client.get(about("ar"))["X-Page-Cache"] == "hit"

    partners.organisation(arabic, "بلدية الزرقاء")

    assert "بلدية الزرقاء" in footer_of(client, about("ar"))


def test_footer_has_no_partners_section_without_partner_organisations(client, site_tree):
    assert "footer-partners-heading" not in footer_of(client, about("ar"))
