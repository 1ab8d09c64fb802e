from django.template.loader import render_to_string

from forum_site.localize import public_pages

from .models import NewsIndexPage


def latest_news_section(home_page, request):
    """The home page's latest news ("" when there is none)."""
    index_page = public_pages(NewsIndexPage, home_page.locale_id).child_of(home_page).first()
    if index_page is None:
        return ""
    news = list(index_page.news_items()[:3])
    if not news:
        return ""
    return render_to_string("news/home_section.html", {"news": news, "index_page": index_page}, request=request)
