from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from forum_site.privacy import public


class BilingualSitemap(Sitemap):
    """Every live page of every language, each with hreflang alternates to its translations.

    Wagtail's own sitemap lists only the site root's tree, which is the Arabic one.
    """

    def items(self):
        site_root = self.get_wagtail_site().root_page
        language_roots = Page.objects.filter(translation_key=site_root.translation_key)
        in_a_language_tree = reduce(or_, (Q(path__startswith=root.path) for root in language_roots))
        return public(Page.objects.filter(in_a_language_tree).live()).order_by("path").defer_streamfields()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        language_of = dict(Locale.objects.values_list("id", "language_code"))
        translations = defaultdict(list)
        for item in pages:
            translations[item.translation_key].append(item)
        urls = []
        for item in pages:
            alternates = [
                {"lang_code": language_of[other.locale_id], "location": other.get_full_url(self.request)}
                for other in translations[item.translation_key]
            ]
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "item": item, "alternates": alternates})
        self.latest_lastmod = max((url["lastmod"] for url in urls if url["lastmod"]), default=None)
        return urls
