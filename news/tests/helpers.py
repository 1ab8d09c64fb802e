import datetime

from news.models import NewsIndexPage, NewsPage


def news_index(home, slug="news"):
    index = NewsIndexPage(title="الأخبار", slug=slug)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def news_page(index, title, date=datetime.date(2026, 1, 21), **fields):
    page = NewsPage(
        title=title,
        slug=fields.pop("slug", None) or f"news-{NewsPage.objects.count() + 1}",
        date=date,
        summary=fields.pop("summary", "ملخص"),
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page
