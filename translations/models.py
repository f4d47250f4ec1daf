"""Translations of sentences, their revisions and comments."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.localised import localised
from core.qa import Finding
from core.revisions import NotedRevisionRecord
from core.statuses import Origin, Status
from documents.models import Segment


class TranslationQuerySet(models.QuerySet):
    def for_language(self, language: str) -> "TranslationQuerySet":
        return self.filter(language=language)

    def active(self) -> "TranslationQuerySet":
        """Translations of sentences in the current version of their document."""
        return self.filter(segment__is_active=True)

    def awaiting_review(self) -> "TranslationQuerySet":
        return self.filter(status=Status.TRANSLATED)

    def needing_work(self) -> "TranslationQuerySet":
        return self.filter(
            status__in=[Status.UNTRANSLATED, Status.DRAFT, Status.REJECTED]
        )


class Translation(models.Model):
    """The translation of one segment into one target language.

    ``version`` rises by one on every change; a save that starts from an older
    version is a conflict, never a silent overwrite.
    """

    segment = models.ForeignKey(
        Segment,
        verbose_name=_("segment"),
        on_delete=models.CASCADE,
        related_name="translations",
    )
    language = models.CharField(_("language"), max_length=35)
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.UNTRANSLATED
    )
    origin = models.CharField(
        _("origin"), max_length=20, choices=Origin, blank=True, default=""
    )
    origin_score = models.PositiveSmallIntegerField(
        _("match score"), null=True, blank=True
    )
    review_note = models.TextField(_("reviewer's note"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TranslationQuerySet.as_manager()

    class Meta:
        app_label = "workbench"
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering = ["segment__position", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["segment", "language"], name="unique_translation_language"
            )
        ]
        indexes = [models.Index(fields=["language", "status"])]
        permissions = [("review_translation", _("Can approve and reject translations"))]

    def __str__(self) -> str:
        return "%s [%s]" % (self.segment, self.language)


class Revision(NotedRevisionRecord):
    """The state of a translation after one change: nothing is lost."""

    translation = models.ForeignKey(
        Translation,
        verbose_name=_("translation"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status)
    origin = models.CharField(_("origin"), max_length=20, choices=Origin, blank=True)

    class Meta:
        app_label = "workbench"
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["translation", "-version"]

    def __str__(self) -> str:
        return "%s v%d" % (self.translation, self.version)


class QualityWarningQuerySet(models.QuerySet):
    def open(self) -> "QualityWarningQuerySet":
        """Warnings nobody has marked as checked."""
        return self.filter(checked_at__isnull=True)


class QualityWarning(models.Model):
    """A stored finding of the quality checks on one translation.

    Computed when the translation is saved and when the glossary changes
    (``translations.warnings``), never per page view. The message is kept as
    its English template and values and read in the reader's language. A
    translator may mark a warning as checked: who, when, and at which
    version of the translation stay with it while the same finding comes
    back after later saves.
    """

    translation = models.ForeignKey(
        Translation,
        verbose_name=_("translation"),
        on_delete=models.CASCADE,
        related_name="warnings",
    )
    check_name = models.CharField(_("check"), max_length=40)
    key = models.CharField(_("key"), max_length=40)
    template = models.TextField(_("message"))
    values = models.JSONField(_("values"), default=dict, blank=True)
    start = models.IntegerField(_("start"), default=-1)
    end = models.IntegerField(_("end"), default=-1)
    found_version = models.PositiveIntegerField(_("found at version"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    checked_version = models.PositiveIntegerField(
        _("checked at version"), null=True, blank=True
    )

    objects = QualityWarningQuerySet.as_manager()

    class Meta:
        app_label = "workbench"
        verbose_name = _("quality warning")
        verbose_name_plural = _("quality warnings")
        ordering = ["translation", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["translation", "key"], name="unique_warning_per_translation"
            )
        ]
        indexes = [models.Index(fields=["translation", "checked_at"])]

    def __str__(self) -> str:
        return "%s: %s" % (self.check_name, self.template[:60])

    @property
    def message(self) -> str:
        return localised(self.template, self.values)

    @property
    def is_open(self) -> bool:
        return self.checked_at is None

    #: What ``mark`` sets: save these fields after it.
    MARK_FIELDS = ("checked_by", "checked_at", "checked_version")

    def mark(self, user, version: int | None, when=None) -> None:
        """Mark as checked by ``user`` at ``version`` (a user of None: open)."""
        self.checked_by = user
        self.checked_at = (when or timezone.now()) if user is not None else None
        self.checked_version = version if user is not None else None

    @classmethod
    def from_finding(cls, translation: Translation, finding: Finding):
        return cls(
            translation=translation,
            check_name=finding.check,
            key=finding.key,
            template=finding.template,
            values=finding.values,
            start=finding.start,
            end=finding.end,
            found_version=translation.version,
        )


class Comment(models.Model):
    """A remark on a source sentence, or on its translation into a language."""

    segment = models.ForeignKey(
        Segment,
        verbose_name=_("segment"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    language = models.CharField(
        _("language"),
        max_length=35,
        blank=True,
        help_text=_("Empty for a comment on the source sentence."),
    )
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    resolved = models.BooleanField(_("resolved"), default=False)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        app_label = "workbench"
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["segment", "created_at"]

    def __str__(self) -> str:
        return self.text[:80]
