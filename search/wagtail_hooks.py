from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .admin_views import SynonymGroupViewSet, ZeroResultQueriesReportView, can_answer_searches

register_snippet(SynonymGroupViewSet)


@hooks.register("register_admin_urls")
def register_zero_result_report_urls():
    return [
        path(
            "reports/searches-without-results/",
            ZeroResultQueriesReportView.as_view(),
            name="search_zero_result_queries",
        ),
        path(
            "reports/searches-without-results/results/",
            ZeroResultQueriesReportView.as_view(results_only=True),
            name="search_zero_result_queries_results",
        ),
    ]


class ZeroResultReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_answer_searches(request.user)


@hooks.register("register_reports_menu_item")
def register_zero_result_report_menu_item():
    return ZeroResultReportMenuItem(
        _("Searches without results"),
        reverse("search_zero_result_queries"),
        name="searches-without-results",
        icon_name="search",
        order=1310,
    )
