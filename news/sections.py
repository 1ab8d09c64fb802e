from django.template.loader import render_to_string

from forum_site.pagecache import cached_fragment

from .models import NewsIndexPage


def latest_news_section(home_page, request):
    """The home page's latest news ("" when there is none), kept until the news index is purged."""
    index_page = home_page.section_index(NewsIndexPage)
    if index_page is None:
        return ""

    def render():
        news = list(index_page.news_items()[:3])
        if not news:
            return ""
        return render_to_string("news/home_section.html", {"news": news, "index_page": index_page}, request=request)

    return cached_fragment("home-news", index_page.get_url(request), render)
