"""An alignment under review: a published English text and its Chinese
version, their sentences and the beads that pair them, until committed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alignment.engine import Bead


class AlignmentState(models.TextChoices):
    OPEN = "open", _("under review")
    COMMITTED = "committed", _("committed")


class Alignment(models.Model):
    """Two versions of one release, aligned, as a reviewer shapes them.

    ``name`` is the release's name in its batch (``NAME.en.txt``) or the
    English document's title; ``title`` the English version's title, which
    its pairs in the memory are filed under as their origin.

    ``english`` and ``chinese`` are the sentences (plain text), ``beads`` a
    list of ``{"source": [i, ...], "target": [j, ...], "confidence": c}``
    covering both, in order. ``version`` rises with every change, and a
    change based on an older one is refused. ``english_file`` keeps the
    uploaded English file, so that a commit may import it as a document.
    """

    name = models.CharField(_("name"), max_length=255)
    title = models.CharField(_("title"), max_length=500, blank=True)
    chinese_language = models.CharField(_("Chinese language"), max_length=35)
    english_filename = models.CharField(_("English file"), max_length=255, blank=True)
    chinese_filename = models.CharField(_("Chinese file"), max_length=255, blank=True)
    english_file = models.BinaryField(
        _("English file's bytes"), blank=True, default=b""
    )
    english_document = models.ForeignKey(
        "workbench.Document",
        verbose_name=_("English document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chinese_document = models.ForeignKey(
        "workbench.Document",
        verbose_name=_("Chinese document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    english = models.JSONField(_("English sentences"), default=list)
    chinese = models.JSONField(_("Chinese sentences"), default=list)
    beads = models.JSONField(_("beads"), default=list)
    state = models.CharField(
        _("state"), max_length=20, choices=AlignmentState, default=AlignmentState.OPEN
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    result = models.JSONField(_("result of the commit"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("committed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    committed_at = models.DateTimeField(_("committed"), null=True, blank=True)

    class Meta:
        app_label = "workbench"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("alignment")
        verbose_name_plural = _("alignments")
        permissions = [("align_documents", _("Can align published documents"))]

    def __str__(self) -> str:
        return self.name

    def bead_list(self) -> list[Bead]:
        return [
            Bead(tuple(b["source"]), tuple(b["target"]), float(b["confidence"]))
            for b in self.beads
        ]

    def set_beads(self, beads) -> None:
        self.beads = [bead.as_dict() for bead in beads]
