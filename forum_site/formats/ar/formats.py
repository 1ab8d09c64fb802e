# The forum writes numbers in Arabic with Western digits, a decimal point and a comma between thousands, as
# Jordanian institutions do («12.50 دينار»); Django's Arabic formats use a decimal comma («12,50»), which a
# reader here takes for a list. Dates keep Django's Arabic formats.
from django.conf.locale.ar.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
