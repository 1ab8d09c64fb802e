from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners and MoUs")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import PartnerOrganisation
        from .purges import purge_footer_partners

        post_save.connect(purge_footer_partners, sender=PartnerOrganisation, dispatch_uid="footer-partners-save")
        post_delete.connect(purge_footer_partners, sender=PartnerOrganisation, dispatch_uid="footer-partners-delete")
