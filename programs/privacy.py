"""Personal data of registrants: kept while it serves the registration, then anonymised."""

from datetime import timedelta

from django.utils import timezone

from .models import Registration, RegistrationEmail


def anonymise_registrations(months, now=None):
    """Strip personal data from registrations of events that ended more than `months` months ago."""
    cutoff = (now or timezone.now()) - timedelta(days=round(months * 30.44))
    old = Registration.objects.filter(event__end_at__lt=cutoff, anonymised_at__isnull=True)
    count = 0
    for registration in old.only("pk"):
        Registration.objects.filter(pk=registration.pk).update(
            name_arabic="",
            name_latin="",
            email=f"anonymised-{registration.pk}@invalid",
            phone="",
            city="",
            organisation="",
            job_title="",
            approver_email="",
            anonymised_at=timezone.now(),
        )
        count += 1
    RegistrationEmail.objects.filter(registration__anonymised_at__isnull=False).update(last_error="", recipient="")
    return count
