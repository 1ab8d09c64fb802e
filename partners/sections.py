from django.core.cache import cache
from django.http.request import split_domain_port
from django.template.loader import render_to_string
from django.utils import timezone

from forum_site.localize import locale_of, public_pages
from forum_site.pagecache import cached_fragment, language_tokens

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


FOOTER_PARTNERS = 8


def footer_partners(request, language_code):
    """The footer's partner organisations of a language, linked to the partners page ("" if none).

    Every page shows it: cached under the language's page-cache token, which a partner organisation's save
    renews (partners/purges.py), as the main menu is.
    """
    hostname = split_domain_port(request._get_raw_host())[0]
    tokens = ":".join(language_tokens(language_code))
    key = f"chrome:footer-partners:{tokens}:{hostname}:{request.get_port()}:{language_code}"
    html = cache.get(key)
    if html is None:
        locale = locale_of(language_code)
        organisations = list(PartnerOrganisation.objects.filter(locale=locale).only("name")[:FOOTER_PARTNERS])
        partners_page = public_pages(PartnersPage, locale.pk).first()
        html = ""
        if organisations:
            html = render_to_string(
                "partners/footer_section.html",
                {"organisations": organisations, "partners_page": partners_page},
                request=request,
            )
        cache.set(key, html, timeout=None)
    return html
