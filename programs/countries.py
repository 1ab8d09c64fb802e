"""Countries offered on the registration form: the Arab League's members first, then the others we meet."""

from django.utils.translation import gettext_lazy as _

ARAB_LEAGUE_MEMBERS = [
    ("JO", _("Jordan")),
    ("AE", _("United Arab Emirates")),
    ("BH", _("Bahrain")),
    ("TN", _("Tunisia")),
    ("DZ", _("Algeria")),
    ("DJ", _("Djibouti")),
    ("SA", _("Saudi Arabia")),
    ("SD", _("Sudan")),
    ("SY", _("Syria")),
    ("SO", _("Somalia")),
    ("IQ", _("Iraq")),
    ("OM", _("Oman")),
    ("PS", _("Palestine")),
    ("QA", _("Qatar")),
    ("KM", _("Comoros")),
    ("KW", _("Kuwait")),
    ("LB", _("Lebanon")),
    ("LY", _("Libya")),
    ("EG", _("Egypt")),
    ("MA", _("Morocco")),
    ("MR", _("Mauritania")),
    ("YE", _("Yemen")),
]

OTHER_COUNTRIES = [
    ("CN", _("China")),
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("IR", _("Iran")),
    ("MY", _("Malaysia")),
    ("PK", _("Pakistan")),
    ("ES", _("Spain")),
    ("TR", _("Turkey")),
    ("GB", _("United Kingdom")),
    ("US", _("United States")),
    ("ZZ", _("Other country")),
]

COUNTRY_CHOICES = [
    (_("Arab League members"), ARAB_LEAGUE_MEMBERS),
    (_("Other countries"), OTHER_COUNTRIES),
]

COUNTRY_NAMES = dict(ARAB_LEAGUE_MEMBERS + OTHER_COUNTRIES)
