"""News of each event in CONTENT-FACTS.md, in Arabic with English translations."""

import datetime

from wagtail.models import Locale
from wagtail.rich_text import RichText

from demo.bilingual import Bilingual, publish_with_translation
from demo.home import arabic_home
from demo.illustrations import image_fields
from demo.partners import FORUM_MOU_SLUG, MOBILITY_SLUG, SERVICES_MOU_SLUG, demo_mou, load_organisations
from home.models import Topic
from news.models import NewsIndexPage, NewsPage, NewsPartner, NewsRelatedPage


def load():
    arabic = Locale.objects.get(language_code="ar")
    created, organisations = load_organisations(arabic)
    home = arabic_home()
    index_page = NewsIndexPage.objects.child_of(home).first()
    if index_page is None:
        index_page = _create_index_page(home)
        created += 1
    created += _load_news(index_page, organisations)
    return created


def _create_index_page(home):
    t = Bilingual()
    page = NewsIndexPage(
        title=t("الأخبار", "News"),
        slug=t("أخبار-المنتدى", "news"),
        show_in_menus=True,
        introduction=RichText(
            t.paragraphs(
                (
                    "أخبار المنتدى وشركائه: المؤتمرات والاجتماعات وورش العمل ومذكرات التفاهم.",
                    "News of the forum and its partners: conferences, meetings, workshops and agreements.",
                ),
            )
        ),
    )
    publish_with_translation(home, page, t.english)
    return page


def _body(t, *pairs):
    return [("paragraph", RichText(t.paragraphs(*pairs)))]


