"""The training coordinators' admin: registrations listed, filtered, exported and acted on through the rules.

Only users with the registration permissions (the "Training coordinators" group) see personal data here.
"""

from datetime import datetime

import django_filters
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from openpyxl import Workbook
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, BulkActionsCheckboxColumn, Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import ExcelDateFormatter
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from forum_site.permissions import ChangeOnlyPermissionPolicy

from . import rules
from .emails import send_again
from .models import EventPage, Registration, RegistrationEmail

# Registrations are made by registrants and changed only through the rules: nobody adds or deletes them here.
registration_permission_policy = ChangeOnlyPermissionPolicy(Registration)

# (action, label, statuses it applies to)
STATUS_ACTIONS = {
    "approve": (_("Approve"), [Registration.Status.AWAITING_APPROVAL]),
    "decline": (_("Decline"), [Registration.Status.AWAITING_APPROVAL]),
    "cancel": (
        _("Cancel"),
        [Registration.Status.CONFIRMED, Registration.Status.WAITLISTED, Registration.Status.AWAITING_APPROVAL],
    ),
    "promote": (_("Promote from the waitlist"), [Registration.Status.WAITLISTED]),
    "confirm": (_("Confirm again"), [Registration.Status.CANCELLED, Registration.Status.DECLINED]),
    "attended": (_("Mark as attended"), [Registration.Status.CONFIRMED]),
    "absent": (_("Mark as absent"), [Registration.Status.CONFIRMED]),
}


class RegistrationFilterSet(WagtailFilterSet):
    # Registrations belong to the default-language page of each course, so only those are offered.
    event = django_filters.ModelChoiceFilter(
        label=_("course or workshop"),
        queryset=EventPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-start_at"),
    )
    organisation = django_filters.CharFilter(label=_("organisation or municipality"), lookup_expr="icontains")

    class Meta:
        model = Registration
        fields = ["event", "status", "country", "organisation", "attended"]


