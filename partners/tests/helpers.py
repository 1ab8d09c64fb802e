import datetime

from forum_site.localize import translate
from partners.models import MoUPage, MoUParty, MoUSignatory, PartnerOrganisation, PartnersPage


def partners_page(home):
    page = PartnersPage(title="الشركاء", slug="partners")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def organisation(locale, name, kind=PartnerOrganisation.Kind.MUNICIPALITY, country="الأردن", english=None):
    org = PartnerOrganisation.objects.create(locale=locale, name=name, kind=kind, country=country)
    if english:
        translate(org, {name: english[0], country: english[1]})
    return org


def mou(parent, title, parties=(), term_start=None, term_end=None, signed_on=datetime.date(2026, 1, 21), **fields):
    page = MoUPage(
        title=title,
        slug=fields.pop("slug", None) or f"mou-{MoUPage.objects.count() + 1}",
        signed_on=signed_on,
        term_start=term_start,
        term_end=term_end,
        **fields,
    )
    page.parties = [MoUParty(party=party, locale=parent.locale) for party in parties]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def signatory(name, title, party, locale):
    return MoUSignatory(name=name, title=title, party=party, locale=locale)
