from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks

from forum_site.clients import client_ip
from forum_site.locales import active_locale
from forum_site.localize import in_language, public_pages
from forum_site.pagecache import public_cache

from . import links, rules
from .forms import RegistrationForm
from .ical import event_calendar
from .models import EventPage, ProgramPage, TrainingCalendarPage


def is_rate_limited(request):
    """A fixed window per IP address (forum_site.clients: X-Forwarded-For only behind trusted proxies), counted in
    Django's cache (shared across processes with Redis; per process while Redis is down)."""
    limit, window = settings.PROGRAMS_REGISTRATION_RATE_LIMIT
    key = f"programs:registration-attempts:{client_ip(request)}"
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts > limit


def register_from_event_page(page, request, serve_args, serve_kwargs):
    """A registration form posted to a course's or workshop's page (Wagtail's `before_serve_page` hook).

    Other requests get None, so Wagtail serves the page as usual.
    """
    if request.method != "POST" or not isinstance(page, EventPage):
        return None
    form = RegistrationForm(request.POST, quota_organisations=page.quota_organisations())
    status = 200
    if page.registration_window() != "open":
        status = 409
    elif is_rate_limited(request):
        form.is_valid()
        form.add_error(None, _("Too many attempts from your connection. Please wait a few minutes and try again."))
        status = 429
    elif form.is_valid():
        if form.is_spam:
            # Tell a bot nothing: it sees the page again, and no registration or email is made.
            return redirect(page.url)
        try:
            result = rules.register(page, form.cleaned_data, language=get_language())
        except rules.RegistrationClosed:
            status = 409
        else:
            token = links.status_token(result.registration, result.email)
            return redirect(reverse("programs:registration_status", args=[token]))
    else:
        status = 400
    context = page.get_context(request, *serve_args, **serve_kwargs)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request, *serve_args, **serve_kwargs), context, status=status)


def registration_status(request, token):
    """The page after registering: the same for a new address and one already registered (links.status_token)."""
    try:
        registration, email = links.from_status_token(token)
    except signing.BadSignature:
        return render(request, "programs/link_invalid.html", status=400)
    context = {
        "registration": registration,
        "event": in_language(registration.event, get_language()).specific,
        "email": email,
    }
    return render(request, "programs/registration_status.html", context)


@require_http_methods(["GET", "HEAD"])
def registrant_page(request, token):
    """A registrant's own page, from the link in every email: where the registration stands now, the course,
    the calendar file and cancelling. Read afresh at every request, never stored anywhere: the page cache skips
    its path (forum_site/pagecache.py) and its answers say no-store, private (forum_site/headers.py)."""
    try:
        registration = links.registration_from_registrant_page_token(token)
    except signing.SignatureExpired:
        return render(request, "programs/link_invalid.html", {"expired": True}, status=400)
    except signing.BadSignature:
        return render(request, "programs/link_invalid.html", status=400)
    language = get_language()
    event = in_language(registration.event, language).specific
    can_cancel = registration.is_active and not event.has_ended and not registration.attended
    context = {
        "registration": registration,
        "event": event,
        "name": registration.name_in(language),
        "progress": registration.progress,
        "position": registration.waitlist_position(),
        "cancel_url": reverse("programs:cancel", args=[links.cancel_token(registration)]) if can_cancel else "",
        # Other apps add their sections (attendance: the check-in code, the certificate) as HTML through this hook.
        "extra_sections": [section(request, registration) for section in hooks.get_hooks("registrant_page_sections")],
    }
    return render(request, "programs/registrant_page.html", context)


APPROVAL_DECISIONS = {"approve": rules.approve, "decline": rules.decline}


@require_http_methods(["GET", "POST"])
def approval(request, token, decision):
    """A focal point's link from the approval request: a page to confirm the decision, which a POST carries out
    (a GET changes nothing, so mail scanners that open links decide nothing)."""
    try:
        registration = links.registration_from_approval_token(token)
    except signing.SignatureExpired:
        return render(request, "programs/link_invalid.html", {"expired": True}, status=400)
    except signing.BadSignature:
        return render(request, "programs/link_invalid.html", status=400)
    if decision not in APPROVAL_DECISIONS:
        return render(request, "programs/link_invalid.html", status=400)
    event = in_language(registration.event, get_language()).specific
    context = {"registration": registration, "event": event, "decision": decision}
    if registration.status != registration.Status.AWAITING_APPROVAL:
        return render(request, "programs/approval_done.html", {**context, "already": True})
    if request.method == "POST":
        APPROVAL_DECISIONS[decision](registration)
        return render(request, "programs/approval_done.html", context)
    return render(request, "programs/approval_confirm.html", context)


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    try:
        registration = links.registration_from_cancel_token(token)
    except signing.SignatureExpired:
        return render(request, "programs/link_invalid.html", {"expired": True}, status=400)
    except signing.BadSignature:
        return render(request, "programs/link_invalid.html", status=400)
    event = in_language(registration.event, get_language()).specific
    context = {
        "registration": registration,
        "event": event,
        "name": registration.name_in(get_language()),
        "registrant_page_url": reverse("programs:registrant_page", args=[links.registrant_page_token(registration)]),
    }
    if not registration.is_active:  # cancelled, or declined
        return render(request, "programs/cancel_done.html", {**context, "already": True})
    if event.has_ended:
        return render(request, "programs/link_invalid.html", {**context, "ended": True}, status=400)
    if request.method == "POST":
        rules.cancel_registration(registration)
        return render(request, "programs/cancel_done.html", context)
    return render(request, "programs/cancel_confirm.html", context)


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@public_cache
def event_ics(request, page_id):
    event = public_pages(EventPage, active_locale()).select_related("venue").filter(pk=page_id).first()
    if event is None:
        raise Http404
    return _ics_response(event_calendar([event], name=event.title), f"event-{event.pk}.ics")


def _feed_events(queryset):
    return queryset.select_related("venue").order_by("start_at")


@public_cache
def calendar_feed(request):
    locale = active_locale()
    calendar_page = public_pages(TrainingCalendarPage, locale).first()
    events = _feed_events(public_pages(EventPage, locale))
    name = calendar_page.title if calendar_page else _("Training calendar")
    return _ics_response(event_calendar(events, name=name), "training-calendar.ics")


@public_cache
def program_feed(request, page_id):
    locale = active_locale()
    program = public_pages(ProgramPage, locale).filter(pk=page_id).first()
    if program is None:
        raise Http404
    events = _feed_events(public_pages(EventPage, locale).child_of(program))
    return _ics_response(event_calendar(events, name=program.title), f"program-{program.pk}.ics")
