"""Check-in and certificates in the demo: delegates checked in at the AI and IoT workshop of the 18th General
Conference (a past event of demo.programs), and their certificates of attendance issued."""

from datetime import timedelta

from attendance.certificates import issue_certificates
from attendance.models import AttendanceLog, Certificate, CertificateSettings
from programs.models import Registration, WorkshopPage

WORKSHOP_SLUG = "الذكاء-الاصطناعي-وإنترنت-الأشياء"

# (Arabic name, Latin name, organisation, country, city, language, what happened on the day)
DELEGATES = [
    ("رنا الحسن", "Rana Al-Hassan", "أمانة عمان الكبرى", "JO", "عمّان", "ar", "scanned"),
    ("يوسف المعمري", "Yousef Al-Maamari", "بلدية مسقط", "OM", "مسقط", "ar", "scanned"),
    ("سالم الكثيري", "Salem Al-Kathiri", "بلدية ظفار", "OM", "صلالة", "en", "scanned"),
    ("عمر النعيمات", "Omar Al-Nuaimat", "سلطة إقليم البترا التنموي السياحي", "JO", "البترا", "ar", "typed"),
    ("ليلى بن علي", "Leila Ben Ali", "بلدية تونس", "TN", "تونس", "en", "scanned"),
    ("حسن الدوري", "Hassan Al-Douri", "أمانة بغداد", "IQ", "بغداد", "ar", "scanned"),
    ("نادية سليمان", "Nadia Suleiman", "بلدية إربد الكبرى", "JO", "إربد", "ar", "absent"),
    ("كريم فاضل", "Karim Fadel", "بلدية بيروت", "LB", "بيروت", "ar", "cancelled"),
]

SIGNATORY = dict(
    signatory_name_arabic="بدر وائل العجيل العسكر",
    signatory_name_latin="Badr Wael Al-Ajeel Al-Askar",
    signatory_title_arabic="الأمين العام لمنظمة المدن العربية",
    signatory_title_english="Secretary-General, Arab Towns Organization",
)


def load():
    created = _signatory()
    workshop = WorkshopPage.objects.filter(locale__language_code="ar", slug=WORKSHOP_SLUG).first()
    if workshop is None or Certificate.objects.filter(registration__event=workshop).exists():
        return created
    registrations = []
    for number, (name_ar, name_latin, organisation, country, city, language, outcome) in enumerate(DELEGATES, 1):
        registered_at = workshop.registration_opens_at + timedelta(days=number)
        registration = Registration.objects.create(
            event=workshop,
            status=Registration.Status.CANCELLED if outcome == "cancelled" else Registration.Status.CONFIRMED,
            name_arabic=name_ar,
            name_latin=name_latin,
            # Made directly, with example.org addresses: no email is owed to a demo delegate.
            email=f"delegate{number}.{workshop.pk}@example.org",
            phone="+96265000000",
            country=country,
            city=city,
            organisation=organisation,
            job_title="مهندس" if number % 2 else "مهندسة",
            language=language,
            consented_at=registered_at,
            created_at=registered_at,
            status_changed_at=registered_at,
            attended=outcome in ("scanned", "typed"),
        )
        if registration.attended:
            AttendanceLog.objects.create(
                registration=registration,
                attended=True,
                method=outcome,
                marked_at=workshop.start_at - timedelta(minutes=30) + timedelta(minutes=2 * number),
            )
        registrations.append(registration)
    report = issue_certificates(
        Registration.objects.filter(pk__in=[registration.pk for registration in registrations]), send_email=False
    )
    # Issued the day after the workshop, as a coordinator would have.
    Certificate.objects.filter(registration__event=workshop).update(issued_at=workshop.end_at + timedelta(days=1))
    return created + len(registrations) + report.issued


def _signatory():
    settings = CertificateSettings.load()
    if settings.signatory_name_arabic:
        return 0
    for field, value in SIGNATORY.items():
        setattr(settings, field, value)
    settings.save()
    return 1
