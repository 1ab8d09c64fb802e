from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .terms import MoUStatus, mou_status_filter


class MoURegisterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Partner kind"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, kinds=(), countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(kinds)
        self.fields["country"].choices = everything + [(country, country) for country in countries]
        self.fields["status"].choices = everything + list(MoUStatus.choices)


class MoURegisterFilter:
    """The partners page's register of MoUs, filtered by partner kind, country and status from GET.

    Given the MoUs the public may see and the partner organisations of the page's language.
    """

    def __init__(self, data, mous, organisations):
        self.all_mous = mous
        countries = organisations.exclude(country="").order_by("country").values_list("country", flat=True).distinct()
        kinds = organisations.model._meta.get_field("kind").choices
        self.form = MoURegisterForm(data or None, kinds=kinds, countries=list(countries))
        # An unknown value (a stale or hand-edited link) is ignored rather than answered with an error page.
        self.form.is_valid()
        self.cleaned = getattr(self.form, "cleaned_data", {})

    def mous(self):
        mous = self.all_mous
        if kind := self.cleaned.get("kind"):
            mous = mous.filter(parties__party__kind=kind)
        if country := self.cleaned.get("country"):
            mous = mous.filter(parties__party__country=country)
        if status := self.cleaned.get("status"):
            mous = mous.filter(mou_status_filter(status, timezone.localdate()))
        return mous.distinct().order_by("-signed_on", "title").prefetch_related("parties__party")

    @property
    def is_filtered(self):
        return any(self.cleaned.values())
