from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished

        from .harvest import on_page_change, on_restriction_change
        from .models import PublicationPage

        page_published.connect(on_page_change, sender=PublicationPage, dispatch_uid="harvest-on-publish")
        page_unpublished.connect(on_page_change, sender=PublicationPage, dispatch_uid="harvest-on-unpublish")
        post_delete.connect(on_page_change, sender=PublicationPage, dispatch_uid="harvest-on-delete")
        for signal in (post_save, post_delete):
            signal.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid=f"harvest-on-{signal}")
