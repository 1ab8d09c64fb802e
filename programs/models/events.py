from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from forum_site.images import ImageAltTextMixin, alt_text_field, image_field
from forum_site.localize import chosen_on_source, in_locale
from forum_site.models import BasePage
from home.models import SiteSettings, TopicsMixin
from partners.models import MoULinkMixin

from ..blocks import EventBodyBlock
from ..countries import COUNTRY_CHOICES
from ..forms import RegistrationForm
from ..panels import SeatsPanel
from ..phones import international_form, national_form
from ..seats import seat_status
from .snippets import Trainer, Venue


class EventPage(ImageAltTextMixin, TopicsMixin, BasePage):
    """What a training course and a workshop share: dates, place, people, capacity and registration.

    A concrete parent so that registrations, the calendar and the capacity lock deal with one table.
    """

    class DeliveryMode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class DeliveryLanguage(models.TextChoices):
        ARABIC = "ar", _("Arabic")
        ENGLISH = "en", _("English")
        BOTH = "ar_en", _("Arabic and English")

    class Currency(models.TextChoices):
        JOD = "JOD", _("Jordanian dinar")
        USD = "USD", _("US dollar")

    class Approval(models.TextChoices):
        NONE = "none", _("None: a free seat is confirmed at once")
        COORDINATOR = "coordinator", _("By the training coordinators")
        FOCAL_POINT = "focal_point", _("By the focal point of the registrant's organisation")

    summary = models.TextField(_("summary"), blank=True)
    start_at = models.DateTimeField(_("starts at"), help_text=_("In Amman's time zone."))
    end_at = models.DateTimeField(_("ends at"), help_text=_("In Amman's time zone."))
    delivery_mode = models.CharField(
        _("delivery mode"), max_length=20, choices=DeliveryMode.choices, default=DeliveryMode.IN_PERSON
    )
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    online_note = models.TextField(
        _("online note"), blank=True, help_text=_("How to join online; the link itself is sent by email.")
    )
    delivery_language = models.CharField(
        _("language of delivery"), max_length=10, choices=DeliveryLanguage.choices, default=DeliveryLanguage.ARABIC
    )
    trainers = ParentalManyToManyField(Trainer, blank=True, verbose_name=_("trainers or speakers"))
    partners = ParentalManyToManyField(
        "partners.PartnerOrganisation", blank=True, verbose_name=_("partner organisations")
    )
    target_audience = models.TextField(_("target audience"), blank=True)
    eligibility = models.TextField(_("eligibility"), blank=True)
    fee = models.DecimalField(_("fee"), max_digits=8, decimal_places=2, default=0, help_text=_("0 means free."))
    fee_currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.JOD)
    capacity = models.PositiveIntegerField(_("capacity"), default=30, help_text=_("Seats for confirmed registrants."))
    approval = models.CharField(
        _("approval of registrations"),
        max_length=20,
        choices=Approval.choices,
        default=Approval.NONE,
        help_text=_(
            "With approval, a registration holds a seat until it is approved or declined. A focal point approves "
            "by email the registrations of their organisation's quota; the coordinators approve the others."
        ),
    )
    registration_opens_at = models.DateTimeField(_("registration opens at"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes at"), null=True, blank=True)
    image = image_field(_("image"))
    image_alt = alt_text_field(_("image description"))
    body = StreamField(EventBodyBlock(), verbose_name=_("body"), blank=True)

    # Dates, capacity, fee and choices follow the Arabic source in every language; the rest is detected.
    override_translatable_fields = [
        SynchronizedField("start_at"),
        SynchronizedField("end_at"),
        SynchronizedField("delivery_mode"),
        SynchronizedField("delivery_language"),
        SynchronizedField("fee"),
        SynchronizedField("fee_currency"),
        SynchronizedField("capacity"),
        SynchronizedField("approval"),
        # Quotas are numbers, countries and organisations, not text: copied, never translated. Seats are counted
        # on the default-language event's own rows (`source_event.seat_quotas`), so a stale copy changes nothing.
        SynchronizedField("seat_quotas"),
        SynchronizedField("registration_opens_at"),
        SynchronizedField("registration_closes_at"),
        SynchronizedField("image"),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")]),
                FieldPanel("delivery_mode"),
                FieldPanel("venue"),
                FieldPanel("online_note"),
                FieldPanel("delivery_language"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
                FieldRowPanel([FieldPanel("fee"), FieldPanel("fee_currency")]),
                FieldPanel("approval"),
                SeatsPanel(),
            ],
            heading=_("Registration"),
        ),
        InlinePanel(
            "seat_quotas",
            heading=_("Seats per country or organisation"),
            label=_("quota"),
            help_text=_(
                "Optional. A registration counts against every quota that applies to it: beyond a quota, "
                "registrants of that country or organisation go on the waitlist. To keep 10 of 25 seats for one "
                "organisation, give it 10 and give every other organisation 15."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("target_audience"), FieldPanel("eligibility")],
            heading=_("Who it is for"),
        ),
        FieldPanel("trainers"),
        FieldPanel("topics"),
        FieldPanel("partners"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("target_audience"),
        index.SearchField("body"),
        index.FilterField("start_at"),
        index.FilterField("delivery_mode"),
    ]
    search_snippet_fields = [*BasePage.search_snippet_fields, "summary", "target_audience", "body"]
    image_alt_fields = {"image": "image_alt"}

    parent_page_types = ["programs.ProgramPage"]
    subpage_types = []
    is_creatable = False
    # The registration form is posted without a CSRF token, checked by its Origin (forum_site/routing.py),
    # so the page is the same for every visitor and served from the page cache.
    csrf_by_origin = True
    search_date_field = "start_at"
    schema_type = "Event"
    template = "programs/event_page.html"
    # Read with the page when it is served: its template shows them (forum_site.pages.served).
    served_with = ("image", "venue")

    class Meta:
        verbose_name = _("course or workshop")
        verbose_name_plural = _("courses and workshops")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            errors["end_at"] = _("The end must come after the start.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if closes and self.end_at and closes > self.end_at:
            errors["registration_closes_at"] = _("Registration cannot close after the event ends.")
        if self.delivery_mode != self.DeliveryMode.ONLINE and not self.venue_id:
            errors["venue"] = _("An in-person or hybrid event needs a venue.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.confirmed_count, self.waitlist_count, quota_organisations = self.seats_and_quota_organisations()
        site_settings = SiteSettings.for_request(request)
        context.update(
            form=RegistrationForm(quota_organisations=quota_organisations),
            window=self.registration_window(),
            seat_status=seat_status(self),
            trainers=in_locale(chosen_on_source(self, "trainers"), self.locale_id),
            topics=self.topics_in_locale(),
            partners=in_locale(chosen_on_source(self, "partners"), self.locale_id),
            mou=self.mou_in_locale() if isinstance(self, MoULinkMixin) else None,
            privacy_page=site_settings.privacy_page_in(self.locale_id),
        )
        return context

    @cached_property
    def source_event(self):
        """The event in the site's default language: registrations and seats belong to it, for every language.

        Read once per instance: a page's context asks for it several times.
        """
        return self.source_page

    def quota_organisations(self):
        """{organisation id: its name in this page's language} for the organisations holding a quota, in order."""
        return self.seats_and_quota_organisations()[2]

    def seats_and_quota_organisations(self):
        """(seats taken, waitlisted, quota organisations) as the page shows them: the default-language event's
        registrations counted by status, and its organisations' quotas, each organisation in this page's
        language (two plain queries: one that counted and named them in subqueries took three times as long
        to build as both)."""
        event_id = self.source_page_id
        by_status = dict(
            Registration.objects.filter(event_id=event_id).order_by().values_list("status").annotate(total=Count("pk"))
        )
        quotas = list(
            SeatQuota.objects.filter(event_id=event_id, kind=SeatQuota.Kind.ORGANISATION, organisation__isnull=False)
            .select_related("organisation")
            .order_by("sort_order")
        )
        shown = in_locale([quota.organisation for quota in quotas], self.locale_id)
        return (
            sum(by_status.get(status, 0) for status in Registration.HOLDING_SEAT),
            by_status.get(Registration.Status.WAITLISTED, 0),
            {quota.organisation_id: organisation.name for quota, organisation in zip(quotas, shown, strict=True)},
        )

    def quota_usage(self):
        """[(quota, seats taken in it)] for the event's quotas, counted as the registration rules count them."""
        book = SeatBook(self.source_event)
        return [(quota, book.taken_in[quota.pk]) for quota in book.quotas]

    def seat_counts(self):
        """(seats taken, waitlisted) for the event, whichever language's page is asked: confirmed registrations
        and those awaiting approval both hold a seat."""
        counts = Registration.objects.filter(event_id=self.source_event.pk).aggregate(
            confirmed=Count("pk", filter=Q(status__in=Registration.HOLDING_SEAT)),
            waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        )
        return counts["confirmed"], counts["waitlisted"]

    @property
    def is_free(self):
        return not self.fee

    @property
    def has_ended(self):
        return self.end_at <= timezone.now()

    def registration_window(self, now=None):
        """'not_yet_open', 'open', 'closed'."""
        now = now or timezone.now()
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet_open"
        closes = self.registration_closes_at or self.start_at
        if now >= closes:
            return "closed"
        return "open"

    def registration_closes(self):
        return self.registration_closes_at or self.start_at

    def status_changes(self):
        """The moments this event's registration window or seat status changes without an edit."""
        return [moment for moment in (self.registration_opens_at, self.registration_closes(), self.end_at) if moment]


class ProgramEventPage(MoULinkMixin, EventPage):
    """What a course and a workshop share: they sit under a program and may be delivered under an MoU."""

    content_panels = [*EventPage.content_panels, FieldPanel("mou")]
    served_with = (*EventPage.served_with, "mou")

    parent_page_types = ["programs.ProgramPage"]
    subpage_types = []
    search_date_field = "start_at"

    class Meta:
        abstract = True


class TrainingCoursePage(ProgramEventPage):  # noqa: DJ008 (Page has __str__)
    schema_type = "Course"
    # Wagtail names a template after each concrete page type: both share one.
    template = "programs/event_page.html"

    class Meta:
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")


class WorkshopPage(ProgramEventPage):  # noqa: DJ008 (Page has __str__)
    schema_type = "Event"
    template = "programs/event_page.html"

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")


class SeatQuota(Orderable):
    """Seats of a course for one country or one organisation, besides its total capacity, as pretix's quotas.

    A registration counts against every quota that applies to it (its country's, its organisation's) and against
    the capacity; it takes a seat only while all of them have room, and waits otherwise. To keep seats for an
    organisation, split them: Greater Amman Municipality 10 and "every other organisation" 15 of 25.

    An organisation is a partner organisation snippet, chosen here, never typed: the registration form offers the
    organisations that hold a quota by name, in the visitor's language, and "another organisation" with a free
    name. So matching never depends on spelling ("أمانة عمّان" or "امانة عمان"), and coordinators pick the
    organisation from the same list as the course's partners.

    Quotas belong to the event in the default language, like its registrations and seats.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", _("A country")
        ORGANISATION = "organisation", _("An organisation")
        OTHER_ORGANISATIONS = "other_organisations", _("Every organisation without its own quota")

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="seat_quotas")
    kind = models.CharField(_("for"), max_length=20, choices=Kind.choices, default=Kind.ORGANISATION)
    country = models.CharField(
        _("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True, help_text=_("For a country's quota.")
    )
    organisation = models.ForeignKey(
        "partners.PartnerOrganisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For an organisation's quota: add it as a partner organisation if it is not in the list."),
    )
    seats = models.PositiveIntegerField(_("seats"))
    focal_point_email = models.EmailField(
        _("focal point's email"),
        blank=True,
        help_text=_("Approves this organisation's registrations by email when the course asks for a focal point."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("seats")]),
        FieldRowPanel([FieldPanel("country"), FieldPanel("organisation")]),
        FieldPanel("focal_point_email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("seat quota")
        verbose_name_plural = _("seat quotas")

    def __str__(self):
        return f"{self.label}: {self.seats}"

    def clean(self):
        super().clean()
        if self.kind == self.Kind.COUNTRY and not self.country:
            raise ValidationError({"country": _("Choose the quota's country.")})
        if self.kind == self.Kind.ORGANISATION and not self.organisation_id:
            raise ValidationError({"organisation": _("Choose the quota's organisation.")})
        if self.kind != self.Kind.ORGANISATION and self.focal_point_email:
            raise ValidationError({"focal_point_email": _("Only an organisation's quota has a focal point.")})

    @property
    def label(self):
        if self.kind == self.Kind.COUNTRY:
            return str(self.get_country_display())
        if self.kind == self.Kind.ORGANISATION:
            return str(self.organisation) if self.organisation_id else str(_("(organisation removed)"))
        return str(self.get_kind_display())

    def applies_to(self, country, organisation_id, organisations_with_quota):
        """Whether a registration from `country` and (quota) organisation `organisation_id` counts against it."""
        if self.kind == self.Kind.COUNTRY:
            return country == self.country
        if self.kind == self.Kind.ORGANISATION:
            return organisation_id is not None and organisation_id == self.organisation_id
        return organisation_id not in organisations_with_quota


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
        CANCELLED = "cancelled", _("Cancelled")
        DECLINED = "declined", _("Declined")

    # The statuses that take one of the event's seats (and one in each quota that applies).
    HOLDING_SEAT = (Status.CONFIRMED, Status.AWAITING_APPROVAL)
    # No longer active: the email may register again.
    ENDED = (Status.CANCELLED, Status.DECLINED)

    event = models.ForeignKey(
        EventPage, verbose_name=_("course or workshop"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    name_arabic = models.CharField(_("full name in Arabic script"), max_length=200)
    name_latin = models.CharField(_("full name in Latin script"), max_length=200)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=20)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    city = models.CharField(_("city"), max_length=100)
    organisation = models.CharField(_("organisation or municipality"), max_length=200)
    quota_organisation = models.ForeignKey(
        "partners.PartnerOrganisation",
        verbose_name=_("organisation chosen from the quotas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approver_email = models.EmailField(
        _("focal point asked to approve"),
        blank=True,
        help_text=_("Empty when the coordinators approve, or no approval is needed."),
    )
    job_title = models.CharField(_("job title"), max_length=200)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="ar")
    consented_at = models.DateTimeField(_("consented to the privacy notice at"))
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="programs_reg_event_status")]
        constraints = [
            # The rule "one active registration per email per course" holds in the database too.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status__in=["cancelled", "declined"]),
                name="programs_one_active_registration_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.name_latin} <{self.email}>"

    @property
    def is_active(self):
        return self.status not in self.ENDED

    @property
    def progress(self):
        """Where the registration stands for its registrant: its status, or 'attended' once a confirmed person came."""
        if self.status == self.Status.CONFIRMED and self.attended:
            return "attended"
        return self.status

    def get_progress_display(self):
        return _("Attended") if self.progress == "attended" else self.get_status_display()

    def get_phone_display(self):
        """The number as dialled in its country, then with its country code: "079 123 4567 (+962 79 123 4567)"."""
        if not self.phone:
            return ""
        return f"{national_form(self.phone)} ({international_form(self.phone)})"

    def name_in(self, language):
        """The name in the script of `language`: Arabic letters for Arabic, Latin letters otherwise."""
        return self.name_arabic if language == "ar" else self.name_latin

    def waitlist_position(self):
        """1 for the first in the queue; None when not on the waitlist."""
        if self.status != self.Status.WAITLISTED:
            return None
        earlier = Registration.objects.filter(event_id=self.event_id, status=self.Status.WAITLISTED).filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return earlier.count() + 1


class RegistrationEmail(models.Model):
    """Every email owed to a registrant: the outbox that the sender (`send_registration_emails`) works through.

    A request only records the email; the sender claims it, sends it, and on failure tries again later, less
    often each time, until it gives up and marks it failed for the coordinators to see.
    """

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation")
        WAITLIST = "waitlist", _("Waitlist notice")
        PROMOTION = "promotion", _("Promotion from the waitlist")
        CANCELLATION = "cancellation", _("Cancellation receipt")
        ALREADY_REGISTERED = "already_registered", _("Already registered: status and link")
        AWAITING_APPROVAL = "awaiting_approval", _("Seat held, awaiting approval")
        APPROVAL_REQUEST = "approval_request", _("Request to the focal point to approve")
        APPROVED = "approved", _("Approved: seat confirmed")
        DECLINED = "declined", _("Declined")
        CERTIFICATE = "certificate", _("Certificate of attendance")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed: no more attempts")

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="emails"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    # The registrant, unless the email goes to someone else about their registration (a focal point).
    recipient = models.EmailField(_("sent to, if not the registrant"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True, default=timezone.now)
    # A sender holds the email until then; past it, the sender is taken to have died and the email is owed again.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration email")
        verbose_name_plural = _("registration emails")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="programs_email_due")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.registration}"

    @property
    def delivery(self):
        """What the registrant is told: 'sent', 'on_its_way', 'retrying' (a try failed) or 'failed'."""
        if self.status == self.Status.SENT:
            return "sent"
        if self.status == self.Status.FAILED:
            return "failed"
        return "retrying" if self.last_error else "on_its_way"


class SeatBook:
    """The seats taken in the whole event and in each of its quotas, read while the event's row is locked."""

    def __init__(self, locked_event):
        self.capacity = locked_event.capacity
        self.quotas = list(SeatQuota.objects.filter(event_id=locked_event.pk))
        self.organisations_with_quota = {
            quota.organisation_id for quota in self.quotas if quota.kind == SeatQuota.Kind.ORGANISATION
        }
        holders = list(
            Registration.objects.filter(event_id=locked_event.pk, status__in=Registration.HOLDING_SEAT).values_list(
                "country", "quota_organisation_id"
            )
        )
        self.taken = len(holders)
        self.taken_in = {quota.pk: 0 for quota in self.quotas}
        for country, organisation_id in holders:
            for quota in self.quotas_of(country, organisation_id):
                self.taken_in[quota.pk] += 1

    def quotas_of(self, country, organisation_id):
        return [
            quota for quota in self.quotas if quota.applies_to(country, organisation_id, self.organisations_with_quota)
        ]

    def full_quota(self, country, organisation_id):
        """The first quota with no room left for such a registrant, or None."""
        return next(
            (quota for quota in self.quotas_of(country, organisation_id) if self.taken_in[quota.pk] >= quota.seats),
            None,
        )

    def has_room_for(self, country, organisation_id):
        return self.taken < self.capacity and self.full_quota(country, organisation_id) is None

    def take(self, country, organisation_id):
        self.taken += 1
        for quota in self.quotas_of(country, organisation_id):
            self.taken_in[quota.pk] += 1

    @property
    def is_full(self):
        return self.taken >= self.capacity