def _news(t):
    return [
        dict(
            title=t(
                "انطلاق المؤتمر العام الثامن عشر لمنظمة المدن العربية في عمّان",
                "The Arab Towns Organization's 18th General Conference opens in Amman",
            ),
            slug=t("انطلاق-المؤتمر-العام-الثامن-عشر", "18th-general-conference-opens"),
            date=datetime.date(2025, 11, 18),
            summary=t(
                "تحت شعار «تنمية مستدامة.. وشراكة أقوى» انطلق المؤتمر العام الثامن عشر والدورة السادسة والخمسون "
                "للمجلس التنفيذي بمشاركة وفود العواصم والبلديات العربية.",
                "Under the slogan \u201cSustainable development, a stronger partnership\u201d, the 18th General "
                "Conference and the 56th Executive Council session opened with delegations of Arab capitals and "
                "municipalities.",
            ),
            body_pairs=[
                (
                    "ناقش اليوم الأول رؤية عالمية للاستدامة، وخُصص اليوم الثاني لتحقيق التنمية المستدامة عبر الشراكات. "
                    "وشاركت في الأعمال وفود عربية عديدة منها بلدية مسقط.",
                    "The first day discussed a global vision of sustainability; the second was devoted to achieving "
                    "sustainable development through partnerships. Many Arab delegations took part, Muscat "
                    "Municipality among them.",
                ),
            ],
            partners=["منظمة المدن العربية", "أمانة عمان الكبرى", "بلدية مسقط"],
            topics=["sdgs-vlr"],
            mou=None,
            related_publication="18th-general-conference-proceedings",
        ),
        dict(
            title=t(
                "ورشة الذكاء الاصطناعي وإنترنت الأشياء للمدن المستدامة",
                "Workshop on AI and the Internet of Things for sustainable cities",
            ),
            slug=t("ورشة-الذكاء-الاصطناعي-وإنترنت-الأشياء", "ai-iot-sustainable-cities-workshop"),
            date=datetime.date(2025, 11, 19),
            summary=t(
                "ورشة مشتركة على هامش المؤتمر العام مع المعهد العربي لإنماء المدن ومركز البيئة للمدن العربية.",
                "A joint workshop alongside the General Conference with the Arab Urban Development Institute and the "
                "Environment Centre for Arab Towns.",
            ),
            body_pairs=[
                (
                    "عرض المشاركون تطبيقات الذكاء الاصطناعي وأجهزة الاستشعار في إدارة المياه والنفايات والطاقة في "
                    "المدن العربية.",
                    "Participants presented uses of artificial intelligence and sensors in managing water, waste and "
                    "energy in Arab cities.",
                ),
            ],
            partners=["المعهد العربي لإنماء المدن", "مركز البيئة للمدن العربية"],
            topics=["artificial-intelligence", "internet-of-things"],
            mou=None,
            related_publication=None,
        ),
        dict(
            title=t(
                "ورشة إدارة المعرفة والمعلوماتية في المدينة العربية",
                "Workshop on knowledge management and informatics in the Arab city",
            ),
            slug=t("ورشة-إدارة-المعرفة-والمعلوماتية", "knowledge-management-workshop"),
            date=datetime.date(2025, 11, 19),
            summary=t(
                "نظّمت مجموعة العمل الثقافي للمدن العربية والمنتدى العربي للمدن الذكية ورشة مشتركة خلال المؤتمر العام.",
                "The Arab Cities Cultural Work Group and the Arab Smart Cities Forum held a joint workshop during the "
                "General Conference.",
            ),
            body_pairs=[
                (
                    "تناولت الورشة حفظ ذاكرة المدينة ومشاركة البيانات بين البلديات العربية.",
                    "The workshop covered keeping the city's memory and sharing data between Arab municipalities.",
                ),
            ],
            partners=["مجموعة العمل الثقافي للمدن العربية", "المنتدى العربي للمدن الذكية"],
            topics=["knowledge-management"],
            mou=None,
            related_publication=None,
        ),
        dict(
            title=t(
                "عمّان تنضم إلى مجتمع قادة التنقل الحضري المستدام",
                "Amman joins the Sustainable Urban Mobility Leaders community",
            ),
            slug=t("عمان-تنضم-إلى-قادة-التنقل-المستدام", "amman-joins-mobility-leaders"),
            date=datetime.date(2025, 11, 18),
            summary=t(
                "وقّعت أمانة عمان الكبرى خلال المؤتمر العام على الانضمام إلى المجتمع مع الاتحاد الدولي للنقل العام "
                "ومنظمة المدن المتحدة والحكومات المحلية.",
                "During the General Conference the Greater Amman Municipality signed up to the community with the "
                "International Association of Public Transport and United Cities and Local Governments.",
            ),
            body_pairs=[
                (
                    "يتيح الانضمام لعمّان تبادل الخبرات مع مدن العالم في النقل العام والتنقل النظيف.",
                    "Joining lets Amman share experience with cities worldwide on public transport and clean mobility.",
                ),
            ],
            partners=["الاتحاد الدولي للنقل العام", "منظمة المدن المتحدة والحكومات المحلية", "أمانة عمان الكبرى"],
            topics=["sustainable-mobility"],
            mou=MOBILITY_SLUG,
            related_publication=None,
        ),
        dict(
            title=t(
                "أمانة عمان وسلطة إقليم البترا توقعان مذكرتي تفاهم",
                "Amman and the Petra Authority sign two memoranda of understanding",
            ),
            slug=t("توقيع-مذكرتي-تفاهم-مع-البترا", "amman-petra-sign-two-mous"),
            date=datetime.date(2026, 1, 21),
            summary=t(
                "وقّع أمين عمان ورئيس مجلس مفوضي سلطة إقليم البترا مذكرتين: للتعاون في الخدمات المتشابهة، وللعمل "
                "المشترك مع المنتدى العربي للمدن الذكية.",
                "The Mayor of Amman and the Chairman of the Petra Authority's board signed two memoranda: on "
                "cooperation in similar services, and on joint work with the Arab Smart Cities Forum.",
            ),
            body_pairs=[
                (
                    "تسعى البترا إلى أن تصبح مدينة ذكية وخضراء ومستدامة، مستفيدة من تجربة عمّان في الخدمات الإلكترونية "
                    "والعنونة ونظم المعلومات الجغرافية.",
                    "Petra aims to become a smart, green and sustainable city, drawing on Amman's experience in "
                    "e-services, addressing and GIS.",
                ),
            ],
            partners=["سلطة إقليم البترا التنموي السياحي", "أمانة عمان الكبرى"],
            topics=["smart-green-tourism"],
            mou=SERVICES_MOU_SLUG,
            related_mous=[FORUM_MOU_SLUG],
            related_publication=None,
        ),
        dict(
            title=t(
                "أمين عمان يستقبل الأمين العام لمنظمة المدن العربية",
                "The Mayor of Amman receives the Secretary-General of the Arab Towns Organization",
            ),
            slug=t("أمين-عمان-يستقبل-الأمين-العام", "mayor-receives-secretary-general"),
            date=datetime.date(2026, 2, 15),
            summary=t(
                "بحث الدكتور يوسف الشواربة مع بدر وائل العجيل العسكر الشراكات والتمويل عبر صناديق التعاون العربي.",
                "Dr. Yousef Al-Shawarbeh and Badr Wael Al-Ajeel Al-Askar discussed partnerships and financing through "
                "Arab cooperation funds.",
            ),
            body_pairs=[
                (
                    "حضر اللقاء مستشارا الأمين العام مشاري المباركي وعبدالعزيز سالم، وتناول استراتيجيتي المنتدى "
                    "ومجموعة العمل الثقافي للمدن العربية.",
                    "The Secretary-General's advisers Mishari Al-Mubaraki and Abdulaziz Salim attended; the meeting "
                    "covered the strategies of the forum and of the Arab Cities Cultural Work Group.",
                ),
            ],
            partners=["منظمة المدن العربية", "أمانة عمان الكبرى"],
            topics=["digital-transformation"],
            mou=None,
            related_publication=None,
        ),
        dict(
            title=t(
                "ورشة تحضيرية للاستعراض المحلي الطوعي الثاني لعمّان",
                "Preparatory workshop for Amman's second Voluntary Local Review",
            ),
            slug=t("ورشة-المراجعة-المحلية-الطوعية-الثانية", "second-vlr-preparatory-workshop"),
            date=datetime.date(2026, 2, 10),
            summary=t(
                "نظّمت أمانة عمان الكبرى مع الإسكوا وموئل الأمم المتحدة ورشة لإعداد الاستعراض الثاني، أول استعراض "
                "ثانٍ لمدينة عربية.",
                "The Greater Amman Municipality, UN-ESCWA and UN-Habitat held a workshop to prepare the second review, "
                "the first second review by an Arab city.",
            ),
            body_pairs=[
                (
                    "تأتي الورشة ضمن مشروع المرونة الاقتصادية الحضرية، ويرتبط إصدار الاستعراض بيوم مدينة عمّان في "
                    "الثاني من آذار.",
                    "The workshop is part of the urban economic resilience project; the review's release is tied to "
                    "Amman's City Day on 2 March.",
                ),
            ],
            partners=[
                "أمانة عمان الكبرى",
                "اللجنة الاقتصادية والاجتماعية لغربي آسيا (الإسكوا)",
                "برنامج الأمم المتحدة للمستوطنات البشرية (موئل الأمم المتحدة)",
            ],
            topics=["sdgs-vlr", "urban-resilience"],
            mou=None,
            related_publication="vlr-study",
        ),
        dict(
            title=t(
                "التحضير للمنتدى العربي الصيني للمدن في ظفار",
                "Preparing the Arab–Chinese Cities Forum in Dhofar",
            ),
            slug=t("التحضير-للمنتدى-العربي-الصيني-للمدن", "arab-chinese-cities-forum-preparation"),
            date=datetime.date(2026, 3, 18),
            summary=t(
                "اجتماع في بكين مع جمعية الشعب الصيني للصداقة مع البلدان الأجنبية للتحضير للمنتدى في ظفار في تموز "
                "2026.",
                "A meeting in Beijing with CPAFFC prepared the forum, to be held in Dhofar in July 2026.",
            ),
            body_pairs=[
                (
                    "تحتفل منظمة المدن العربية والجمعية بسبعين عاماً من العلاقات، وظفار مدينة توأم لمدينة غوانغجو.",
                    "The Arab Towns Organization and CPAFFC mark 70 years of relations; Dhofar is twinned with "
                    "Guangzhou.",
                ),
            ],
            partners=["جمعية الشعب الصيني للصداقة مع البلدان الأجنبية", "بلدية ظفار", "منظمة المدن العربية"],
            topics=["smart-city-strategy"],
            mou=None,
            related_publication=None,
        ),
    ]


