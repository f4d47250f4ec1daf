"""What every revision holds: who made the change, and when.

Translations (``translations.models.Revision``), glossary terms
(``glossary.models.TermRevision``) and house-style overrides
(``conversion.models.ConversionOverrideRevision``) each keep one revision
per change; each adds what changed (a text and status, or a snapshot).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RevisionRecord(models.Model):
    """The author and time of one change; a concrete revision adds the change."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        abstract = True
