"""System checks: configuration problems surface in ``manage.py check``."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def check_database(app_configs=None, **kwargs):
    """Warn when production runs on SQLite (no row locking, one writer)."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if not settings.DEBUG and engine.endswith("sqlite3"):
        return [
            Warning(
                "The workbench runs on SQLite with DEBUG off.",
                hint="Set DATABASE_URL to PostgreSQL for a shared installation.",
                id="workbench.W001",
            )
        ]
    return []
