"""What every revision holds: who made the change, and when.

Translations (``translations.models.Revision``), glossary terms
(``glossary.models.TermRevision``) and house-style overrides
(``conversion.models.ConversionOverrideRevision``) each keep one revision
per change; each adds what changed (a text and status, or a snapshot).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.localised import localised


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


class NotedRevisionRecord(RevisionRecord):
    """A revision with a note: the author's words, or a message of the workbench.

    A message of the workbench is kept as its English template (marked with
    ``gettext_noop`` where it is written) in ``note`` and the values that
    fill it in ``note_values``; ``shown_note`` reads it in the reader's
    language. ``note_values`` of ``None`` means the note is the author's own.
    """

    note = models.TextField(_("reason"), blank=True)
    note_values = models.JSONField(
        _("values of the note"),
        null=True,
        blank=True,
        help_text=_(
            "Empty when the note is the author's own words; otherwise the note "
            "is a message of the workbench, shown in the reader's language."
        ),
    )

    class Meta:
        abstract = True

    @property
    def shown_note(self) -> str:
        """The note in the reader's language (the author's words as written)."""
        return localised(self.note, self.note_values)
