"""Login throttling (django-axes) on the admin login and on Wagtail's page-password form.

Failures are counted per account and per address (AXES_LOCKOUT_PARAMETERS, each on its own): guessing one
editor's password from many addresses, or many editors' passwords from one address, both stop at
AXES_FAILURE_LIMIT for AXES_COOLOFF_TIME. The address is read through forum_site.clients.client_ip.

The admin login goes through Django's authenticate(), which axes watches. A page's password is checked by
Wagtail's own view, with no user: each failure is reported to axes as a failed login to the account
"page-password:<restriction id>", so a protected page is throttled like an account, and an address that
guesses passwords of pages is throttled too.
"""

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.contrib.auth.signals import user_login_failed
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from wagtail import views as wagtail_views


class AxesBackend(AxesStandaloneBackend):
    """django-axes' check, skipped when there is no request to throttle: every login over the web has one,
    while the test client's login() and management commands authenticate without (axes would refuse them)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a page in the visitor's language saying what happened and how long to wait."""
    cool_off = get_cool_off(request)
    minutes = max(int(cool_off.total_seconds() // 60), 1) if cool_off else None
    language = translation.get_language()
    html = loader.get_template("throttled.html").render({"LANGUAGE_CODE": language, "minutes": minutes})
    response = HttpResponse(html, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    response["Cache-Control"] = "no-store, private"
    return response


def _credentials(page_view_restriction_id):
    return {"username": f"page-password:{page_view_restriction_id}"}


@never_cache
def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password view, throttled."""
    credentials = _credentials(page_view_restriction_id)
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return lockout_response(request, None, credentials)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail redirects when the password is right and shows the form again when it is wrong.
    if request.method == "POST" and response.status_code != 302:
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return lockout_response(request, response, credentials)
    return response
