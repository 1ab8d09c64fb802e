"""Hero and lead images: where each kind of image appears (its crop, widths and `sizes`), how it is rendered as a
<picture> in AVIF and WebP with a JPEG fallback, and the rule that a chosen image has alt text.

Alt text lives on the page, not on the image: Wagtail's images (and their `description`) are not translated, so
one description would serve both languages. A page field is translated with the page by wagtail-localize, so
the English page carries English alt text and the Arabic page Arabic alt text.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

# The browser takes the first format it supports; the last is the <img> every browser can show.
FORMATS = ("avif", "webp", "jpeg")
# A <picture> is kept as long as Wagtail keeps a rendition in its cache.
PICTURE_CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class ImageSlot:
    """One place an image is shown: cropped to `ratio` around the image's focal point, at `widths` pixels."""

    ratio: tuple[int, int]
    widths: tuple[int, ...]
    sizes: str

    def specs(self):
        ratio_w, ratio_h = self.ratio
        return [
            f"fill-{width}x{round(width * ratio_h / ratio_w)}|format-{image_format}"
            for image_format in FORMATS
            for width in self.widths
        ]


SLOTS = {
    # The home page's hero: beside the text on wide screens, under it on phones.
    "hero": ImageSlot((3, 2), (480, 800, 1200), "(min-width: 48rem) min(34rem, 48vw), calc(100vw - 2rem)"),
    # A page's lead image (program, course, workshop, news item), within the reading measure.
    "lead": ImageSlot((16, 9), (480, 800, 1200), "(min-width: 50rem) 48rem, calc(100vw - 2rem)"),
    # A listing's card.
    "card": ImageSlot(
        (16, 9),
        (320, 640),
        "(min-width: 72rem) 17rem, (min-width: 54rem) 30vw, (min-width: 36rem) 45vw, calc(100vw - 2rem)",
    ),
}


def picture(image, slot, alt="", css_class="", priority="lazy"):
    """The <picture> of `image` in `slot` ("" without an image).

    `priority`: "high" for the image that is the page's largest paint (fetched first), "eager" for one near the
    top, "lazy" for one below the fold (fetched when scrolled near).
    """
    if not image:
        return ""
    # Kept in the cache under everything the HTML depends on (the image's file, size and focal point, the slot,
    # the attributes): an edit of the image makes a new key. Looking up its nine renditions took a tenth of a
    # course page's render.
    focal_point = (image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height)
    made_of = (image.pk, image.file.name, image.width, image.height, focal_point, slot, alt, css_class, priority)
    key = "picture:" + hashlib.sha256(repr(made_of).encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        shown = SLOTS[slot]
        attrs = {"alt": alt, "sizes": shown.sizes, "decoding": "async"}
        if css_class:
            attrs["class"] = css_class
        if priority == "high":
            attrs["fetchpriority"] = "high"
        elif priority == "lazy":
            attrs["loading"] = "lazy"
        renditions = get_renditions_or_not_found(image, shown.specs())
        html = Picture(renditions, attrs).__html__()
        # An image whose file could not be read shows as broken: not kept, so that it shows once the file is back.
        if all(rendition.file.name != "not-found" for rendition in renditions.values()):
            cache.set(key, html, PICTURE_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - Wagtail's own HTML, its attributes escaped


def make_renditions(image, *slot_names):
    """Make the renditions `slot_names` show now (the demo loader), so the first visitor doesn't wait for them."""
    for name in slot_names or SLOTS:
        image.get_renditions(*SLOTS[name].specs())


def image_field(verbose_name):
    """A page's optional image (hero or lead): the page keeps its text if the image is deleted."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Cropped around its focal point: set it on the image."),
    )


def alt_text_field(verbose_name):
    """The alt text of a page's image, translated with the page; `ImageAltTextMixin` requires it with an image."""
    return models.CharField(
        verbose_name,
        max_length=250,
        blank=True,
        help_text=_("Alt text, required with an image: what the image shows, for visitors who cannot see it."),
    )


class ImageAltTextMixin:
    """Pages whose images need alt text when chosen: `image_alt_fields` maps each image field to its alt field.

    Checked with the fields (not in `clean()`), so a page's own `clean()` still runs and reports its errors too.
    """

    image_alt_fields = {}

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for image_field, alt_field in self.image_alt_fields.items():
            if exclude and alt_field in exclude:
                continue
            if getattr(self, f"{image_field}_id") and not getattr(self, alt_field).strip():
                errors.setdefault(alt_field, []).append(
                    ValidationError(_("Describe the image for visitors who cannot see it, in this page's language."))
                )
        if errors:
            raise ValidationError(errors)
