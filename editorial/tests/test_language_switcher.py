"""A page with no version in the other language says so, and links to its nearest ancestor that has one."""

from wagtail.models import Locale

from home.models import StandardPage


def switcher(html):
    return html.split('class="language-switcher"')[1].split("</nav>")[0]


def test_arabic_page_without_english_says_so_and_links_to_nearest_translated_ancestor(client, site_tree):
    about = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")
    board = about.add_child(instance=StandardPage(title="مجلس الإدارة", slug="المجلس"))
    board.save_revision().publish()

    html = client.get(board.url).content.decode()

    assert "هذه الصفحة غير متاحة بالإنجليزية بعد" in switcher(html)
    assert '<a href="/en/about/" lang="en" hreflang="en">About the forum</a>' in switcher(html)
    assert 'rel="alternate" hreflang="en"' not in html
    assert f'<link rel="alternate" hreflang="ar" href="http://testserver{board.url}">' in html


def test_english_page_without_arabic_says_so_in_english(client, site_tree):
    home_en = site_tree.home_ar.get_translation(Locale.objects.get(language_code="en"))
    news = home_en.add_child(instance=StandardPage(title="Press kit", slug="press-kit"))
    news.save_revision().publish()

    html = client.get("/en/press-kit/").content.decode()

    assert "This page is not available in Arabic yet" in switcher(html)
    assert f'<a href="/ar/" lang="ar" hreflang="ar">{site_tree.home_ar.title}</a>' in switcher(html)
    assert 'hreflang="ar"' not in html.split("</head>")[0]
    assert 'hreflang="x-default"' not in html


def test_translated_page_links_its_translation_with_hreflang_both_ways(client, site_tree):
    html = client.get("/en/about/").content.decode()
    assert "not available" not in html
    assert '<link rel="alternate" hreflang="ar"' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in html


def test_cached_untranslated_page_stops_linking_an_ancestor_that_is_unpublished(client, site_tree):
    about = StandardPage.objects.get(locale__language_code="ar", slug="عن-المنتدى")
    board = about.add_child(instance=StandardPage(title="مجلس الإدارة", slug="المجلس"))
    board.save_revision().publish()
    assert 'href="/en/about/"' in switcher(client.get(board.url).content.decode())
    assert client.get(board.url)["X-Page-Cache"] == "hit"

    StandardPage.objects.get(locale__language_code="en", slug="about").unpublish()

    html = client.get(board.url).content.decode()
    assert 'href="/en/about/"' not in switcher(html)
    assert '<a href="/en/" lang="en" hreflang="en">' in switcher(html)
