from django.template.loader import render_to_string
from django.utils import timezone
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import MoUPage, MoUStatus, PartnerOrganisation, PartnersPage, mou_status_filter

register_snippet(PartnerOrganisation)


@hooks.register("home_page_sections", order=30)
def partners_section(home_page, request):
    partners_page = PartnersPage.objects.live().child_of(home_page).first()
    if partners_page is None:
        return ""
    organisations = list(
        PartnerOrganisation.objects.filter(locale_id=home_page.locale_id).exclude(logo=None).select_related("logo")[:12]
    )
    active_mous = list(
        MoUPage.objects.live()
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
