"""The coordinators' check-in page (phone-sized) and the public verification of certificates."""

from types import SimpleNamespace

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from forum_site.headers import PERMISSIONS_POLICY
from forum_site.localize import in_language

from .certificates import verification_url
from .checkin import last_check_in, mark_attendance
from .codes import normalise_code, registration_from_code
from .models import AttendanceLog, Certificate, normalise_certificate_number
from .pdf import build_certificate_pdf
from .permissions import can_check_in


def _lookup(code_text):
    """(registration or None, outcome) for a code: 'unknown', 'cancelled', 'waitlisted', 'anonymised' or 'ok'."""
    registration = registration_from_code(code_text)
    if registration is None:
        return None, "unknown"
    if registration.anonymised_at:
        return registration, "anonymised"
    if registration.status != registration.Status.CONFIRMED:
        return registration, registration.status
    return registration, "ok"


@never_cache
@require_http_methods(["GET", "POST"])
def check_in(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
    if not can_check_in(request.user):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    code_text = source.get("code", "")[:500]
    context = {"code": normalise_code(code_text)}
    status = 200
    if code_text.strip():
        registration, outcome = _lookup(code_text)
        context.update(registration=registration, outcome=outcome)
        if registration is not None:
            event = in_language(registration.event, get_language())
            context.update(event=event, name=registration.name_in(get_language()))
        if outcome == "ok":
            previous = last_check_in(registration) if registration.attended else None
            if request.method == "POST":
                scanned = request.POST.get("method") == AttendanceLog.Method.SCANNED
                method = AttendanceLog.Method.SCANNED if scanned else AttendanceLog.Method.TYPED
                if mark_attendance([registration], True, method=method, marked_by=request.user):
                    context["outcome"] = "checked_in"
                else:
                    context.update(outcome="already", previous=previous)
            elif registration.attended:
                context.update(outcome="already", previous=previous)
            else:
                context["outcome"] = "confirm"
        else:
            status = 404 if outcome == "unknown" else 409
    elif request.method == "POST":
        context["outcome"] = "empty"
        status = 400
    response = render(request, "attendance/check_in.html", context, status=status)
    # The one page that uses the camera (to scan QR codes): the site's policy forbids it everywhere else.
    response["Permissions-Policy"] = PERMISSIONS_POLICY.replace("camera=()", "camera=(self)")
    return response


def _certificate(number):
    normalised = normalise_certificate_number(number)
    if not normalised:
        return None
    return Certificate.objects.filter(number=normalised).first()


@require_http_methods(["GET"])
def verify_form(request):
    """A number typed in: the verification page of that number, or the form again with an error."""
    number = request.GET.get("number", "")
    if number:
        normalised = normalise_certificate_number(number)
        if normalised:
            return redirect("attendance:verify", normalised)
        context = {"error": True, "number": number[:100]}
        return render(request, "attendance/verify_form.html", context, status=400)
    return render(request, "attendance/verify_form.html")


@never_cache
@require_http_methods(["GET", "HEAD"])
def verify(request, number):
    certificate = _certificate(number)
    if certificate is None:
        context = {"number": number[:100]}
        return render(request, "attendance/verify.html", context, status=404)
    if certificate.number != number:
        return redirect("attendance:verify", certificate.number)
    context = {
        "certificate": certificate,
        "title": certificate.course_title_in(get_language()),
        # What programs' dates include reads from an event: the course's dates as the certificate gives them.
        "dates": SimpleNamespace(start_at=certificate.course_starts_at, end_at=certificate.course_ends_at),
        "name": certificate.name_in(get_language()),
        "other_name": certificate.name_in("en" if get_language() == "ar" else "ar"),
    }
    return render(request, "attendance/verify.html", context)


@never_cache
@require_http_methods(["GET", "HEAD"])
def certificate_pdf(request, number):
    certificate = _certificate(number)
    if certificate is None or not certificate.is_valid:
        raise Http404
    response = HttpResponse(build_certificate_pdf(certificate, verification_url(certificate)), "application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.number}.pdf"'
    return response
