"""Marking attendance, one person by code or many from the list; every change is logged."""

from django.db import transaction
from django.utils import timezone

from programs import rules
from programs.models import Registration

from .models import AttendanceLog


def mark_attendance(registrations, attended, *, method, marked_by=None):
    """Mark each confirmed registration present (or absent) and log it; returns how many changed."""
    changed = 0
    with transaction.atomic():
        for registration in registrations:
            if registration.status != Registration.Status.CONFIRMED or registration.anonymised_at:
                continue
            if registration.attended == attended:
                continue
            rules.set_attendance(registration, attended)
            AttendanceLog.objects.create(
                registration=registration,
                attended=attended,
                method=method,
                marked_by=marked_by if marked_by and marked_by.is_authenticated else None,
                marked_at=timezone.now(),
            )
            changed += 1
    return changed


def last_check_in(registration):
    return registration.attendance_logs.filter(attended=True).order_by("-marked_at").first()
