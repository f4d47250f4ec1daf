"""A personal API token: a name, who it acts for, its digest (never the
token itself), and when it was last used or revoked."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100)
    #: The token's first characters, to tell tokens apart on the page.
    prefix = models.CharField(_("starts with"), max_length=12)
    #: SHA-256 of the whole token, hexadecimal.
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return "%s (%s…)" % (self.name, self.prefix)

    @property
    def active(self) -> bool:
        return self.revoked_at is None
