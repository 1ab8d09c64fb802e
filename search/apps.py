from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from .models import SynonymGroup
        from .results import promotions_changed
        from .synonyms import synonyms_changed

        post_save.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search_synonyms_saved")
        post_delete.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search_synonyms_deleted")
        post_save.connect(promotions_changed, sender=SearchPromotion, dispatch_uid="search_promotions_saved")
        post_delete.connect(promotions_changed, sender=SearchPromotion, dispatch_uid="search_promotions_deleted")
