"""Accounts whose logins are paused after failed passwords, and unlocking them.

django-axes counts failed logins per account and per address
(``AXES_FAILURE_LIMIT`` in the settings); these are what the managers' page
lists and clears.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet

from axes.models import AccessAttempt
from axes.utils import reset


def locked_out() -> QuerySet[AccessAttempt]:
    """The failed-login records that currently lock an account or an address."""
    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).order_by("-attempt_time")


@transaction.atomic
def unlock(*, attempt: AccessAttempt) -> int:
    """Clear the failures of that account and of that address; return how many."""
    cleared = 0
    if attempt.username:
        cleared += reset(username=attempt.username)
    if attempt.ip_address:
        cleared += reset(ip=attempt.ip_address)
    return cleared
