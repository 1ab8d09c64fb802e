from django.template.loader import render_to_string
from wagtail import hooks


@hooks.register("home_page_sections", order=40)
def latest_news_section(home_page, request):
    from .models import NewsIndexPage

    index_page = NewsIndexPage.objects.live().child_of(home_page).first()
    if index_page is None:
        return ""
    news = list(index_page.news_items()[:3])
    if not news:
        return ""
    return render_to_string("news/home_section.html", {"news": news, "index_page": index_page}, request=request)
