"""Bulk actions on the coordinators' list of registrations: attendance, and certificates for those who attended."""

from urllib.parse import parse_qs, urlsplit

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.bulk_action import BulkAction

from programs.coordinators import RegistrationFilterSet
from programs.models import Registration

from .certificates import issue_certificates
from .checkin import mark_attendance
from .models import AttendanceLog
from .permissions import can_check_in, can_issue_certificates


class RegistrationBulkAction(BulkAction):
    models = [Registration]
    template_name = "attendance/admin/confirm_bulk_action.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_act(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_may_act(self, user):
        return can_check_in(user)

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all" acts on the listing as filtered, and only once it is filtered to one course: never on
        # every registration of every course by a slip of the hand.
        query = parse_qs(urlsplit(self.next_url).query)
        filters = RegistrationFilterSet({key: values[-1] for key, values in query.items()})
        if not filters.is_valid() or not filters.form.cleaned_data.get("event"):
            return Registration.objects.none().values_list("pk", flat=True)
        return filters.qs.values_list("pk", flat=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=self.display_name,
            question=self.question,
            action_button_text=self.display_name,
            header_icon="group",
        )
        return context

    def get_execution_context(self):
        return {"user": self.request.user}


class MarkAttendedBulkAction(RegistrationBulkAction):
    display_name = _("Mark as attended")
    action_type = "mark_attended"
    aria_label = _("Mark the selected registrations as attended")
    action_priority = 10
    question = _("Mark these people as attended? Only confirmed registrations change.")
    attended = True

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return mark_attendance(objects, cls.attended, method=AttendanceLog.Method.LIST, marked_by=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d registration marked as attended.",
            "%(count)d registrations marked as attended.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class MarkAbsentBulkAction(MarkAttendedBulkAction):
    display_name = _("Mark as absent")
    action_type = "mark_absent"
    aria_label = _("Mark the selected registrations as absent")
    action_priority = 20
    question = _("Mark these people as absent? Only confirmed registrations change.")
    attended = False

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d registration marked as absent.", "%(count)d registrations marked as absent.", num_parent_objects
        ) % {"count": num_parent_objects}


class IssueCertificatesForm(forms.Form):
    hours = forms.DecimalField(
        label=_("Hours of training"),
        required=False,
        min_value=0.5,
        max_value=999,
        decimal_places=1,
        help_text=_("Leave empty to count each course's hours from its dates and times."),
    )
    send_email = forms.BooleanField(
        label=_("Email each certificate to its holder, in their language"), required=False, initial=True
    )


class IssueCertificatesBulkAction(RegistrationBulkAction):
    display_name = _("Issue certificates")
    action_type = "issue_certificates"
    aria_label = _("Issue certificates of attendance to the selected registrations")
    action_priority = 30
    form_class = IssueCertificatesForm
    question = _(
        "Issue a certificate of attendance to each of these people who attended and has none yet? The others are "
        "left out."
    )

    def user_may_act(self, user):
        return can_issue_certificates(user)

    def get_execution_context(self):
        data = self.cleaned_form.cleaned_data
        return {"user": self.request.user, "hours": data["hours"], "send_email": data["send_email"]}

    @classmethod
    def execute_action(cls, objects, user=None, hours=None, send_email=True, **kwargs):
        chosen = Registration.objects.filter(pk__in=[registration.pk for registration in objects])
        report = issue_certificates(chosen, hours=hours, issued_by=user, send_email=send_email)
        return report.issued, report.skipped

    def get_success_message(self, num_parent_objects, num_child_objects):
        issued = ngettext("%(count)d certificate issued.", "%(count)d certificates issued.", num_parent_objects) % {
            "count": num_parent_objects
        }
        if not num_child_objects:
            return issued
        skipped = ngettext(
            "%(count)d registration left out: not attended, not confirmed or already certified.",
            "%(count)d registrations left out: not attended, not confirmed or already certified.",
            num_child_objects,
        ) % {"count": num_child_objects}
        return f"{issued} {skipped}"


BULK_ACTIONS = [MarkAttendedBulkAction, MarkAbsentBulkAction, IssueCertificatesBulkAction]
