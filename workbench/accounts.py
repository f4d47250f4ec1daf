"""Logins paused after failed passwords: who the client is, what is locked, unlocking.

django-axes counts failed logins per account and per address
(``AXES_FAILURE_LIMIT`` and ``AXES_COOLOFF_TIME`` in the settings). It keeps
one record per user name, address and browser and adds them up; so does
``locked_out``, over the cool-off period, for the managers' page.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from axes.models import AccessAttempt
from axes.utils import reset


def client_address(request) -> str | None:
    """The client's address: behind ``TRUSTED_PROXIES`` proxies, as they say.

    Each proxy appends the address it saw to ``X-Forwarded-For``, so with N
    trusted proxies the client is the Nth entry from the right; anything to
    its left was written by the client and is not believed.
    """
    trusted = settings.TRUSTED_PROXIES
    if trusted:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= trusted:
            return forwarded[-trusted]
    return request.META.get("REMOTE_ADDR")


@dataclass(frozen=True)
class Lock:
    """An account or an address whose logins are paused."""

    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    last_attempt: datetime


def locked_out() -> list[Lock]:
    """Accounts and addresses whose failures within the cool-off reach the limit."""
    since = timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)
    recent = AccessAttempt.objects.filter(attempt_time__gte=since)
    locks = []
    for kind in ("username", "ip_address"):
        rows = (
            recent.exclude(**{kind: None})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        )
        locks += [Lock(kind, row[kind], row["failures"], row["last"]) for row in rows]
    return sorted(locks, key=lambda lock: lock.last_attempt, reverse=True)


@transaction.atomic
def unlock(*, kind: str, value: str) -> int:
    """Clear the failures of an account or an address; return how many records."""
    if kind == "username":
        return reset(username=value)
    if kind == "ip_address":
        return reset(ip=value)
    raise ValueError(kind)
