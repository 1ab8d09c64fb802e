"""Organisations and courses with seat quotas, for the quota tests (and the concurrency test in tests/)."""

from wagtail.models import Locale

from forum_site.localize import translate
from partners.models import PartnerOrganisation
from programs.models import SeatQuota


def make_organisation(name_ar, name_en, country="الأردن"):
    arabic = Locale.objects.get(language_code="ar")
    organisation = PartnerOrganisation.objects.create(
        locale=arabic, name=name_ar, kind=PartnerOrganisation.Kind.MUNICIPALITY, country=country
    )
    translate(organisation, {name_ar: name_en, country: "Jordan"})
    return organisation


def organisation_quota(organisation, seats, focal_point_email=""):
    return SeatQuota(
        kind=SeatQuota.Kind.ORGANISATION, organisation=organisation, seats=seats, focal_point_email=focal_point_email
    )


def country_quota(country, seats):
    return SeatQuota(kind=SeatQuota.Kind.COUNTRY, country=country, seats=seats)


def other_organisations_quota(seats):
    return SeatQuota(kind=SeatQuota.Kind.OTHER_ORGANISATIONS, seats=seats)
