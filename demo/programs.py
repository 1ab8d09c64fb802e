"""Programs, courses and workshops of the demo site, in Arabic with English translations.

Dates are set relative to the day the demo is loaded, so a fresh demo always has upcoming events, a full
course with a waitlist, one whose registration is not open yet, and past workshops.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from demo.bilingual import Bilingual, publish_with_translation
from demo.home import arabic_home
from demo.illustrations import image_fields
from demo.partners import AMMAN, PETRA, load_organisations
from forum_site.localize import translate
from home.models import Topic
from partners.models import MoUPage
from programs.models import (
    ProgramIndexPage,
    ProgramPage,
    Registration,
    SeatQuota,
    Trainer,
    TrainingCalendarPage,
    TrainingCoursePage,
    Venue,
    WorkshopPage,
)

# The organisations each course is delivered with, by their Arabic name in demo.partners.ORGANISATIONS.
PARTNERS = {
    "petra": PETRA,
    "audi": "المعهد العربي لإنماء المدن",
    "ecat": "مركز البيئة للمدن العربية",
    "cultural": "مجموعة العمل الثقافي للمدن العربية",
    "amman": AMMAN,
}


def load():
    home = arabic_home()
    if home is None:
        return 0
    arabic = Locale.objects.get(language_code="ar")
    created = 0
    partners, count = _partners(arabic)
    created += count
    venues, count = _venues(arabic)
    created += count
    trainers, count = _trainers(arabic)
    created += count
    created += _calendar_page(home)
    index, count = _program_index(home)
    created += count
    created += _programs(index, arabic, partners, venues, trainers)
    return created


def _partners(arabic):
    created, organisations = load_organisations(arabic)
    return {key: organisations[name] for key, name in PARTNERS.items()}, created


def _venues(arabic):
    t = Bilingual()
    rows = {
        "amman": dict(
            name=t("قاعة المؤتمرات في أمانة عمان الكبرى", "Greater Amman Municipality conference hall"),
            city=t("عمّان", "Amman"),
            country=t("الأردن", "Jordan"),
            address=t("رأس العين، عمّان", "Ras Al-Ain, Amman"),
        ),
        "petra": dict(
            name=t("مركز زوار البترا", "Petra Visitor Centre"),
            city=t("البترا", "Petra"),
            country=t("الأردن", "Jordan"),
            address=t("وادي موسى، إقليم البترا", "Wadi Musa, Petra Region"),
        ),
    }
    venues, created = {}, 0
    for key, fields in rows.items():
        venue = Venue.objects.filter(locale=arabic, name=fields["name"]).first()
        if venue is None:
            venue = Venue.objects.create(locale=arabic, **fields)
            translate(venue, t.english)
            created += 1
        venues[key] = venue
    return venues, created


def _trainers(arabic):
    t = Bilingual()
    rows = {
        "gis": dict(
            name=t("م. ليلى الحسن", "Eng. Layla Al-Hasan"),
            title=t("خبيرة نظم المعلومات الجغرافية، أمانة عمان الكبرى", "GIS expert, Greater Amman Municipality"),
            bio=t(
                "عملت على مشروع تسمية الشوارع وترقيم المباني في عمّان وتدرّب فرق البلديات على العنونة الرقمية.",
                "She worked on Amman's street naming and building numbering and trains municipal teams in "
                "digital addressing.",
            ),
        ),
        "ai": dict(
            name=t("د. سامر النابلسي", "Dr. Samer Al-Nabulsi"),
            title=t("باحث في الذكاء الاصطناعي وإنترنت الأشياء", "Researcher in AI and the Internet of Things"),
            bio=t(
                "يقدّم الاستشارات للمدن العربية في توظيف أجهزة الاستشعار والبيانات لخدمات بلدية أذكى.",
                "He advises Arab cities on using sensors and data for smarter municipal services.",
            ),
        ),
        "digital": dict(
            name=t("م. رنا العمري", "Eng. Rana Al-Omari"),
            title=t("مستشارة التحول الرقمي", "Digital transformation adviser"),
            bio=t(
                "قادت تصميم خدمات إلكترونية بلدية تخدم المواطنين على مدار الساعة.",
                "She led the design of municipal e-services that serve citizens around the clock.",
            ),
        ),
    }
    trainers, created = {}, 0
    for key, fields in rows.items():
        trainer = Trainer.objects.filter(locale=arabic, name=fields["name"]).first()
        if trainer is None:
            trainer = Trainer.objects.create(locale=arabic, **fields)
            translate(trainer, t.english)
            created += 1
        trainers[key] = trainer
    return trainers, created


def _calendar_page(home):
    t = Bilingual()
    slug = t("التقويم-التدريبي", "training-calendar")
    if home.get_children().filter(slug=slug).exists():
        return 0
    page = TrainingCalendarPage(
        title=t("التقويم التدريبي", "Training calendar"),
        slug=slug,
        show_in_menus=True,
        introduction=RichText(
            t.paragraphs(
                (
                    "جميع الدورات التدريبية وورش العمل القادمة في برامج المنتدى، مرتبة حسب الموعد.",
                    "Every upcoming training course and workshop across the forum's programs, soonest first.",
                )
            )
        ),
    )
    publish_with_translation(home, page, t.english)
    return 1


def _program_index(home):
    t = Bilingual()
    slug = t("البرامج", "programs")
    index = ProgramIndexPage.objects.child_of(home).filter(slug=slug).first()
    if index is not None:
        return index, 0
    index = ProgramIndexPage(
        title=t("البرامج", "Programs"),
        slug=slug,
        show_in_menus=True,
        introduction=RichText(
            t.paragraphs(
                (
                    "برامج المنتدى التدريبية تبني قدرات العاملين في البلديات العربية على التحول الرقمي والذكي.",
                    "The forum's training programs build the skills of Arab municipal staff for the digital "
                    "and smart transformation.",
                )
            )
        ),
    )
    publish_with_translation(home, index, t.english)
    return index, 1


def _at(days, hour, minute=0):
    day = timezone.localtime() + timedelta(days=days)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def _topics(arabic, *slugs):
    return list(Topic.objects.filter(locale=arabic, slug__in=slugs))


def _petra_mou(arabic):
    # The partners app may have created the forum–Petra MoU; the GIS course is delivered under it.
    return MoUPage.objects.filter(locale=arabic, title__contains="البترا").order_by("path").first()


def _programs(index, arabic, partners, venues, trainers):
    created = 0
    for program_spec in _program_specs(arabic, partners, venues, trainers):
        t = program_spec["t"]
        program = ProgramPage.objects.child_of(index).filter(slug=program_spec["slug"]).first()
        if program is None:
            program = ProgramPage(
                title=program_spec["title"],
                slug=program_spec["slug"],
                summary=program_spec["summary"],
                body=program_spec["body"],
                **image_fields(t.english[program_spec["slug"]], t, "lead_image", "lead_image_alt"),
            )
            program.topics.set(program_spec["topics"])
            program.partners.set(program_spec["partners"])
            publish_with_translation(index, program, t.english)
            created += 1
        for event_spec in program_spec["events"]:
            created += _event(program, event_spec, t)
    return created


def _event(program, spec, t):
    spec = dict(spec)
    model = spec.pop("model")
    topics, partners, event_trainers = spec.pop("topics"), spec.pop("partners"), spec.pop("trainers")
    registrations = spec.pop("registrations", [])
    quota_partners = spec.pop("quota_partners", None)
    if model.objects.child_of(program).filter(slug=spec["slug"]).exists():
        return 0
    event = model(**spec, **image_fields(t.english[spec["slug"]], t, "image", "image_alt", slots=("lead",)))
    event.topics.set(topics)
    event.partners.set(partners)
    event.trainers.set(event_trainers)
    publish_with_translation(program, event, t.english)
    for number, (name_ar, name_latin, status) in enumerate(registrations, start=1):
        # Demo registrants are made directly: no email is owed to an example.org address.
        Registration.objects.create(
            event=event,
            status=status,
            name_arabic=name_ar,
            name_latin=name_latin,
            email=f"demo{number}.{event.pk}@example.org",
            phone="+96265000000",
            country="JO",
            city="عمّان",
            organisation="أمانة عمان الكبرى",
            job_title="مهندس",
            consented_at=timezone.now(),
            created_at=timezone.now() + timedelta(seconds=number),
        )
    if quota_partners:
        _quota_registrations(event, quota_partners)
    return 1


# The data platforms course keeps seats for the two organisations behind it, each approving its staff by email.
FOCAL_POINTS = {"amman": "training.focal@ammancity.example.org", "petra": "training.focal@petra.example.org"}
Status = Registration.Status
# (Arabic name, Latin name, organisation key, status): Amman's 10 seats are all held, so its next registrant waits.
QUOTA_REGISTRANTS = [
    ("رامي الحديدي", "Rami Al-Hadidi", "amman", Status.CONFIRMED),
    ("نور الشريف", "Nour Al-Sharif", "amman", Status.CONFIRMED),
    ("يزن القضاة", "Yazan Al-Qudah", "amman", Status.CONFIRMED),
    ("دانة المومني", "Dana Al-Momani", "amman", Status.CONFIRMED),
    ("عمر الطراونة", "Omar Al-Tarawneh", "amman", Status.CONFIRMED),
    ("لينا الحمود", "Lina Al-Hmoud", "amman", Status.CONFIRMED),
    ("معاذ العبادي", "Moath Al-Abbadi", "amman", Status.CONFIRMED),
    ("ريم الفايز", "Reem Al-Fayez", "amman", Status.CONFIRMED),
    ("طارق النعيمات", "Tareq Al-Nuaimat", "amman", Status.CONFIRMED),
    ("هالة الصمادي", "Hala Al-Smadi", "amman", Status.AWAITING_APPROVAL),
    ("أنس الخوالدة", "Anas Al-Khawaldeh", "amman", Status.WAITLISTED),
    ("سلمى الروسان", "Salma Al-Rousan", "amman", Status.DECLINED),
    ("فراس الحسنات", "Firas Al-Hasanat", "petra", Status.CONFIRMED),
    ("منى النوافلة", "Muna Al-Nawafleh", "petra", Status.AWAITING_APPROVAL),
    ("بلال الفلاحات", "Bilal Al-Falahat", "petra", Status.CANCELLED),
    ("آمنة البلوشي", "Amna Al-Balushi", None, Status.CONFIRMED),
]


def _seat_quotas(partners):
    return [
        SeatQuota(
            kind=SeatQuota.Kind.ORGANISATION,
            organisation=partners["amman"],
            seats=10,
            focal_point_email=FOCAL_POINTS["amman"],
        ),
        SeatQuota(
            kind=SeatQuota.Kind.ORGANISATION,
            organisation=partners["petra"],
            seats=5,
            focal_point_email=FOCAL_POINTS["petra"],
        ),
        SeatQuota(kind=SeatQuota.Kind.COUNTRY, country="JO", seats=20),
    ]


def _quota_registrations(event, partners):
    """Registrants of the quota course in every state, from the two organisations and from Muscat."""
    places = {"amman": ("JO", "عمّان", "+96265000000"), "petra": ("JO", "وادي موسى", "+96232150000")}
    for number, (name_ar, name_latin, key, status) in enumerate(QUOTA_REGISTRANTS, start=1):
        organisation = partners[key] if key else None
        country, city, phone = places.get(key, ("OM", "مسقط", "+96824000000"))
        # Made directly, as the other demo registrants: no email is owed to an example.org address.
        Registration.objects.create(
            event=event,
            status=status,
            name_arabic=name_ar,
            name_latin=name_latin,
            email=f"quota{number}.{event.pk}@example.org",
            phone=phone,
            country=country,
            city=city,
            organisation=organisation.name if organisation else "بلدية مسقط",
            quota_organisation=organisation,
            approver_email=FOCAL_POINTS.get(key, ""),
            job_title="مهندس نظم معلومات",
            consented_at=timezone.now(),
            created_at=timezone.now() + timedelta(seconds=number),
        )


def _agenda(t, *slots):
    return {
        "heading": t("البرنامج", "Agenda"),
        "day": None,
        "slots": [
            {"starts": start, "ends": end, "title": t(title_ar, title_en), "speaker": ""}
            for start, end, title_ar, title_en in slots
        ],
    }


def _program_specs(arabic, partners, venues, trainers):
    from datetime import time

    specs = []

    t = Bilingual()
    specs.append(
        dict(
            t=t,
            title=t("التحول الرقمي في البلديات", "Digital transformation in municipalities"),
            slug=t("التحول-الرقمي", "digital-transformation"),
            summary=t(
                "برنامج يساعد البلديات العربية على نقل خدماتها إلى الإنترنت وإدارة بياناتها المكانية.",
                "A program that helps Arab municipalities move their services online and manage their spatial data.",
            ),
            body=[
                (
                    "paragraph",
                    RichText(
                        t.paragraphs(
                            (
                                "يستند البرنامج إلى تجربة أمانة عمان الكبرى في الخدمات الإلكترونية وتسمية الشوارع "
                                "وترقيم المباني ونظم المعلومات الجغرافية.",
                                "The program draws on the Greater Amman Municipality's experience in e-services, "
                                "street naming and numbering, and GIS.",
                            ),
                        )
                    ),
                )
            ],
            topics=_topics(arabic, "digital-transformation", "e-services", "gis-addressing"),
            partners=[partners["amman"], partners["petra"]],
            events=[
                dict(
                    model=TrainingCoursePage,
                    title=t(
                        "نظم المعلومات الجغرافية والعنونة للبلديات",
                        "GIS and addressing for municipalities",
                    ),
                    slug=t("نظم-المعلومات-الجغرافية-والعنونة", "gis-and-addressing"),
                    summary=t(
                        "دورة تطبيقية مع سلطة إقليم البترا في تسمية الشوارع وترقيم المباني وبناء قاعدة بيانات مكانية.",
                        "A hands-on course with the Petra Authority on street naming, building numbering and "
                        "building a spatial database.",
                    ),
                    start_at=_at(30, 9),
                    end_at=_at(32, 15),
                    delivery_mode=TrainingCoursePage.DeliveryMode.IN_PERSON,
                    venue=venues["petra"],
                    delivery_language=TrainingCoursePage.DeliveryLanguage.ARABIC,
                    target_audience=t(
                        "مهندسو نظم المعلومات الجغرافية وموظفو التخطيط في البلديات.",
                        "GIS engineers and planning staff of municipalities.",
                    ),
                    eligibility=t(
                        "معرفة أساسية بنظم المعلومات الجغرافية.",
                        "A basic knowledge of GIS.",
                    ),
                    capacity=25,
                    registration_opens_at=_at(-10, 9),
                    registration_closes_at=_at(27, 23, 59),
                    mou=_petra_mou(arabic),
                    body=[
                        (
                            "agenda",
                            _agenda(
                                t,
                                (time(9), time(10, 30), "أسس العنونة الرقمية", "Foundations of digital addressing"),
                                (time(11), time(13), "تسمية الشوارع وترقيم المباني", "Street naming and numbering"),
                                (time(14), time(15), "تمرين تطبيقي في البترا", "Field exercise in Petra"),
                            ),
                        )
                    ],
                    topics=_topics(arabic, "gis-addressing"),
                    partners=[partners["petra"], partners["amman"]],
                    trainers=[trainers["gis"]],
                ),
                dict(
                    model=TrainingCoursePage,
                    title=t(
                        "تصميم الخدمات الإلكترونية البلدية",
                        "Designing municipal e-services",
                    ),
                    slug=t("تصميم-الخدمات-الإلكترونية", "designing-e-services"),
                    summary=t(
                        "كيف تحوّل البلدية معاملة ورقية إلى خدمة إلكترونية سهلة الاستخدام.",
                        "How a municipality turns a paper procedure into an easy-to-use online service.",
                    ),
                    start_at=_at(14, 10),
                    end_at=_at(15, 14),
                    delivery_mode=TrainingCoursePage.DeliveryMode.IN_PERSON,
                    venue=venues["amman"],
                    delivery_language=TrainingCoursePage.DeliveryLanguage.ARABIC,
                    target_audience=t(
                        "مديرو الخدمات وفرق تكنولوجيا المعلومات في البلديات.",
                        "Service managers and IT teams of municipalities.",
                    ),
                    eligibility="",
                    capacity=3,
                    registration_opens_at=_at(-20, 9),
                    registration_closes_at=_at(12, 23, 59),
                    body=[],
                    topics=_topics(arabic, "e-services", "digital-transformation"),
                    partners=[partners["amman"]],
                    trainers=[trainers["digital"]],
                    registrations=[
                        ("أحمد الخطيب", "Ahmad Al-Khatib", Registration.Status.CONFIRMED),
                        ("سارة العلي", "Sara Al-Ali", Registration.Status.CONFIRMED),
                        ("محمد الزعبي", "Mohammad Al-Zoubi", Registration.Status.CONFIRMED),
                        ("هبة الرفاعي", "Hiba Al-Rifai", Registration.Status.WAITLISTED),
                        ("خالد البدور", "Khaled Al-Bdour", Registration.Status.WAITLISTED),
                    ],
                ),
                dict(
                    model=TrainingCoursePage,
                    title=t(
                        "منصات بيانات المدينة الذكية للبلديات",
                        "Smart city data platforms for municipalities",
                    ),
                    slug=t("منصات-بيانات-المدينة-الذكية", "smart-city-data-platforms"),
                    summary=t(
                        "دورة تبني قدرات فرق البلديات على جمع بيانات المدينة وربطها ونشرها لخدمات أذكى.",
                        "A course that builds municipal teams' skills in collecting, linking and publishing city "
                        "data for smarter services.",
                    ),
                    start_at=_at(40, 9),
                    end_at=_at(42, 14),
                    delivery_mode=TrainingCoursePage.DeliveryMode.IN_PERSON,
                    venue=venues["amman"],
                    delivery_language=TrainingCoursePage.DeliveryLanguage.ARABIC,
                    target_audience=t(
                        "فرق تكنولوجيا المعلومات والتخطيط في أمانة عمان الكبرى وسلطة إقليم البترا والبلديات العربية.",
                        "IT and planning teams of the Greater Amman Municipality, the Petra Authority and Arab "
                        "municipalities.",
                    ),
                    eligibility=t(
                        "يوافق ضابط الارتباط في الجهة على تسجيل موظفيها.",
                        "Each organisation's focal point approves the registration of its staff.",
                    ),
                    capacity=25,
                    approval=TrainingCoursePage.Approval.FOCAL_POINT,
                    seat_quotas=_seat_quotas(partners),
                    quota_partners=partners,
                    registration_opens_at=_at(-5, 9),
                    registration_closes_at=_at(35, 23, 59),
                    body=[],
                    topics=_topics(arabic, "digital-transformation", "smart-city-strategy"),
                    partners=[partners["amman"], partners["petra"]],
                    trainers=[trainers["digital"], trainers["gis"]],
                ),
            ],
        )
    )

    t = Bilingual()
    specs.append(
        dict(
            t=t,
            title=t("استراتيجيات المدن الذكية", "Smart city strategy"),
            slug=t("استراتيجيات-المدن-الذكية", "smart-city-strategy"),
            summary=t(
                "الذكاء الاصطناعي وإنترنت الأشياء وإدارة المعرفة في خدمة مدن عربية ذكية ومستدامة.",
                "Artificial intelligence, the Internet of Things and knowledge management for smart, sustainable "
                "Arab cities.",
            ),
            body=[],
            topics=_topics(arabic, "smart-city-strategy", "artificial-intelligence", "internet-of-things"),
            partners=[partners["audi"], partners["ecat"], partners["cultural"]],
            events=[
                dict(
                    model=WorkshopPage,
                    title=t(
                        "الذكاء الاصطناعي وإنترنت الأشياء من أجل مدن مستدامة",
                        "AI and the Internet of Things for sustainable cities",
                    ),
                    slug=t("الذكاء-الاصطناعي-وإنترنت-الأشياء", "ai-and-iot-for-sustainable-cities"),
                    summary=t(
                        "ورشة مشتركة مع المعهد العربي لإنماء المدن ومركز البيئة للمدن العربية ضمن المؤتمر العام "
                        "الثامن عشر لمنظمة المدن العربية في عمّان.",
                        "A joint workshop with the Arab Urban Development Institute and the Environment Centre for "
                        "Arab Towns at the Arab Towns Organization's 18th General Conference in Amman.",
                    ),
                    start_at=_at(-45, 10),
                    end_at=_at(-45, 13),
                    delivery_mode=WorkshopPage.DeliveryMode.IN_PERSON,
                    venue=venues["amman"],
                    delivery_language=WorkshopPage.DeliveryLanguage.BOTH,
                    target_audience=t(
                        "وفود العواصم والبلديات العربية المشاركة في المؤتمر.",
                        "Delegations of Arab capitals and municipalities at the conference.",
                    ),
                    eligibility="",
                    capacity=80,
                    registration_opens_at=_at(-75, 9),
                    registration_closes_at=_at(-46, 23, 59),
                    body=[],
                    topics=_topics(arabic, "artificial-intelligence", "internet-of-things"),
                    partners=[partners["audi"], partners["ecat"]],
                    trainers=[trainers["ai"]],
                ),
                dict(
                    model=WorkshopPage,
                    title=t(
                        "إدارة المعرفة والمعلوماتية في المدينة العربية",
                        "Knowledge management and informatics in the Arab city",
                    ),
                    slug=t("إدارة-المعرفة-والمعلوماتية", "knowledge-management-and-informatics"),
                    summary=t(
                        "ورشة مشتركة بين مجموعة العمل الثقافي للمدن العربية والمنتدى العربي للمدن الذكية.",
                        "A joint workshop of the Arab Cities Cultural Work Group and the Arab Smart Cities Forum.",
                    ),
                    start_at=_at(-44, 10),
                    end_at=_at(-44, 13),
                    delivery_mode=WorkshopPage.DeliveryMode.IN_PERSON,
                    venue=venues["amman"],
                    delivery_language=WorkshopPage.DeliveryLanguage.ARABIC,
                    target_audience=t(
                        "العاملون في المعلوماتية والأرشفة والثقافة في البلديات.",
                        "Municipal staff working in informatics, archives and culture.",
                    ),
                    eligibility="",
                    capacity=60,
                    registration_opens_at=_at(-75, 9),
                    registration_closes_at=_at(-45, 23, 59),
                    body=[],
                    topics=_topics(arabic, "knowledge-management"),
                    partners=[partners["cultural"]],
                    trainers=[],
                ),
                dict(
                    model=WorkshopPage,
                    title=t(
                        "إعداد الاستعراضات المحلية الطوعية للمدن",
                        "Preparing voluntary local reviews for cities",
                    ),
                    slug=t("المراجعات-المحلية-الطوعية", "voluntary-local-reviews"),
                    summary=t(
                        "ورشة عبر الإنترنت تنقل تجربة عمّان، أول مدينة عربية تعدّ استعراضاً محلياً طوعياً ثانياً.",
                        "An online workshop sharing the experience of Amman, the first Arab city to prepare a "
                        "second voluntary local review.",
                    ),
                    start_at=_at(50, 11),
                    end_at=_at(50, 14),
                    delivery_mode=WorkshopPage.DeliveryMode.ONLINE,
                    venue=None,
                    online_note=t(
                        "تُعقد الورشة عبر منصة اجتماعات مرئية، ويصل رابط الانضمام بالبريد الإلكتروني.",
                        "The workshop is held on a video meeting platform; the link to join is sent by email.",
                    ),
                    delivery_language=WorkshopPage.DeliveryLanguage.ARABIC,
                    target_audience=t(
                        "فرق التخطيط والرصد الحضري في البلديات العربية.",
                        "Planning and urban observatory teams of Arab municipalities.",
                    ),
                    eligibility="",
                    capacity=100,
                    registration_opens_at=_at(10, 9),
                    registration_closes_at=_at(48, 23, 59),
                    body=[],
                    topics=_topics(arabic, "sdgs-vlr", "urban-resilience"),
                    partners=[partners["amman"]],
                    trainers=[],
                ),
            ],
        )
    )
    return specs
