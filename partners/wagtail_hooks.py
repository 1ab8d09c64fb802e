from wagtail.snippets.models import register_snippet

from .models import PartnerOrganisation

register_snippet(PartnerOrganisation)
