"""Partner organisations named in CONTENT-FACTS.md, the partners page and the forum's MoUs, with English."""

import datetime

from wagtail.models import Locale
from wagtail.rich_text import RichText

from demo.bilingual import Bilingual, publish_with_translation
from demo.home import arabic_home
from forum_site.localize import translate
from partners.models import MoUPage, MoUParty, MoUSignatory, PartnerOrganisation, PartnersPage

Kind = PartnerOrganisation.Kind

# (Arabic name, English name, kind, Arabic country, English country, website)
ORGANISATIONS = [
    (
        "أمانة عمان الكبرى",
        "Greater Amman Municipality",
        Kind.MUNICIPALITY,
        "الأردن",
        "Jordan",
        "https://www.ammancity.gov.jo/",
    ),
    ("المنتدى العربي للمدن الذكية", "Arab Smart Cities Forum", Kind.REGIONAL_ORGANISATION, "الأردن", "Jordan", ""),
    (
        "منظمة المدن العربية",
        "Arab Towns Organization",
        Kind.REGIONAL_ORGANISATION,
        "الكويت",
        "Kuwait",
        "https://www.ato.net/",
    ),
    (
        "سلطة إقليم البترا التنموي السياحي",
        "Petra Development and Tourism Region Authority",
        Kind.GOVERNMENT_AUTHORITY,
        "الأردن",
        "Jordan",
        "",
    ),
    (
        "مجموعة العمل الثقافي للمدن العربية",
        "Arab Cities Cultural Work Group",
        Kind.REGIONAL_ORGANISATION,
        "الأردن",
        "Jordan",
        "",
    ),
    (
        "المعهد العربي لإنماء المدن",
        "Arab Urban Development Institute",
        Kind.REGIONAL_ORGANISATION,
        "السعودية",
        "Saudi Arabia",
        "",
    ),
    (
        "مركز البيئة للمدن العربية",
        "Environment Centre for Arab Towns",
        Kind.REGIONAL_ORGANISATION,
        "الإمارات العربية المتحدة",
        "United Arab Emirates",
        "",
    ),
    (
        "اللجنة الاقتصادية والاجتماعية لغربي آسيا (الإسكوا)",
        "UN Economic and Social Commission for Western Asia (UN-ESCWA)",
        Kind.UN_AGENCY,
        "لبنان",
        "Lebanon",
        "https://www.unescwa.org/",
    ),
    (
        "برنامج الأمم المتحدة للمستوطنات البشرية (موئل الأمم المتحدة)",
        "UN-Habitat",
        Kind.UN_AGENCY,
        "كينيا",
        "Kenya",
        "https://unhabitat.org/",
    ),
    (
        "منظمة المدن المتحدة والحكومات المحلية",
        "United Cities and Local Governments (UCLG)",
        Kind.INTERNATIONAL_ORGANISATION,
        "إسبانيا",
        "Spain",
        "https://www.uclg.org/",
    ),
    (
        "الاتحاد الدولي للنقل العام",
        "International Association of Public Transport (UITP)",
        Kind.INTERNATIONAL_ORGANISATION,
        "بلجيكا",
        "Belgium",
        "https://www.uitp.org/",
    ),
    (
        "جمعية الشعب الصيني للصداقة مع البلدان الأجنبية",
        "Chinese People's Association for Friendship with Foreign Countries (CPAFFC)",
        Kind.INTERNATIONAL_ORGANISATION,
        "الصين",
        "China",
        "",
    ),
    ("بلدية ظفار", "Dhofar Municipality", Kind.MUNICIPALITY, "سلطنة عُمان", "Oman", ""),
    ("بلدية مسقط", "Muscat Municipality", Kind.MUNICIPALITY, "سلطنة عُمان", "Oman", ""),
]

AMMAN = "أمانة عمان الكبرى"
FORUM = "المنتدى العربي للمدن الذكية"
PETRA = "سلطة إقليم البترا التنموي السياحي"
UITP = "الاتحاد الدولي للنقل العام"
UCLG = "منظمة المدن المتحدة والحكومات المحلية"

SIGNING_DAY = datetime.date(2026, 1, 21)  # a Wednesday
GENERAL_CONFERENCE_DAY = datetime.date(2025, 11, 18)

# Slugs other apps use to find the MoUs their demo content links to.
SERVICES_MOU_SLUG = "services-cooperation-petra"
FORUM_MOU_SLUG = "forum-petra-joint-work"
MOBILITY_SLUG = "sustainable-urban-mobility-leaders"


