"""Lists joined the way the page's language writes them: «أ، ب» on an Arabic page, "A, B" on an English one.

The separator comes from the catalogue (context "list separator"), so it follows the language being rendered,
never the language a template was written in.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

register = template.Library()


def list_separator():
    return pgettext("list separator", ", ")


def join_in_language(values):
    """The non-empty values as text, joined with the active language's list separator."""
    return list_separator().join(str(value) for value in values if value not in (None, ""))


@register.filter(needs_autoescape=True)
def joined(items, attribute="", autoescape=True):
    """`{{ partners|joined:"name" }}`: the items (or that attribute of each) joined in the page's language."""
    escape = conditional_escape if autoescape else str
    values = [getattr(item, attribute) if attribute else item for item in items]
    return mark_safe(list_separator().join(escape(value) for value in values if value not in (None, "")))


@register.simple_tag
def join_values(*values):
    """`{% join_values venue.name venue.city %}`: a few values joined in the page's language (escaped)."""
    return join_in_language(values)
