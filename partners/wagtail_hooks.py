from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import PartnerOrganisation
from .sections import partners_section

register_snippet(PartnerOrganisation)
hooks.register("home_page_sections", partners_section, order=30)
