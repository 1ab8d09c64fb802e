from django.conf import settings
from django.utils import translation


class AdminDefaultLanguageMiddleware:
    """Show the Wagtail admin in Arabic unless the editor chose otherwise in their account.

    Wagtail falls back to the browser's language (via LocaleMiddleware) when an editor has no
    preference; the forum wants Arabic by default for every editor.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
