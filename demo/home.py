"""The Arabic home page, the about, contact and privacy pages, site settings and topics, with English."""

from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from demo.bilingual import Bilingual, publish_with_translation
from demo.illustrations import image_fields
from forum_site.localize import translate
from home.models import HomePage, SiteSettings, StandardPage, Topic

TOPICS = [
    ("التحول الرقمي", "Digital transformation", "digital-transformation"),
    ("استراتيجيات المدن الذكية", "Smart city strategy", "smart-city-strategy"),
    ("الذكاء الاصطناعي", "Artificial intelligence", "artificial-intelligence"),
    ("إنترنت الأشياء", "Internet of Things", "internet-of-things"),
    ("نظم المعلومات الجغرافية والعنونة", "GIS and addressing", "gis-addressing"),
    ("الخدمات الإلكترونية", "E-services", "e-services"),
    ("إدارة المعرفة والمعلوماتية", "Knowledge management and informatics", "knowledge-management"),
    ("المرونة الحضرية", "Urban resilience", "urban-resilience"),
    ("التنقل الحضري المستدام", "Sustainable urban mobility", "sustainable-mobility"),
    ("أهداف التنمية المستدامة والاستعراضات المحلية الطوعية", "SDGs and voluntary local reviews", "sdgs-vlr"),
    ("المدن السياحية الذكية والخضراء", "Smart, green tourism cities", "smart-green-tourism"),
]


def arabic_home():
    """The Arabic home page, the root of the site (None before the demo content is loaded)."""
    return HomePage.objects.filter(locale__language_code="ar").first()


def load():
    created = 0
    # The migration creates the locales; a test database flushed between tests may have lost them.
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)
    arabic = Locale.objects.get(language_code="ar")
    home = arabic_home()
    if home is None:
        home = _create_home(arabic)
        created += 1
    created += _load_topics(arabic)
    created += _load_standard_pages(home)
    _load_site_settings()
    return created


def _create_home(arabic):
    t = Bilingual()
    root = Page.get_first_root_node()
    # Wagtail's migrations leave a "Welcome" page as the default site root: the forum's home replaces it.
    # Deleting it deletes its Site too (root_page cascades): the forum's site is created below.
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    home = HomePage(
        title=t("المنتدى العربي للمدن الذكية", "Arab Smart Cities Forum"),
        slug="home",
        locale=arabic,
        hero_title=t(
            "نحو مدن عربية ذكية ومستدامة",
            "Towards smart and sustainable Arab cities",
        ),
        hero_text=t(
            "الذراع التقني لمنظمة المدن العربية، تستضيفه أمانة عمان الكبرى: تدريب وبحث وشراكات "
            "للتحول الرقمي والذكي في البلديات العربية.",
            "The technical arm of the Arab Towns Organization, hosted by the Greater Amman Municipality: "
            "training, research and partnerships for the digital and smart transformation of Arab municipalities.",
        ),
        introduction=RichText(
            t.paragraphs(
                (
                    "ينظم المنتدى المؤتمرات والندوات والمحاضرات والدورات التدريبية وورش العمل، ويجري الدراسات "
                    "والأبحاث في تكنولوجيا المعلومات والتحول الرقمي، بالشراكة مع المدن والمؤسسات العربية والدولية.",
                    "The forum organises conferences, seminars, lectures, training courses and workshops, and "
                    "carries out studies and research on information technology and digital transformation, in "
                    "partnership with Arab and international cities and institutions.",
                ),
            )
        ),
        **image_fields("home-en", t, "hero_image", "hero_image_alt", slots=("hero",)),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "المنتدى العربي للمدن الذكية"},
    )
    translate(home, {**t.english, "home": "home-en"})
    return home


def _load_topics(arabic):
    created = 0
    for name_ar, name_en, slug in TOPICS:
        if Topic.objects.filter(locale=arabic, slug=slug).exists():
            continue
        topic = Topic.objects.create(locale=arabic, name=name_ar, slug=slug)
        translate(topic, {name_ar: name_en, slug: slug})
        created += 1
    return created


