"""The coordinators' admin for attendance: certificates (listed, downloaded, revoked), one participant's history,
and participation by organisation and by country."""

import csv
import io

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from openpyxl import Workbook
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from forum_site.permissions import ChangeOnlyPermissionPolicy
from programs.coordinators import neutralise_formula
from programs.countries import COUNTRY_NAMES
from programs.models import EventPage, Registration

from .certificates import revoke, verification_url
from .charts import bar_chart_svg
from .models import Certificate
from .pdf import build_certificate_pdf
from .permissions import can_revoke_certificates, can_view_registrations

# Certificates are issued from the registrations and never deleted (a revoked one stays, for the record).
certificate_permission_policy = ChangeOnlyPermissionPolicy(Certificate)


class CertificateFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        label=_("course or workshop"),
        field_name="registration__event",
        queryset=EventPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-start_at"),
    )
    revoked = django_filters.BooleanFilter(
        label=_("revoked"), field_name="revoked_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Certificate
        fields = ["event", "revoked"]


class CertificateIndexView(IndexView):
    def get_edit_url(self, instance):
        return None  # a certificate changes only by being revoked

    def get_base_queryset(self):
        return super().get_base_queryset()

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListingButton(
                _("Download PDF"),
                url=reverse("attendance_certificate:pdf", args=[instance.pk]),
                icon_name="download",
                priority=10,
            )
        )
        if instance.is_valid and can_revoke_certificates(self.request.user):
            buttons.append(
                ListingButton(
                    _("Revoke"), url=reverse("attendance_certificate:revoke", args=[instance.pk]), icon_name="cross"
                )
            )
        return buttons


class CertificateInspectView(InspectView):
    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None


class CertificateEditView(EditView):
    """No editing: the listing's and the inspect page's links lead to the facts, and revoking is its own form."""

    def dispatch(self, request, pk, *args, **kwargs):
        return redirect("attendance_certificate:inspect", pk)


def certificate_pdf_view(request, pk):
    if not certificate_permission_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    certificate = get_object_or_404(Certificate, pk=pk)
    response = HttpResponse(build_certificate_pdf(certificate, verification_url(certificate)), "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.number}.pdf"'
    return response


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Kept with the certificate for the coordinators; the public page only says it was revoked."),
    )


class RevokeView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "attendance/admin/revoke.html"
    header_icon = "cross"
    page_title = _("Revoke a certificate")

    def dispatch(self, request, pk):
        if not can_revoke_certificates(request.user):
            raise PermissionDenied
        self.certificate = get_object_or_404(Certificate, pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(certificate=self.certificate, form=kwargs.get("form") or RevokeForm())
        return context

    def post(self, request, pk):
        form = RevokeForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if revoke(self.certificate, form.cleaned_data["reason"], revoked_by=request.user):
            messages.success(request, _("Certificate %(number)s revoked.") % {"number": self.certificate.number})
        else:
            messages.warning(
                request, _("Certificate %(number)s was already revoked.") % {"number": self.certificate.number}
            )
        return redirect("attendance_certificate:index")


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 251
    add_to_admin_menu = True
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    edit_view_class = CertificateEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["revocation_reason"]
    permission_policy = certificate_permission_policy
    filterset_class = CertificateFilterSet
    search_fields = ["number", "name_arabic", "name_latin", "course_title_arabic", "course_title_english"]
    list_display = [
        "number",
        Column("name_latin", label=_("full name in Latin script")),
        Column("name_arabic", label=_("full name in Arabic script")),
        Column("course_title_arabic", label=_("course or workshop")),
        Column("hours", label=_("hours")),
        DateColumn("issued_at", label=_("issued at")),
        BooleanColumn("is_valid", label=_("valid")),
    ]
    inspect_view_fields = [
        "number",
        "name_arabic",
        "name_latin",
        "registration",
        "course_title_arabic",
        "course_title_english",
        "course_starts_at",
        "course_ends_at",
        "hours",
        "signatory_name_arabic",
        "signatory_title_arabic",
        "signatory_name_latin",
        "signatory_title_english",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revocation_reason",
        "revoked_by",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/pdf/", certificate_pdf_view, name="pdf"),
            path("<int:pk>/revoke/", RevokeView.as_view(), name="revoke"),
        ]


certificate_viewset = CertificateViewSet("attendance_certificate")


# One participant's history ----------------------------------------------------------------------------------


class ParticipantSearchForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254)


