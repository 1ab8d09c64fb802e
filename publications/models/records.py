from django.db import models
from django.utils.translation import gettext_lazy as _


class HarvestRecord(models.Model):
    """What the OAI-PMH endpoint says of one publication (all its translations together).

    Kept when the publication is unpublished or deleted, so that harvesters learn of the deletion
    (OAI-PMH's deletedRecord "persistent"). Its datestamp moves on each publish, unpublish or delete.
    """

    translation_key = models.UUIDField(_("translation key"), unique=True)
    datestamp = models.DateTimeField(_("datestamp"))
    deleted = models.BooleanField(_("deleted"), default=False)
    # Space-delimited, with a space at both ends, so one `contains` finds a set on SQLite and PostgreSQL alike.
    set_specs = models.TextField(_("sets"), blank=True)

    class Meta:
        verbose_name = _("harvest record")
        verbose_name_plural = _("harvest records")
        indexes = [models.Index(fields=["datestamp", "id"], name="harvest_record_datestamp")]

    def __str__(self):
        return str(self.translation_key)
