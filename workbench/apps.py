"""The workbench app: owns the tables, serves the pages and the commands."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WorkbenchConfig(AppConfig):
    name = "workbench"
    verbose_name = _("Translation workbench")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from glossary.stamps import glossary_changed
        from memory.index import clear_after_flush
        from translations.warnings import on_glossary_changed
        from workbench import checks  # noqa: F401  (registers system checks)
        from workbench.roles import sync_role_permissions

        post_migrate.connect(sync_role_permissions, dispatch_uid="workbench-roles")
        post_migrate.connect(clear_after_flush, dispatch_uid="workbench-memory-index")
        glossary_changed.connect(
            on_glossary_changed, dispatch_uid="workbench-quality-warnings"
        )