class ParticipantHistoryView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "attendance/admin/participant.html"
    header_icon = "user"
    page_title = _("Participant history")

    def dispatch(self, request, *args, **kwargs):
        if not can_view_registrations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ParticipantSearchForm(self.request.GET or None)
        context["form"] = form
        if form.is_valid():
            registrations = list(
                Registration.objects.filter(email__iexact=form.cleaned_data["email"].strip())
                .select_related("event")
                .prefetch_related("certificates")
                .order_by("-event__start_at", "-created_at")
            )
            context.update(
                registrations=registrations,
                attended_count=sum(1 for registration in registrations if registration.attended),
                certificate_count=sum(
                    1
                    for registration in registrations
                    for certificate in registration.certificates.all()
                    if certificate.is_valid
                ),
            )
        return context


# Participation by organisation and by country ---------------------------------------------------------------


def participation(group_by, registrations=None):
    """Rows of {key, confirmed, attended, certified} per organisation or country, most attended first.

    Organisations are grouped however they were typed in case (the form is free text).
    """
    registrations = registrations if registrations is not None else Registration.objects.all()
    valid = Certificate.objects.filter(registration=OuterRef("pk"), revoked_at__isnull=True)
    rows = (
        registrations.filter(anonymised_at__isnull=True)
        .exclude(status=Registration.Status.CANCELLED)
        .annotate(certified=Exists(valid))
        .values(group_by)
        .annotate(
            confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
            attended=Count("pk", filter=Q(attended=True)),
            certificates=Count("pk", filter=Q(certified=True)),
        )
        .order_by("-attended", "-confirmed", group_by)
    )
    result = []
    for row in rows:
        key = row[group_by]
        label = str(COUNTRY_NAMES.get(key, key)) if group_by == "country" else key
        result.append({"label": label, **{k: row[k] for k in ("confirmed", "attended", "certificates")}})
    return result


class ParticipationFilterForm(forms.Form):
    event = forms.ModelChoiceField(
        label=_("course or workshop"),
        required=False,
        queryset=EventPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-start_at"),
    )
    year = forms.IntegerField(label=_("year"), required=False, min_value=2000, max_value=2100)


def _filtered_registrations(form):
    registrations = Registration.objects.all()
    if form.is_valid():
        if form.cleaned_data["event"]:
            registrations = registrations.filter(event=form.cleaned_data["event"])
        if form.cleaned_data["year"]:
            registrations = registrations.filter(event__start_at__year=form.cleaned_data["year"])
    return registrations


class ParticipationView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "attendance/admin/participation.html"
    header_icon = "table"
    page_title = _("Participation")

    def dispatch(self, request, *args, **kwargs):
        if not can_view_registrations(request.user):
            raise PermissionDenied
        export = request.GET.get("export")
        by = request.GET.get("by")
        if export in ("csv", "xlsx") and by in ("organisation", "country"):
            form = ParticipationFilterForm(request.GET)
            rows = participation(by, _filtered_registrations(form))
            return participation_download(rows, by, export)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ParticipationFilterForm(self.request.GET or None)
        registrations = _filtered_registrations(form)
        by_organisation = participation("organisation", registrations)
        by_country = participation("country", registrations)
        query = self.request.GET.copy()
        query.pop("export", None)
        query.pop("by", None)
        context.update(
            form=form,
            by_organisation=by_organisation,
            by_country=by_country,
            country_chart=bar_chart_svg(
                [(row["label"], row["attended"]) for row in by_country[:12]],
                title=_("Attendees by country"),
                chart_id="chart-country",
            ),
            organisation_chart=bar_chart_svg(
                [(row["label"], row["attended"]) for row in by_organisation[:12]],
                title=_("Attendees by organisation (the twelve largest)"),
                chart_id="chart-organisation",
            ),
            query=query.urlencode(),
        )
        return context


def participation_download(rows, by, export_format):
    headings = [
        str(_("organisation or municipality") if by == "organisation" else _("country")),
        str(_("Confirmed registrations")),
        str(_("Attended")),
        str(_("Valid certificates")),
    ]
    table = [[row["label"], row["confirmed"], row["attended"], row["certificates"]] for row in rows]
    filename = f"participation-by-{by}"
    if export_format == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")  # Excel reads the UTF-8 file as UTF-8, Arabic included
        writer = csv.writer(buffer)
        writer.writerow(headings)
        for line in table:
            writer.writerow([neutralise_formula(cell) for cell in line])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Participation"))[:31])
    sheet.sheet_view.rightToLeft = get_language_bidi()
    sheet.append(headings)
    for line in table:
        # Written as text, never as a formula; neutralised too, for whoever copies the cell to a CSV later.
        sheet.append([neutralise_formula(cell) for cell in line])
    output = io.BytesIO()
    workbook.save(output)
    response = StreamingHttpResponse(
        [output.getvalue()], content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
