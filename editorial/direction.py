"""Text direction follows the content's language, not the admin's.

wagtail-localize 1.14's translation editor writes no `lang` or `dir` on its segments (upstream
wagtail-localize#197, open): an Arabic source shows left-to-right and in italics, and the target box follows
the admin's language. Wagtail's page editor does the same with the fields of a page in the other language.
`static/editorial/content-direction.js` fixes both in the browser from the language this module names;
`upstream/wagtail-localize-197.patch` is the fix upstream would need, after which that script can go.
"""

from django.utils.translation import get_language_info


def direction_of(language_code):
    """The direction ("rtl" or "ltr") of a content language code ("ar", "en", "ar-jo")."""
    try:
        return "rtl" if get_language_info(language_code)["bidi"] else "ltr"
    except KeyError:
        return direction_of(language_code.split("-")[0]) if "-" in language_code else "ltr"