def _publication(english_slug):
    from publications.models import PublicationPage

    english = PublicationPage.objects.filter(locale__language_code="en", slug=english_slug).first()
    return english.get_translation_or_none(Locale.objects.get(language_code="ar")) if english else None


def _load_news(index_page, organisations):
    created = 0
    t = Bilingual()
    locale = index_page.locale
    for spec in _news(t):
        if index_page.get_children().filter(slug=spec["slug"]).exists():
            continue
        news = NewsPage(
            title=spec["title"],
            slug=spec["slug"],
            date=spec["date"],
            summary=spec["summary"],
            body=_body(t, *spec["body_pairs"]),
            **image_fields(t.english[spec["slug"]], t, "lead_image", "lead_image_alt"),
        )
        news.related_partners = [NewsPartner(partner=organisations[name], locale=locale) for name in spec["partners"]]
        related = [demo_mou(slug) for slug in spec.get("related_mous", [])]
        if spec["related_publication"]:
            related.append(_publication(spec["related_publication"]))
        news.related_pages = [NewsRelatedPage(related=page) for page in related if page is not None]
        news.topics = list(Topic.objects.filter(locale=locale, slug__in=spec["topics"]))
        if spec["mou"]:
            news.mou = demo_mou(spec["mou"])
        publish_with_translation(index_page, news, t.english)
        created += 1
    return created
