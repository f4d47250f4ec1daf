"""Source documents, the versions they were imported as, and their sentences."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    """A source document, kept whole, split into paragraphs and sentences."""

    title = models.CharField(_("title"), max_length=500)
    source_language = models.CharField(_("source language"), max_length=35)
    target_languages = models.JSONField(
        _("target languages"),
        default=list,
        help_text=_("BCP 47 codes, such as zh-Hant and zh-Hans."),
    )
    original_filename = models.CharField(_("original file name"), max_length=255)
    file_kind = models.CharField(_("file type"), max_length=10)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, db_index=True)
    metadata = models.JSONField(_("metadata"), default=dict, blank=True)
    current_version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        app_label = "workbench"
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at", "-id"]
        permissions = [("import_document", _("Can import and export documents"))]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("document-detail", args=[self.pk])


class DocumentVersion(models.Model):
    """One imported file of a document, its bytes kept as they came."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    original_filename = models.CharField(_("original file name"), max_length=255)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64)
    content = models.BinaryField(_("original file"))
    segment_count = models.PositiveIntegerField(_("sentences"), default=0)
    summary = models.JSONField(_("changes"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        app_label = "workbench"
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="unique_document_version"
            )
        ]

    def __str__(self) -> str:
        return "%s v%d" % (self.document, self.number)


class Paragraph(models.Model):
    """A block of the current version, with the style needed to rebuild it."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="paragraphs",
    )
    index = models.PositiveIntegerField(_("paragraph"))
    style = models.CharField(_("style"), max_length=100, blank=True)
    text = models.TextField(_("text"))
    translatable = models.BooleanField(_("translatable"), default=True)
    codes = models.JSONField(
        _("inline codes"),
        default=dict,
        blank=True,
        help_text=_("What each inline code in the text stands for (core.inline)."),
    )

    class Meta:
        app_label = "workbench"
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering = ["document", "index"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "index"], name="unique_paragraph_index"
            )
        ]

    def __str__(self) -> str:
        return "%s ¶%d" % (self.document, self.index + 1)


class SegmentQuerySet(models.QuerySet):
    def active(self) -> "SegmentQuerySet":
        """Sentences of the current version (not removed by a later import)."""
        return self.filter(is_active=True)


class Segment(models.Model):
    """One source sentence of a document.

    ``key`` is stable across re-imports for an unchanged sentence; it is the
    PO msgctxt, the XLIFF unit id and a TMX prop. A sentence removed by a new
    version is deactivated, never deleted, so its translations survive.
    """

    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="segments",
    )
    position = models.PositiveIntegerField(_("position"))
    paragraph = models.PositiveIntegerField(_("paragraph"))
    source = models.TextField(_("source"))
    codes = models.JSONField(
        _("inline codes"),
        default=dict,
        blank=True,
        help_text=_("What each inline code in the source stands for (core.inline)."),
    )
    previous_source = models.TextField(_("previous source"), blank=True)
    key = models.CharField(_("key"), max_length=40)
    is_active = models.BooleanField(_("in current version"), default=True)
    created_in_version = models.PositiveIntegerField(_("added in version"), default=1)
    changed_in_version = models.PositiveIntegerField(
        _("changed in version"), null=True, blank=True
    )
    removed_in_version = models.PositiveIntegerField(
        _("removed in version"), null=True, blank=True
    )

    objects = SegmentQuerySet.as_manager()

    class Meta:
        app_label = "workbench"
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "key"], name="unique_segment_key"
            )
        ]
        indexes = [models.Index(fields=["document", "is_active", "position"])]

    def __str__(self) -> str:
        return self.source[:80]
