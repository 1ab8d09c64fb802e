from django.template.loader import render_to_string
from django.utils import timezone

from forum_site.localize import public_pages
from forum_site.pagecache import cached_fragment

from .models import MoUPage, PartnerOrganisation, PartnersPage
from .terms import MoUStatus, mou_status_filter


def partners_section(home_page, request):
    """The home page's partners (logos, or monograms) and the latest MoUs in force ("" if none)."""
    partners_page = home_page.section_index(PartnersPage)
    if partners_page is None:
        return ""

    def render():
        organisations = list(
            # Those without a logo show a monogram (partners/monograms.py).
            PartnerOrganisation.objects.filter(locale_id=home_page.locale_id).select_related("logo")[:12]
        )
        active_mous = list(
            public_pages(MoUPage, home_page.locale_id)
            .child_of(partners_page)
            .filter(mou_status_filter(MoUStatus.ACTIVE, timezone.localdate()))
            .order_by("-signed_on")[:3]
        )
        if not organisations and not active_mous:
            return ""
        return render_to_string(
            "partners/home_section.html",
            {"partners_page": partners_page, "organisations": organisations, "mous": active_mous},
            request=request,
        )

    # Partner organisations and MoUs purge the partners page when edited: the section is kept until then.
    return cached_fragment("home-partners", partners_page.get_url(request), render)
