"""System checks: configuration problems surface in ``manage.py check``."""

from django.conf import settings
from django.core.checks import Error, Warning, register

from conversion.engine import implementation, missing_configs


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


@register()
def check_opencc(app_configs=None, **kwargs):
    """Warn when the pure-Python OpenCC stands in for the official binding."""
    try:
        import opencc  # noqa: F401
    except ImportError:
        return [
            Error(
                "OpenCC is not installed.",
                hint="pip install opencc (the official binding).",
                id="workbench.E001",
            )
        ]
    if implementation() == "official":
        return []
    missing = missing_configs()
    return [
        Warning(
            "opencc-python-reimplemented is installed instead of the official "
            "OpenCC binding; it fails much of OpenCC's own test suite and lacks "
            "these configurations: %s." % (", ".join(missing) or "none"),
            hint="pip uninstall opencc-python-reimplemented && pip install opencc",
            id="workbench.W002",
        )
    ]
