from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import PartnerOrganisation
from .purges import pages_showing_mous_and_partners
from .sections import footer_partners, partners_section

register_snippet(PartnerOrganisation)
hooks.register("home_page_sections", partners_section, order=30)
hooks.register("pages_showing", pages_showing_mous_and_partners)
hooks.register("footer_sections", footer_partners)
