from django.urls import reverse
from wagtail.admin.panels import Panel


class SeatsPanel(Panel):
    """Seats taken, capacity and waitlist on the course's edit page; the link to names only for coordinators."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "programs/admin/seats_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = self.instance
            if event is None or not event.pk:
                context["counts"] = None
                return context
            confirmed, waitlisted = event.seat_counts()
            url = ""
            if self.request and self.request.user.has_perm("programs.view_registration"):
                url = reverse("programs_registration:index") + f"?event={event.source_event.pk}"
            context["counts"] = {"confirmed": confirmed, "waitlisted": waitlisted, "registrations_url": url}
            context["quotas"] = event.quota_usage()
            context["event"] = event
            return context
