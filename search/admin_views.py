"""The editors' side of search: synonym groups (a snippet) and the report of queries that found nothing."""

from urllib.parse import urlencode

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_filters import ModelChoiceFilter
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from search.models import SynonymGroup, ZeroResultQuery


class SynonymGroupCreateView(CreateView):
    def get_initial_form_instance(self):
        # The report's "Add a synonym" link starts a group with the query that found nothing.
        instance = super().get_initial_form_instance() or self.model()
        if self.locale and not instance.locale_id:
            instance.locale = self.locale
        instance.terms = self.request.GET.get("terms", "")[:200]
        return instance


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    add_view_class = SynonymGroupCreateView
    list_display = ["__str__", "locale"]
    search_fields = ["terms", "also_finds"]


class ZeroResultQueryFilterSet(WagtailFilterSet):
    locale = ModelChoiceFilter(label=_("Language"), queryset=Locale.objects.all())

    class Meta:
        model = ZeroResultQuery
        fields = ["locale"]


class ActionsColumn(BaseColumn):
    cell_template_name = "search/admin/zero_result_actions.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        query = instance.query
        context["synonym_url"] = (
            reverse(SynonymGroupViewSet().get_url_name("add"))
            + "?"
            + urlencode({"locale": instance.locale.language_code, "terms": query.query_string})
        )
        context["promotion_url"] = reverse("wagtailsearchpromotions:edit", args=[query.pk])
        return context


class ZeroResultQueriesReportView(ReportView):
    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "search_zero_result_queries"
    index_results_url_name = "search_zero_result_queries_results"
    filterset_class = ZeroResultQueryFilterSet
    is_searchable = True
    search_fields = ["query__query_string"]
    default_ordering = "-searches"
    columns = [
        Column("query", label=_("Query"), accessor="query.query_string", sort_key="query__query_string"),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        NumberColumn("searches", label=_("Searches"), sort_key="searches"),
        DateColumn("last_searched_at", label=_("Last searched"), sort_key="last_searched_at"),
        ActionsColumn("actions", label=_("Answer it")),
    ]
    list_export = ["query.query_string", "locale.language_code", "searches", "last_searched_at"]
    export_headings = {
        "query.query_string": _("Query"),
        "locale.language_code": _("Language"),
        "searches": _("Searches"),
        "last_searched_at": _("Last searched"),
    }

    def get_base_queryset(self):
        return ZeroResultQuery.objects.select_related("query", "locale").order_by(F("searches").desc(), "pk")

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.select_related("query", "locale")

    def dispatch(self, request, *args, **kwargs):
        if not can_answer_searches(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def can_answer_searches(user):
    """Who sees the report: editors who may add a synonym group or a promoted result, its two answers."""
    return user.has_perm("search.add_synonymgroup") or user.has_perm("wagtailsearchpromotions.add_searchpromotion")
