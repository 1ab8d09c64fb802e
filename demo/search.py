"""Demo synonym groups: the forum's own terms (CONTENT-FACTS.md, "Terms the forum uses") and the other wordings,
abbreviations and spellings visitors type for them, in Arabic with their English translations."""

from wagtail.models import Locale

from forum_site.localize import translate
from search.models import SynonymGroup

# (Arabic terms, Arabic "also finds", English terms, English "also finds"); the forum's term comes first.
GROUPS = [
    (
        ["الاستعراض المحلي الطوعي", "الاستعراض الطوعي المحلي", "المراجعة المحلية الطوعية"],
        [],
        ["voluntary local review", "local voluntary review", "voluntary local report"],
        [],
    ),
    (
        ["VLR"],
        ["الاستعراض المحلي الطوعي", "الاستعراض الطوعي المحلي", "المراجعة المحلية الطوعية"],
        ["VLR"],
        ["voluntary local review"],
    ),
    (
        ["الأجندة الحضرية الجديدة", "الخطة الحضرية الجديدة", "جدول الأعمال الحضري الجديد"],
        [],
        ["New Urban Agenda", "Habitat III agenda", "NUA"],
        [],
    ),
    (["SDGs", "SDG"], ["أهداف التنمية المستدامة"], ["SDGs", "SDG"], ["sustainable development goals"]),
    (
        ["مجتمع قادة التنقل الحضري المستدام", "قادة التنقل الحضري المستدام", "قادة النقل الحضري المستدام"],
        [],
        ["Sustainable Urban Mobility Leaders", "urban mobility leaders", "sustainable mobility leaders"],
        [],
    ),
    (
        ["سلطة إقليم البترا التنموي السياحي", "سلطة إقليم البترا", "سلطة البترا"],
        [],
        ["Petra Development and Tourism Region Authority", "Petra Region Authority", "PDTRA"],
        [],
    ),
    (["الذراع التقني", "الذراع الفني"], [], ["technical arm", "technical wing"], []),
    (["GIS"], ["نظم المعلومات الجغرافية"], ["GIS"], ["geographic information systems"]),
    (
        ["العنونة", "تسمية الشوارع وترقيم المباني"],
        [],
        ["addressing", "street naming and numbering"],
        [],
    ),
    (
        ["الإسكوا", "اللجنة الاقتصادية والاجتماعية لغربي آسيا", "ESCWA"],
        [],
        ["ESCWA", "Economic and Social Commission for Western Asia", "UN-ESCWA"],
        [],
    ),
    (
        ["موئل الأمم المتحدة", "برنامج الأمم المتحدة للمستوطنات البشرية", "UN-Habitat"],
        [],
        ["UN-Habitat", "United Nations Human Settlements Programme", "Habitat"],
        [],
    ),
    (["AI"], ["الذكاء الاصطناعي"], ["AI"], ["artificial intelligence"]),
    (["IoT"], ["إنترنت الأشياء"], ["IoT"], ["internet of things"]),
    (
        ["أمانة عمان الكبرى", "بلدية عمان"],
        [],
        ["Greater Amman Municipality", "Amman municipality", "GAM"],
        [],
    ),
    (
        ["منظمة المدن العربية", "منظمة العواصم والمدن العربية"],
        [],
        ["Arab Towns Organization", "Arab Cities Organization", "ATO"],
        [],
    ),
]

# Other transliterations of Arab place names than SPELLING_RULES can fold: English groups with no Arabic source.
ENGLISH_ONLY = [
    ["Dhofar", "Dhufar", "Zufar"],
    ["Muscat", "Masqat"],
    ["Mecca", "Makkah"],
    ["Aqaba", "Akaba"],
]


def _lines(terms):
    return "\n".join(terms)


def _segment(terms):
    # wagtail-localize offers a multi-line text field for translation as one segment, its lines joined by <br/>.
    return "<br/>".join(terms)


def load():
    arabic = Locale.objects.get(language_code="ar")
    english = Locale.objects.get(language_code="en")
    created = 0
    for terms_ar, also_ar, terms_en, also_en in GROUPS:
        if SynonymGroup.objects.filter(locale=arabic, terms=_lines(terms_ar)).exists():
            continue
        group = SynonymGroup.objects.create(locale=arabic, terms=_lines(terms_ar), also_finds=_lines(also_ar))
        english_by_arabic = {_segment(terms_ar): _segment(terms_en)}
        if also_ar:
            english_by_arabic[_segment(also_ar)] = _segment(also_en)
        translate(group, english_by_arabic)
        created += 1
    for terms in ENGLISH_ONLY:
        _group, was_created = SynonymGroup.objects.get_or_create(locale=english, terms=_lines(terms))
        created += was_created
    return created