# OWASP's rule against CSV injection: a spreadsheet takes a cell starting with one of these for a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """A text cell a spreadsheet would run as a formula, made plain text by a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class RegistrationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")

    @cached_property
    def columns(self):
        # A checkbox on each row for the bulk actions registered for registrations (attendance/wagtail_hooks.py).
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="registration"), *super().columns]

    def _get_title_column(self, *args, **kwargs):
        # The checkbox is described by the row's title, which needs this id.
        return super()._get_title_column(
            *args, **kwargs, get_title_id=lambda instance: f"registration_{instance.pk}_title"
        )

    def stream_csv(self, queryset):
        # A byte order mark, so that Excel opens the UTF-8 file as UTF-8 and shows Arabic names.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def preprocess_field_value(self, field, value, export_format):
        # Times in Amman's time zone (the forum's, and the courses'), booleans in the coordinator's language.
        if isinstance(value, datetime):
            local = timezone.localtime(value)
            return local.replace(tzinfo=None) if export_format == self.FORMAT_XLSX else local.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, bool) and export_format == self.FORMAT_CSV:
            return str(_("Yes") if value else _("No"))
        return super().preprocess_field_value(field, value, export_format)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # A boolean is written as 1 or 0 shown as "Yes" or "No" in the coordinator's language: it stays a
        # number that sums and filters, where a TRUE/FALSE cell would read in the spreadsheet program's language.
        yes, no = str(_("Yes")), str(_("No"))
        cells = super().generate_xlsx_row(worksheet, row_dict, date_format=date_format)
        for cell, value in zip(cells, row_dict.values(), strict=True):
            if isinstance(value, bool):
                cell.value = int(value)
                cell.number_format = f'"{yes}";"{yes}";"{no}"'
            yield cell

    def write_xlsx(self, queryset, output):
        # Wagtail's, with the sheet right to left when the coordinator works in Arabic.
        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=str(_("Registrations"))[:31])
        worksheet.sheet_view.rightToLeft = get_language_bidi()
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format))
        workbook.save(output)

    def write_csv_row(self, writer, row_dict):
        # Every cell, whatever its field: a course's title or a registrant's city is typed by someone else.
        # XLSX needs none of this: Wagtail writes text cells as text, never as formulas, and keeps other types.
        return writer.writerow(
            {
                field: neutralise_formula(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.permission_policy.user_has_permission(self.request.user, "change"):
            return buttons
        for action, (label, statuses) in STATUS_ACTIONS.items():
            if instance.status not in statuses or instance.anonymised_at:
                continue
            if action == "attended" and instance.attended or action == "absent" and not instance.attended:
                continue
            url = reverse("programs_registration:status_action", args=[instance.pk, action])
            button = ListingButton(label, url=url, icon_name="edit", priority=40)
            # Approving and declining show beside the name, not in the menu: they are what the row waits for.
            button.allow_in_dropdown = action not in ("approve", "decline")
            buttons.append(button)
        return buttons

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        undelivered = undelivered_emails().count()
        if undelivered:
            buttons.append(
                HeaderButton(
                    _("Emails not delivered (%(count)s)") % {"count": undelivered},
                    url=reverse("programs_registration:undelivered_emails"),
                    icon_name="warning",
                )
            )
        return buttons


def undelivered_emails():
    """Emails the sender gave up on, and those waiting for another attempt after a failure."""
    return RegistrationEmail.objects.filter(
        Q(status=RegistrationEmail.Status.FAILED) | Q(status=RegistrationEmail.Status.PENDING, attempts__gt=0)
    )


class StatusActionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "programs/admin/confirm_action.html"
    header_icon = "group"

    def dispatch(self, request, pk, action):
        if not registration_permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        if action not in STATUS_ACTIONS:
            raise PermissionDenied
        self.registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
        self.action = action
        return super().dispatch(request, pk, action)

    def get_page_title(self):
        return STATUS_ACTIONS[self.action][0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(registration=self.registration, action_label=STATUS_ACTIONS[self.action][0])
        return context

    def post(self, request, pk, action):
        registration = self.registration
        try:
            if action == "cancel":
                changed = rules.cancel_registration(registration)
            elif action == "promote":
                changed = rules.promote(registration)
            elif action == "confirm":
                changed = rules.confirm(registration)
            elif action == "approve":
                changed = rules.approve(registration)
            elif action == "decline":
                changed = rules.decline(registration)
            else:
                attended = action == "attended"
                changed = registration.attended != attended
                rules.set_attendance(registration, attended)
                # Other apps keep their own record of who marked whom (attendance: its log).
                for record in hooks.get_hooks("registration_attendance_marked"):
                    record(registration, attended, request.user, changed)
        except rules.RegistrationError as error:
            messages.error(request, str(error))
        else:
            if changed:
                messages.success(request, _("%(name)s: done.") % {"name": registration})
            else:
                messages.warning(request, _("%(name)s: nothing to change.") % {"name": registration})
        return redirect(reverse("programs_registration:index") + f"?event={registration.event_id}")


def undelivered_emails_view(request):
    if not registration_permission_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    if request.method == "POST":
        if not registration_permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        # Only put back in the outbox: the sender sends them, so this request never waits on the mail server.
        count = send_again(RegistrationEmail.objects.all())
        summary = _("%(count)s emails put back in the outbox: they are sent within a few minutes.")
        messages.success(request, summary % {"count": count})
        return redirect("programs_registration:undelivered_emails")
    return UndeliveredEmailsView.as_view()(request)


class UndeliveredEmailsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "programs/admin/undelivered_emails.html"
    page_title = _("Emails not delivered")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["emails"] = (
            undelivered_emails().select_related("registration__event").order_by("-status", "-created_at")
        )
        context["can_send_again"] = registration_permission_policy.user_has_permission(self.request.user, "change")
        context["failed"] = RegistrationEmail.Status.FAILED
        return context


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    index_template_name = "programs/admin/registration_index.html"
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["attended"]
    list_display = [
        "name_latin",
        Column("name_arabic", label=_("full name in Arabic script")),
        Column("email", label=_("email")),
        Column("event", label=_("course or workshop")),
        Column("status", label=_("status"), accessor="get_status_display"),
        Column("country", label=_("country"), accessor="get_country_display"),
        Column("organisation", label=_("organisation or municipality")),
        BooleanColumn("attended", label=_("attended")),
        DateColumn("created_at", label=_("registered at")),
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name_arabic", "name_latin", "email", "organisation", "city", "job_title", "phone"]
    list_export = [
        "event",
        "get_status_display",
        "name_arabic",
        "name_latin",
        "email",
        "get_phone_display",
        "get_country_display",
        "city",
        "organisation",
        "job_title",
        "approver_email",
        "get_language_display",
        "attended",
        "created_at",
    ]
    export_headings = {
        "event": _("course or workshop"),
        "get_status_display": _("status"),
        "get_country_display": _("country"),
        "get_language_display": _("language"),
        "get_phone_display": _("phone"),
        "created_at": _("registered at (Amman time)"),
    }
    export_filename = "registrations"
    inspect_view_fields = [
        "event",
        "status",
        "name_arabic",
        "name_latin",
        "email",
        "phone",
        "country",
        "city",
        "organisation",
        "quota_organisation",
        "job_title",
        "approver_email",
        "language",
        "consented_at",
        "attended",
        "created_at",
        "status_changed_at",
        "anonymised_at",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("status/<int:pk>/<str:action>/", StatusActionView.as_view(), name="status_action"),
            path("emails/", undelivered_emails_view, name="undelivered_emails"),
        ]


registration_viewset = RegistrationViewSet("programs_registration")
