from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class Venue(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100, blank=True)
    address = models.TextField(_("address"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("city"), FieldPanel("country"), FieldPanel("address")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["city", "name"]

    def __str__(self):
        return f"{self.name} ({self.city})"


class Trainer(TranslatableMixin, models.Model):
    """A trainer or speaker of courses and workshops."""

    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Job title and organisation."))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("biography"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("photo"), FieldPanel("bio")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("trainer or speaker")
        verbose_name_plural = _("trainers and speakers")
        ordering = ["name"]

    def __str__(self):
        return self.name
