from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _seats_changed(sender, instance, raw=False, origin=None, **kwargs):
    """A registration made, cancelled or promoted changes the seats every listing of its event shows."""
    from forum_site.invalidation import purge_what_shows

    # Deleted with its event (origin: the page), the event's own deletion purges what showed it.
    if raw or origin is not None and getattr(origin, "model", type(origin)) is not sender:
        return
    purge_what_shows(instance.event)


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs and training")

    def ready(self):
        post_save.connect(_seats_changed, sender="programs.Registration", dispatch_uid="programs_seats_saved")
        post_delete.connect(_seats_changed, sender="programs.Registration", dispatch_uid="programs_seats_deleted")
