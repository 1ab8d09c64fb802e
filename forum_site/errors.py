"""The pages for a server error (500) and for a database that cannot be reached (503).

Both render without the database (no context processors, no Wagtail settings or menus), in the visitor's
language: the one in the URL's prefix, else the browser's. Django calls the handler inside the `except` block
that caught the error, so the error itself tells a database outage from a bug.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

# How long a client is asked to wait before trying again while the database is unreachable.
RETRY_AFTER_SECONDS = 30


def visitor_language(request):
    return translation.get_language_from_path(request.path_info) or translation.get_language_from_request(
        request, check_path=False
    )


def errors_are_reported():
    """True when an error reaches someone: mailed to ADMINS, or sent to Sentry."""
    return bool(settings.ADMINS or settings.SENTRY_DSN)


def _render(request, template_name, status, context=None):
    language = visitor_language(request)
    with translation.override(language):
        html = loader.get_template(template_name).render({"LANGUAGE_CODE": language, **(context or {})})
    return HttpResponse(html, status=status)


@requires_csrf_token
def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = _render(request, "503.html", 503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = _render(request, template_name, 500, {"reported": errors_are_reported()})
    response["Cache-Control"] = "no-store"
    return response
