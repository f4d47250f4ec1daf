"""Rates per token (or per address before a token), counted in a cache
every worker process shares (``throttle``: Redis when configured, else the
database), so two gunicorn workers do not each allow the whole rate."""

from django.core.cache import caches

from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class PerUser(UserRateThrottle):
    cache = caches["throttle"]


class PerAddress(AnonRateThrottle):
    cache = caches["throttle"]