def load():
    arabic = Locale.objects.get(language_code="ar")
    created, organisations = load_organisations(arabic)
    home = arabic_home()
    partners_page = PartnersPage.objects.child_of(home).first()
    if partners_page is None:
        partners_page = _create_partners_page(home)
        created += 1
    created += _load_mous(partners_page, organisations)
    return created


def organisation(arabic, name_ar):
    return PartnerOrganisation.objects.get(locale=arabic, name=name_ar)


def load_organisations(arabic):
    """Get or create each organisation by its Arabic name (other apps' demo content does the same)."""
    english = Locale.objects.get(language_code="en")
    created = 0
    organisations = {}
    for name_ar, name_en, kind, country_ar, country_en, website in ORGANISATIONS:
        org = PartnerOrganisation.objects.filter(locale=arabic, name=name_ar).first()
        if org is None:
            org = PartnerOrganisation.objects.create(
                locale=arabic, name=name_ar, kind=kind, country=country_ar, website=website
            )
            created += 1
        if not org.has_translation(english):
            translate(org, {name_ar: name_en, org.country: country_en})
        organisations[name_ar] = org
    return created, organisations


def _create_partners_page(home):
    t = Bilingual()
    page = PartnersPage(
        title=t("الشركاء ومذكرات التفاهم", "Partners and agreements"),
        slug=t("الشركاء", "partners"),
        show_in_menus=True,
        introduction=RichText(
            t.paragraphs(
                (
                    "يعمل المنتدى مع البلديات والهيئات الحكومية ووكالات الأمم المتحدة والمنظمات الإقليمية والدولية، "
                    "وتنظّم مذكرات التفاهم هذا التعاون وما ينتج عنه من دورات ودراسات وفعاليات.",
                    "The forum works with municipalities, government authorities, UN agencies and regional and "
                    "international organisations; memoranda of understanding frame this cooperation and the courses, "
                    "studies and events it delivers.",
                ),
            )
        ),
    )
    publish_with_translation(home, page, t.english)
    return page


