"""House-style overrides that reviewers keep on top of OpenCC."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.revisions import RevisionRecord


class Variant(models.TextChoices):
    """The written variant a conversion produces."""

    HK = "hk", _("Traditional Chinese (Hong Kong)")
    TW = "tw", _("Traditional Chinese (Taiwan)")
    T = "t", _("Traditional Chinese (OpenCC standard)")
    S = "s", _("Simplified Chinese")
    JP = "jp", _("Japanese shinjitai")


class ConversionOverride(models.Model):
    """Replace a phrase in OpenCC's output for one target variant."""

    variant = models.CharField(_("target variant"), max_length=4, choices=Variant)
    source_text = models.CharField(_("OpenCC writes"), max_length=200)
    target_text = models.CharField(_("write instead"), max_length=200)
    note = models.CharField(_("note"), max_length=500, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        app_label = "workbench"
        verbose_name = _("conversion override")
        verbose_name_plural = _("conversion overrides")
        ordering = ["variant", "source_text"]
        constraints = [
            models.UniqueConstraint(
                fields=["variant", "source_text"], name="unique_override_phrase"
            )
        ]

    def __str__(self) -> str:
        return "%s → %s" % (self.source_text, self.target_text)


class ConversionOverrideRevision(RevisionRecord):
    """The state of an override after one change."""

    override = models.ForeignKey(
        ConversionOverride,
        verbose_name=_("conversion override"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    snapshot = models.JSONField(_("state after the change"))

    class Meta:
        app_label = "workbench"
        verbose_name = _("override revision")
        verbose_name_plural = _("override revisions")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return "%s %s" % (self.override, self.created_at)
