from django import template

from partners.monograms import monogram_svg

register = template.Library()


@register.simple_tag
def partner_monogram(organisation, size=64):
    return monogram_svg(organisation.name, size)
