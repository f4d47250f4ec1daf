"""The translation memory: pairs of sentences to reuse."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.statuses import Status


class MemorySource(models.TextChoices):
    """How an entry came into the memory."""

    APPROVAL = "approval", _("approved in the workbench")
    IMPORT = "import", _("imported from TMX")
    ALIGNED = "aligned", _("aligned from a published bilingual pair")


class MemoryEntry(models.Model):
    """One sentence and its translation, usable in both directions.

    ``source_language`` and ``target_language`` are the languages lookups
    file each side under (``memory.store.memory_language``: ``en``,
    ``zh-Hant``); ``source_variant`` and ``target_variant`` are the tags as
    the file or document gave them (``en-GB``, ``zh-TW``, a bare ``zh``
    whose script the text told), which lookups prefer and exports write.

    ``source_key`` and ``target_key`` are digests of each side's language and
    whitespace-normalised text (``memory.text``): exact matches are
    found by them. ``pair_key`` is the same for both orders of the pair and
    tells variants apart (``memory.store.Pair``), so a pair met again (in
    another TMX, or approved again) is merged into the entry already here
    rather than stored twice. The words of both sides are held by the
    candidate index (``memory.index``), which fuzzy lookup and concordance
    search.

    ``notes``, ``props`` and ``attributes`` keep what a TMX said about the
    pair (``memory.remarks`` gives their shape); merging a pair met again
    adds what it brings.
    """

    source_language = models.CharField(_("source language"), max_length=35)
    source_variant = models.CharField(
        _("source language as given"), max_length=35, default=""
    )
    source = models.TextField(_("source"))
    target_language = models.CharField(_("target language"), max_length=35)
    target_variant = models.CharField(
        _("target language as given"), max_length=35, default=""
    )
    target = models.TextField(_("target"))
    source_key = models.BigIntegerField(_("source digest"))
    target_key = models.BigIntegerField(_("target digest"))
    pair_key = models.BigIntegerField(_("pair digest"), unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.APPROVED
    )
    source_kind = models.CharField(_("came from"), max_length=20, choices=MemorySource)
    origin = models.CharField(
        _("origin"),
        max_length=255,
        blank=True,
        help_text=_("The document or file the entry came from."),
    )
    key = models.CharField(_("key"), max_length=255, blank=True)
    context = models.BigIntegerField(
        _("context digest"),
        null=True,
        blank=True,
        help_text=_("Digest of the neighbouring sentences, for context matches."),
    )
    author = models.CharField(_("author"), max_length=150, blank=True)
    notes = models.JSONField(
        _("notes"),
        default=list,
        blank=True,
        help_text=_("Notes on the pair or on one side, as files gave them."),
    )
    props = models.JSONField(
        _("properties"),
        default=list,
        blank=True,
        help_text=_("Typed properties on the pair or on one side (TMX prop)."),
    )
    attributes = models.JSONField(
        _("TMX attributes"),
        default=dict,
        blank=True,
        help_text=_("What a TMX file said of the unit and of each side."),
    )
    codes = models.JSONField(
        _("inline codes"),
        default=dict,
        blank=True,
        help_text=_("What each inline code in the texts stands for (core.inline)."),
    )
    times_merged = models.PositiveIntegerField(
        _("times met again"), default=0, db_default=0
    )
    translation = models.OneToOneField(
        "workbench.Translation",
        verbose_name=_("translation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memory_entry",
    )
    created_at = models.DateTimeField(_("created"))
    changed_at = models.DateTimeField(_("changed"))

    class Meta:
        app_label = "workbench"
        verbose_name = _("memory entry")
        verbose_name_plural = _("memory entries")
        ordering = ["-changed_at"]
        # Exact matches in each direction; they also tell at once that a
        # language pair has no entries, which the planners otherwise misjudge.
        indexes = [
            models.Index(
                fields=["source_language", "target_language", "source_key"],
                name="memory_source_lookup",
            ),
            models.Index(
                fields=["target_language", "source_language", "target_key"],
                name="memory_target_lookup",
            ),
        ]

    def __str__(self) -> str:
        return "%s → %s" % (self.source[:60], self.target[:60])

    def oriented(self, source_language: str) -> tuple[tuple[str, str], ...]:
        """``(language, text)`` of both sides, ``source_language`` first: an
        entry serves both directions."""
        sides = (
            (self.source_language, self.source),
            (self.target_language, self.target),
        )
        if self.target_language == source_language != self.source_language:
            return sides[::-1]
        return sides
