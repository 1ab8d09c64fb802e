from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .coordinators import registration_permission_policy, registration_viewset
from .models import Registration, Trainer, Venue
from .purges import pages_showing_events
from .sections import upcoming_events_section
from .views import register_from_event_page

register_snippet(Venue)
register_snippet(Trainer)
register_permission_policy(Registration, registration_permission_policy)
hooks.register("register_admin_viewset", lambda: registration_viewset)
hooks.register("home_page_sections", upcoming_events_section, order=10)
# A course's registration form is posted to the course's own page, and answered by the registration view.
hooks.register("before_serve_page", register_from_event_page)
hooks.register("pages_showing", pages_showing_events)
