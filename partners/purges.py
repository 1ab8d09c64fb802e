"""Which pages show a partner or an MoU link, so that editing it purges them from the page cache."""

from django.db import transaction

from forum_site import pagecache
from home.models import HomePage

from .models import MoUPage, PartnerOrganisation, PartnersPage


def pages_showing_mous_and_partners(obj):
    """An MoU page lists what was delivered under it; the partners page and the home page list partners."""
    if isinstance(obj, PartnerOrganisation):
        return [
            *PartnersPage.objects.filter(locale_id=obj.locale_id),
            *HomePage.objects.filter(locale_id=obj.locale_id),
        ]
    mou_id = getattr(obj, "mou_id", None)
    if mou_id is None:
        return []
    mou = MoUPage.objects.filter(pk=mou_id).only("translation_key").first()
    return list(MoUPage.objects.filter(translation_key=mou.translation_key)) if mou else []


def purge_footer_partners(sender, instance, **kwargs):
    """Every page's footer names the partner organisations of its language: a change purges that language."""
    # Now, for the rest of this transaction's request, and again after the commit (forum_site/invalidation.py).
    language_code = instance.locale.language_code
    pagecache.purge_language(language_code)
    transaction.on_commit(lambda: pagecache.purge_language(language_code))