def _standard_pages(t):
    return [
        dict(
            title=t("عن المنتدى", "About the forum"),
            slug=t("عن-المنتدى", "about"),
            show_in_menus=True,
            summary=t(
                "المنتدى العربي للمدن الذكية إحدى مؤسستين لمنظمة المدن العربية تستضيفهما أمانة عمان الكبرى.",
                "The Arab Smart Cities Forum is one of two institutions of the Arab Towns Organization hosted by "
                "the Greater Amman Municipality.",
            ),
            body=[
                ("heading", t("من نحن", "Who we are")),
                (
                    "paragraph",
                    RichText(
                        t.paragraphs(
                            (
                                "المنتدى هو الذراع التقني لمنظمة المدن العربية، ومقرّ دولتها الكويت. وتستضيف أمانة "
                                "عمان الكبرى المنتدى إلى جانب مجموعة العمل الثقافي للمدن العربية.",
                                "The forum is the technical arm of the Arab Towns Organization, whose host state is "
                                "Kuwait. The Greater Amman Municipality hosts the forum alongside the Arab Cities "
                                "Cultural Work Group.",
                            ),
                            (
                                "يعمل المنتدى على التحول الرقمي والذكي للمدن والبلديات العربية من خلال المؤتمرات "
                                "والندوات والدورات التدريبية وورش العمل والفعاليات المشتركة والدراسات والأبحاث.",
                                "The forum works on the digital and smart transformation of Arab cities and "
                                "municipalities through conferences, seminars, training courses, workshops, joint "
                                "events, studies and research.",
                            ),
                        )
                    ),
                ),
                ("heading", t("استراتيجية المنتدى", "The forum's strategy")),
                (
                    "paragraph",
                    RichText(
                        t.paragraphs(
                            (
                                "في شباط 2026 بدأ إعداد استراتيجية للمنتدى تبني على الدور الريادي لعمّان والأردن في "
                                "تكنولوجيا المعلومات والمدن الذكية والذكاء الاصطناعي.",
                                "In February 2026 work began on a strategy for the forum, building on the leading "
                                "role of Amman and Jordan in information technology, smart cities and artificial "
                                "intelligence.",
                            ),
                        )
                    ),
                ),
            ],
        ),
        dict(
            title=t("اتصل بنا", "Contact us"),
            slug=t("اتصل-بنا", "contact"),
            show_in_menus=True,
            summary=t(
                "يسعدنا تواصلكم بشأن التدريب والشراكات والأبحاث.",
                "We are glad to hear from you about training, partnerships and research.",
            ),
            body=[
                (
                    "paragraph",
                    RichText(
                        t.paragraphs(
                            (
                                "المنتدى العربي للمدن الذكية، أمانة عمان الكبرى، عمّان، المملكة الأردنية الهاشمية.",
                                "Arab Smart Cities Forum, Greater Amman Municipality, Amman, Hashemite Kingdom of "
                                "Jordan.",
                            ),
                            (
                                "للاستفسار عن الدورات وورش العمل يُرجى مراسلة منسقي التدريب على البريد الإلكتروني "
                                "المبيّن أسفل الصفحة.",
                                "For questions about courses and workshops, please write to the training "
                                "coordinators at the email address at the foot of the page.",
                            ),
                        )
                    ),
                ),
            ],
        ),
        dict(
            title=t("سياسة الخصوصية", "Privacy notice"),
            slug=t("سياسة-الخصوصية", "privacy"),
            show_in_menus=False,
            summary=t(
                "كيف نجمع بياناتكم الشخصية عند التسجيل في التدريب، ولماذا، وإلى متى نحتفظ بها.",
                "How we collect your personal data when you register for training, why, and for how long we keep it.",
            ),
            body=[
                ("heading", t("البيانات التي نجمعها", "The data we collect")),
                (
                    "paragraph",
                    RichText(
                        t.paragraphs(
                            (
                                "عند التسجيل في دورة أو ورشة عمل نجمع الاسم باللغتين العربية واللاتينية، والبريد "
                                "الإلكتروني، والهاتف، والمدينة، والدولة، والجهة، والمسمى الوظيفي.",
                                "When you register for a course or workshop we collect your name in Arabic and Latin "
                                "script, email, phone, city, country, organisation and job title.",
                            ),
                            (
                                "نستخدم هذه البيانات لإدارة التسجيل وإصدار الشهادات والتواصل معكم بشأن الفعالية "
                                "فقط، ولا يطّلع عليها إلا منسقو التدريب.",
                                "We use this data only to manage your registration, issue certificates and contact "
                                "you about the event; only the training coordinators can see it.",
                            ),
                        )
                    ),
                ),
                ("heading", t("مدة الاحتفاظ", "How long we keep it")),
                (
                    "paragraph",
                    RichText(
                        t.paragraphs(
                            (
                                "تُحذف البيانات الشخصية أو تُجهَّل بعد انتهاء الفعالية بمدة محددة، ويمكنكم طلب "
                                "حذفها في أي وقت.",
                                "Personal data is deleted or anonymised a set time after the event ends, and you may "
                                "ask us to delete it at any time.",
                            ),
                        )
                    ),
                ),
            ],
        ),
    ]


def _load_standard_pages(home):
    created = 0
    t = Bilingual()
    for fields in _standard_pages(t):
        if home.get_children().filter(slug=fields["slug"]).exists():
            continue
        page = StandardPage(**fields)
        publish_with_translation(home, page, t.english)
        created += 1
    return created


def _load_site_settings():
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if site_settings.email:
        return
    site_settings.address_ar = "أمانة عمان الكبرى\nعمّان، المملكة الأردنية الهاشمية"
    site_settings.address_en = "Greater Amman Municipality\nAmman, Hashemite Kingdom of Jordan"
    site_settings.email = "forum@example.org"
    site_settings.phone = "+962 6 000 0000"
    site_settings.facebook_url = "https://www.facebook.com/"
    site_settings.x_url = "https://x.com/"
    site_settings.youtube_url = "https://www.youtube.com/"
    site_settings.privacy_page = StandardPage.objects.get(locale__language_code="ar", slug="سياسة-الخصوصية")
    site_settings.save()
