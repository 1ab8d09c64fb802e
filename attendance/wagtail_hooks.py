from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from .admin_views import ParticipantHistoryView, ParticipationView, certificate_permission_policy, certificate_viewset
from .bulk_actions import BULK_ACTIONS
from .emails import add_to_registration_email
from .models import AttendanceLog, Certificate
from .permissions import can_check_in, can_view_registrations

hooks.register("registration_email", add_to_registration_email)


@hooks.register("registrant_page_sections")
def _check_in_code_or_certificate(request, registration):
    return render_to_string("attendance/includes/registrant_extras.html", {"registration": registration}, request)


@hooks.register("registration_attendance_marked")
def _log_single_attendance(registration, attended, user, changed):
    # Marked one person at a time from the registrations list (programs' own action): logged like the rest.
    if changed:
        AttendanceLog.objects.create(
            registration=registration, attended=attended, method=AttendanceLog.Method.ONE, marked_by=user
        )


hooks.register("register_admin_viewset", lambda: certificate_viewset)
for action in BULK_ACTIONS:
    hooks.register("register_bulk_action", action)

register_permission_policy(Certificate, certificate_permission_policy)


@hooks.register("register_admin_urls")
def _admin_urls():
    return [
        path("attendance/participant/", ParticipantHistoryView.as_view(), name="attendance_participant"),
        path("attendance/participation/", ParticipationView.as_view(), name="attendance_participation"),
        path("attendance/check-in/", _to_check_in, name="attendance_check_in"),
    ]


def _to_check_in(request):
    # The admin menu is built once; this resolves the phone page in the language the coordinator works in now.
    return redirect("attendance:check_in")


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_admin_menu_item")
def _check_in_menu_item():
    # The phone page, outside the admin: it is light enough for a phone at the door.
    return PermittedMenuItem(
        _("Check-in"), reverse("attendance_check_in"), icon_name="tick", order=252, allowed=can_check_in
    )


@hooks.register("register_admin_menu_item")
def _participant_menu_item():
    return PermittedMenuItem(
        _("Participant history"),
        reverse("attendance_participant"),
        icon_name="user",
        order=253,
        allowed=can_view_registrations,
    )


@hooks.register("register_admin_menu_item")
def _participation_menu_item():
    return PermittedMenuItem(
        _("Participation"),
        reverse("attendance_participation"),
        icon_name="table",
        order=254,
        allowed=can_view_registrations,
    )
