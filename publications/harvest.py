"""The harvest records behind the OAI-PMH endpoint: one per publication, kept up to date as pages change.

A record is refreshed whenever a translation of its publication is published, unpublished or deleted;
a publication with no live translation left stays listed as deleted, for ever.
"""

import re

from django.utils import timezone

from forum_site.localize import public_pages
from forum_site.privacy import forget_restrictions

from .editions import original_of
from .models import HarvestRecord, PublicationPage

# OAI-PMH's setSpec pattern: a topic whose slug does not fit it (an Arabic slug) is named by its key instead.
SET_SPEC_PART = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")
SET_SPEC = re.compile(rf"{SET_SPEC_PART.pattern}(:{SET_SPEC_PART.pattern})*")


def topic_set_spec(topic):
    slug = topic.slug if SET_SPEC_PART.fullmatch(topic.slug or "") else topic.translation_key.hex
    return f"topic:{slug}"


def set_specs_of(page):
    return [f"type:{page.publication_type}", *sorted(topic_set_spec(topic) for topic in page.topics.all())]


def refresh_record(translation_key, when=None):
    """Bring the publication's harvest record in line with its live translations, with a new datestamp."""
    live = list(
        public_pages(PublicationPage, locale=None)
        .filter(translation_key=translation_key)
        .select_related("locale")
        .order_by("pk")
    )
    values = {"datestamp": when or timezone.now(), "deleted": not live}
    if live:
        values["set_specs"] = " " + " ".join(set_specs_of(original_of(live))) + " "
    HarvestRecord.objects.update_or_create(translation_key=translation_key, defaults=values)


def on_page_change(sender, instance, **kwargs):
    refresh_record(instance.translation_key)


def on_restriction_change(sender, instance, **kwargs):
    """A login or password put on a page (or taken off) changes what may be harvested below it: nothing is
    published, so the records are refreshed here. The cached list of restricted sections may not have been
    forgotten yet (receivers run in app order), so it is forgotten first."""
    forget_restrictions()
    below = PublicationPage.objects.filter(path__startswith=instance.page.path)
    for translation_key in below.values_list("translation_key", flat=True).distinct():
        refresh_record(translation_key)
