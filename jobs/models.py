"""A background job and the file it works on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.localised import localised


class State(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


#: States a job does not leave.
FINISHED = (State.SUCCEEDED, State.FAILED, State.CANCELLED)


class Kind(models.TextChoices):
    IMPORT_MEMORY = "import_memory", _("TMX import into the memory")
    REINDEX_MEMORY = "reindex_memory", _("Re-index of the memory")
    EXPORT_MEMORY = "export_memory", _("TMX export of the memory")
    IMPORT_DOCUMENT = "import_document", _("Document import")
    NEW_VERSION = "new_version", _("New version of a document")
    PRETRANSLATE = "pretranslate", _("Pre-translation from the memory")
    DERIVE = "derive", _("Conversion from the other Chinese script")
    EXPORT_DOCUMENT = "export_document", _("Document export")
    IMPORT_GLOSSARY = "import_glossary", _("Glossary import")
    ALIGN = "align", _("Alignment of published releases")


class Job(models.Model):
    """One run of long work, started from a page or a command.

    ``done``/``total`` and ``phase`` are the last progress stored; while the
    job runs, the live figures are in the ``jobs`` cache
    (``jobs.progress``). ``result`` is the JSON the command prints;
    ``error`` one line for the user (an English template and its values,
    read in the reader's language).
    """

    kind = models.CharField(_("kind"), max_length=40, choices=Kind)
    state = models.CharField(
        _("state"), max_length=20, choices=State, default=State.QUEUED
    )
    arguments = models.JSONField(_("arguments"), default=dict, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    file_size = models.BigIntegerField(_("file size"), default=0)
    file_checksum = models.CharField(_("checksum"), max_length=64, blank=True)
    done = models.BigIntegerField(_("done"), default=0)
    total = models.BigIntegerField(_("total"), default=0)
    phase = models.CharField(_("phase"), max_length=100, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    error_values = models.JSONField(_("values of the error"), null=True, blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    worker = models.CharField(_("worker"), max_length=100, blank=True)
    language = models.CharField(
        _("language of the messages"), max_length=20, blank=True
    )
    cancel_requested = models.BooleanField(_("cancel requested"), default=False)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        app_label = "workbench"
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "kind"])]

    def __str__(self) -> str:
        return "%s #%s" % (self.kind, self.pk)

    @property
    def is_finished(self) -> bool:
        return self.state in FINISHED

    @property
    def shown_error(self) -> str:
        return localised(self.error, self.error_values)


class JobChunk(models.Model):
    """A piece of a job's file: its input (an upload) or its output."""

    INPUT, OUTPUT = "input", "output"

    job = models.ForeignKey(
        Job, verbose_name=_("job"), on_delete=models.CASCADE, related_name="chunks"
    )
    role = models.CharField(_("role"), max_length=10, default=INPUT)
    index = models.PositiveIntegerField(_("index"))
    data = models.BinaryField(_("data"))

    class Meta:
        app_label = "workbench"
        verbose_name = _("job file chunk")
        verbose_name_plural = _("job file chunks")
        ordering = ["job", "role", "index"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "role", "index"], name="unique_job_chunk"
            )
        ]

    def __str__(self) -> str:
        return "%s %s %d" % (self.job, self.role, self.index)