def _mous(t, orgs):
    shawarbeh = dict(
        name=t("د. يوسف الشواربة", "Dr. Yousef Al-Shawarbeh"),
        title=t("أمين عمان", "Mayor of Amman"),
        party=orgs[AMMAN],
    )
    braizat = dict(
        name=t("د. فارس البريزات", "Dr. Fares Braizat"),
        title=t(
            "رئيس مجلس مفوضي سلطة إقليم البترا التنموي السياحي",
            "Chairman of the Board of Commissioners, Petra Development and Tourism Region Authority",
        ),
        party=orgs[PETRA],
    )
    attended = t.paragraphs(
        (
            "وقّع المذكرة في عمّان أمين عمان الدكتور يوسف الشواربة ورئيس مجلس مفوضي سلطة إقليم البترا الدكتور "
            "فارس البريزات، بحضور نائب أمين عمان محمد رسمي القيسي ومفوض البنية التحتية والاستثمار في السلطة "
            "المهندس محمد الهباهبة.",
            "The memorandum was signed in Amman by the Mayor of Amman, Dr. Yousef Al-Shawarbeh, and the Chairman of "
            "the Petra Authority's Board of Commissioners, Dr. Fares Braizat, in the presence of the Deputy Mayor of "
            "Amman, Mohammad Rasmi Al-Qaisi, and the Authority's Commissioner for Infrastructure and Investment, "
            "Eng. Mohammad Al-Habahbeh.",
        ),
    )
    return [
        dict(
            key=SERVICES_MOU_SLUG,
            fields=dict(
                title=t(
                    "مذكرة تفاهم للتعاون في الخدمات المتشابهة بين أمانة عمان الكبرى وسلطة إقليم البترا",
                    "MoU on cooperation in similar services between the Greater Amman Municipality and the Petra "
                    "Authority",
                ),
                slug=t("التعاون-في-الخدمات-مع-البترا", SERVICES_MOU_SLUG),
                summary=t(
                    "إطار عام للتعاون الفني والإجرائي والتدريبي تستفيد فيه البترا من تجربة عمّان في الخدمات "
                    "الإلكترونية والعنونة ونظم المعلومات الجغرافية.",
                    "A general framework for technical, procedural and training cooperation in which Petra draws on "
                    "Amman's experience in e-services, addressing and GIS.",
                ),
                signed_on=SIGNING_DAY,
                signed_at=t("عمّان", "Amman"),
                term_start=SIGNING_DAY,
                term_end=datetime.date(2029, 1, 20),
                areas_of_cooperation=[
                    ("area", t("التنسيق الفني والإجرائي والتدريبي", "Technical, procedural and training coordination")),
                    ("area", t("الخدمات الإلكترونية", "E-services")),
                    (
                        "area",
                        t(
                            "تسمية الشوارع وترقيم المباني (العنونة)",
                            "Street naming and building numbering (addressing)",
                        ),
                    ),
                    ("area", t("نظم المعلومات الجغرافية", "Geographic information systems (GIS)")),
                ],
                body=[("paragraph", RichText(attended))],
            ),
            parties=[AMMAN, PETRA],
            signatories=[shawarbeh, braizat],
            topics=["gis-addressing", "e-services", "smart-green-tourism"],
        ),
        dict(
            key=FORUM_MOU_SLUG,
            fields=dict(
                title=t(
                    "مذكرة تفاهم للعمل المشترك بين المنتدى العربي للمدن الذكية وسلطة إقليم البترا",
                    "MoU on joint work between the Arab Smart Cities Forum and the Petra Authority",
                ),
                slug=t("العمل-المشترك-المنتدى-والبترا", FORUM_MOU_SLUG),
                summary=t(
                    "إطار للعمل المشترك في التحول الرقمي والذكي، لتصبح البترا مدينة ذكية وخضراء ومستدامة.",
                    "A framework for joint work on digital and smart transformation, so that Petra becomes a smart, "
                    "green and sustainable city.",
                ),
                signed_on=SIGNING_DAY,
                signed_at=t("عمّان", "Amman"),
                term_start=None,
                term_end=None,
                areas_of_cooperation=[
                    (
                        "area",
                        t(
                            "مؤتمرات وندوات ومحاضرات في التحول الرقمي والذكي",
                            "Conferences, seminars and lectures on digital and smart transformation",
                        ),
                    ),
                    ("area", t("دورات تدريبية وورش عمل", "Training courses and workshops")),
                    ("area", t("فعاليات مشتركة", "Joint events")),
                    ("area", t("دراسات وأبحاث مشتركة", "Joint studies and research")),
                ],
                body=[("paragraph", RichText(attended))],
            ),
            parties=[FORUM, PETRA, AMMAN],
            signatories=[shawarbeh, braizat],
            topics=["digital-transformation", "smart-city-strategy", "smart-green-tourism"],
        ),
        dict(
            key=MOBILITY_SLUG,
            fields=dict(
                title=t(
                    "انضمام عمّان إلى مجتمع قادة التنقل الحضري المستدام",
                    "Amman joins the Sustainable Urban Mobility Leaders community",
                ),
                slug=t("قادة-التنقل-الحضري-المستدام", MOBILITY_SLUG),
                summary=t(
                    "اتفاق وُقّع خلال المؤتمر العام الثامن عشر لمنظمة المدن العربية مع الاتحاد الدولي للنقل العام "
                    "ومنظمة المدن المتحدة والحكومات المحلية.",
                    "An agreement signed at the Arab Towns Organization's 18th General Conference with the "
                    "International Association of Public Transport and United Cities and Local Governments.",
                ),
                signed_on=GENERAL_CONFERENCE_DAY,
                signed_at=t("عمّان، المؤتمر العام الثامن عشر", "Amman, 18th General Conference"),
                term_start=GENERAL_CONFERENCE_DAY,
                term_end=datetime.date(2026, 11, 17),
                areas_of_cooperation=[
                    (
                        "area",
                        t(
                            "تبادل الخبرات في التنقل الحضري المستدام",
                            "Sharing experience in sustainable urban mobility",
                        ),
                    ),
                    ("area", t("بناء قدرات قادة النقل في المدن", "Building the capacity of city transport leaders")),
                ],
                body=[],
            ),
            parties=[AMMAN, UITP, UCLG],
            signatories=[],
            topics=["sustainable-mobility"],
        ),
    ]


def _load_mous(partners_page, orgs):
    from home.models import Topic

    created = 0
    t = Bilingual()
    for spec in _mous(t, orgs):
        fields = spec["fields"]
        if partners_page.get_children().filter(slug=fields["slug"]).exists():
            continue
        locale = partners_page.locale
        mou = MoUPage(**fields)
        mou.parties = [MoUParty(party=orgs[name], locale=locale) for name in spec["parties"]]
        mou.signatories = [MoUSignatory(locale=locale, **signatory) for signatory in spec["signatories"]]
        mou.topics = list(Topic.objects.filter(locale=locale, slug__in=spec["topics"]))
        publish_with_translation(partners_page, mou, t.english)
        created += 1
    return created


def demo_mou(english_slug, language_code="ar"):
    """A demo MoU found by its English slug (the Arabic slug is Arabic), in the given language."""
    english = MoUPage.objects.filter(locale__language_code="en", slug=english_slug).first()
    if english is None:
        return None
    return english.get_translation_or_none(Locale.objects.get(language_code=language_code))
