"""The forum's demo publications (with their generated PDFs), their authors and the publications index."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText

from demo.bilingual import Bilingual, publish_with_translation
from demo.home import arabic_home
from demo.partners import FORUM_MOU_SLUG, demo_mou
from demo.pdfs import demo_pdf_path
from forum_site.localize import translate
from home.models import Topic
from publications.models import Author, PublicationAuthor, PublicationEdition, PublicationIndexPage, PublicationPage

Kind = Author.Kind

# (Arabic name, English name, kind, (Arabic given, English given), (Arabic family, English family), affiliation)
AUTHORS = [
    ("م. أكرم خريسات", "Eng. Akram Khraisat", Kind.PERSON, ("أكرم", "Akram"), ("خريسات", "Khraisat"),
     ("المرصد الحضري، أمانة عمان الكبرى", "Urban observatory, Greater Amman Municipality")),
    ("د. سكينة النصراوي", "Dr. Sukaina Al-Nasrawi", Kind.PERSON, ("سكينة", "Sukaina"), ("النصراوي", "Al-Nasrawi"),
     ("الإسكوا", "UN-ESCWA")),
    ("أمانة عمان الكبرى", "Greater Amman Municipality", Kind.ORGANISATION, None, None, None),
    ("المنتدى العربي للمدن الذكية", "Arab Smart Cities Forum", Kind.ORGANISATION, None, None, None),
    ("منظمة المدن العربية", "Arab Towns Organization", Kind.ORGANISATION, None, None, None),
]  # fmt: skip

KHRAISAT, NASRAWI, AMMAN, FORUM, ATO = (author[0] for author in AUTHORS)


def load():
    arabic = Locale.objects.get(language_code="ar")
    created, authors = load_authors(arabic)
    home = arabic_home()
    index_page = PublicationIndexPage.objects.child_of(home).first()
    if index_page is None:
        index_page = _create_index_page(home)
        created += 1
    created += _load_publications(index_page, authors)
    return created


def load_authors(arabic):
    english = Locale.objects.get(language_code="en")
    created = 0
    authors = {}
    for name_ar, name_en, kind, given, family, affiliation in AUTHORS:
        author = Author.objects.filter(locale=arabic, name=name_ar).first()
        if author is None:
            author = Author.objects.create(
                locale=arabic,
                name=name_ar,
                kind=kind,
                given_names=given[0] if given else "",
                family_name=family[0] if family else "",
                affiliation=affiliation[0] if affiliation else "",
            )
            created += 1
        if not author.has_translation(english):
            pairs = [(name_ar, name_en), given, family, affiliation]
            translate(author, dict(pair for pair in pairs if pair))
        authors[name_ar] = author
    return created, authors


def _create_index_page(home):
    t = Bilingual()
    page = PublicationIndexPage(
        title=t("المنشورات", "Publications"),
        slug=t("المنشورات-والدراسات", "publications"),
        show_in_menus=True,
        introduction=RichText(
            t.paragraphs(
                (
                    "دراسات المنتدى وتقاريره وأدلته ووقائع مؤتمراته في التحول الرقمي والمدن الذكية، بالعربية "
                    "والإنجليزية، للتنزيل والاستشهاد.",
                    "The forum's studies, reports, guides and conference proceedings on digital transformation and "
                    "smart cities, in Arabic and English, to download and cite.",
                ),
            )
        ),
    )
    publish_with_translation(home, page, t.english)
    return page


def _publications(t):
    return [
        dict(
            key="vlr-study",
            fields=dict(
                title=t("عمّان نحو مراجعتها المحلية الطوعية الثانية", "Amman towards its second Voluntary Local Review"),
                slug=t("عمان-نحو-المراجعة-المحلية-الطوعية-الثانية", "amman-second-voluntary-local-review"),
                subtitle=t("دراسة في مسار الإعداد", "A study of the preparation process"),
                publication_date=datetime.date(2026, 3, 2),
                publication_type="study",
                publisher=t("المنتدى العربي للمدن الذكية", "Arab Smart Cities Forum"),
                abstract=RichText(
                    t.paragraphs(
                        (
                            "أطلقت عمّان أول مراجعة محلية طوعية في المنطقة العربية عام 2022، وهي أول مدينة عربية تعدّ "
                            "مراجعة ثانية. تتتبع هذه الدراسة مسار الإعداد مع الإسكوا وموئل الأمم المتحدة، وتقيس التقدم "
                            "مقابل الخطة الحضرية الجديدة وأهداف التنمية المستدامة.",
                            "Amman launched the first Voluntary Local Review in the Arab region in 2022 and is the "
                            "first Arab city to prepare a second one. This study follows the preparation with "
                            "UN-ESCWA and UN-Habitat, measured against the New Urban Agenda and the Sustainable "
                            "Development Goals.",
                        ),
                    )
                ),
            ),
            authors=[KHRAISAT, NASRAWI, AMMAN],
            editions=[("ar", "ASCF/ST/2026/1"), ("en", "ASCF/ST/2026/1")],
            topics=["sdgs-vlr", "urban-resilience"],
            mou=None,
        ),
        dict(
            key="smart-city-strategy-guide",
            fields=dict(
                title=t("دليل إعداد استراتيجية المدينة الذكية", "A guide to preparing a smart city strategy"),
                slug=t("دليل-استراتيجية-المدينة-الذكية", "smart-city-strategy-guide"),
                subtitle=t("للبلديات العربية", "for Arab municipalities"),
                publication_date=datetime.date(2026, 2, 22),
                publication_type="guide",
                publisher=t("المنتدى العربي للمدن الذكية", "Arab Smart Cities Forum"),
                abstract=RichText(
                    t.paragraphs(
                        (
                            "دليل عملي للبلديات العربية يبدأ بتقييم الجاهزية الرقمية وينتهي بمؤشرات أداء منشورة، مع "
                            "أمثلة من الخدمات الإلكترونية والعنونة ونظم المعلومات الجغرافية.",
                            "A practical guide for Arab municipalities, from a digital readiness assessment to "
                            "published performance indicators, with examples from e-services, addressing and GIS.",
                        ),
                    )
                ),
            ),
            authors=[FORUM, ATO],
            editions=[("ar", ""), ("en", "")],
            topics=["smart-city-strategy", "digital-transformation", "gis-addressing"],
            mou=FORUM_MOU_SLUG,
        ),
        dict(
            key="18th-general-conference-proceedings",
            fields=dict(
                title=t(
                    "وقائع المؤتمر العام الثامن عشر لمنظمة المدن العربية",
                    "Proceedings of the 18th General Conference of the Arab Towns Organization",
                ),
                slug=t("وقائع-المؤتمر-العام-الثامن-عشر", "18th-general-conference-proceedings"),
                subtitle=t("تنمية مستدامة.. وشراكة أقوى", "Sustainable development, a stronger partnership"),
                publication_date=datetime.date(2026, 1, 15),
                publication_type="proceedings",
                publisher=t("منظمة المدن العربية", "Arab Towns Organization"),
                abstract=RichText(
                    t.paragraphs(
                        (
                            "جلسات يومي المؤتمر: رؤية عالمية للاستدامة، وتحقيق التنمية المستدامة عبر الشراكات، وورشتا "
                            "الذكاء الاصطناعي وإنترنت الأشياء، وإدارة المعرفة والمعلوماتية في المدينة العربية.",
                            "The conference's two days: a global vision of sustainability, achieving sustainable "
                            "development through partnerships, and the workshops on AI and the Internet of Things "
                            "and on knowledge management and informatics in the Arab city.",
                        ),
                    )
                ),
            ),
            authors=[ATO, AMMAN],
            editions=[("ar", "")],
            topics=["sdgs-vlr", "artificial-intelligence", "internet-of-things", "knowledge-management"],
            mou=None,
        ),
    ]


def _document(key, language, title):
    # Wagtail's migrations create the root collection; a test database flushed between tests may have lost it.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    path = demo_pdf_path(key, language)
    document = get_document_model()(title=title)
    document.file.save(path.name, ContentFile(path.read_bytes()), save=False)
    document._set_document_file_metadata()  # size and hash, as Wagtail's upload form sets them
    document.save()
    return document


def _load_publications(index_page, authors):
    created = 0
    t = Bilingual()
    locale = index_page.locale
    for spec in _publications(t):
        fields = spec["fields"]
        if index_page.get_children().filter(slug=fields["slug"]).exists():
            continue
        publication = PublicationPage(**fields)
        publication.publication_authors = [
            PublicationAuthor(author=authors[name], locale=locale) for name in spec["authors"]
        ]
        publication.editions = [
            PublicationEdition(
                language=language,
                document=_document(spec["key"], language, f"{t.english[fields['title']]} ({language})"),
                document_symbol=symbol,
            )
            for language, symbol in spec["editions"]
        ]
        publication.topics = list(Topic.objects.filter(locale=locale, slug__in=spec["topics"]))
        if spec["mou"]:
            publication.mou = demo_mou(spec["mou"])
        publish_with_translation(index_page, publication, t.english)
        created += 1
    return created
