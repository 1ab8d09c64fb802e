"""Pages for the search tests, created and translated the way editors do it (Wagtail, wagtail-localize)."""

from forum_site.localize import translate
from home.models import StandardPage
from partners.models import MoUPage, PartnersPage

# (Arabic title, English title, Arabic summary, English summary)
STANDARD_PAGES = [
    ("خطة عمان الرقمية", "Amman digital plan", "خطة للخدمات الإلكترونية", "A plan for e-services"),
    ("مكتبة عمّان العامة", "Amman public library", "مكتبة للجميع", "A library for everyone"),
    ("الاستراتيجية الوطنية للبيانات", "National data strategy", "بيانات مفتوحة", "Open data"),
    ("الإستراتيجية العربية للتحول", "Arab transformation strategy", "تحول رقمي", "Digital change"),
    ("مؤشر المدن الذكية", "Smart cities index", "قياس الأداء", "Measuring performance"),
    ("دليل المدن الذكيه", "Smart city guide", "خطوات عملية", "Practical steps"),
    ("نظم GIS للبلديات", "GIS for municipalities", "خرائط وعنونة", "Maps and addressing"),
]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish_with_english(
    parent, arabic_title, english_title, arabic_summary, english_summary, slug, model=StandardPage
):
    page = publish(parent, model(title=arabic_title, slug=slug, summary=arabic_summary))
    english = translate(page, {arabic_title: english_title, slug: slug, arabic_summary: english_summary})
    return page, english


def create_search_pages(site_tree):
    pages = {}
    for number, (title_ar, title_en, summary_ar, summary_en) in enumerate(STANDARD_PAGES):
        pages[title_ar], pages[title_en] = publish_with_english(
            site_tree.home_ar, title_ar, title_en, summary_ar, summary_en, slug=f"search-page-{number}"
        )
    return pages


def create_mou(site_tree, title_ar, title_en, summary_ar="مذكرة تفاهم", summary_en="A memorandum", slug="mou"):
    partners = PartnersPage.objects.filter(locale=site_tree.home_ar.locale).first()
    if partners is None:
        partners = publish(site_tree.home_ar, PartnersPage(title="الشركاء", slug="partners"))
        translate(partners, {"الشركاء": "Partners", "partners": "partners"})
    return publish_with_english(partners, title_ar, title_en, summary_ar, summary_en, slug=slug, model=MoUPage)
