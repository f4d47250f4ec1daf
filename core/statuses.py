"""The review status of a translation and where its text came from.

Shared vocabulary: translations, the memory, the exchange formats and the
pages all speak of these statuses (see ``docs/architecture.md``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Review status of one sentence in one target language."""

    UNTRANSLATED = "untranslated", _("untranslated")
    DRAFT = "draft", _("draft")
    TRANSLATED = "translated", _("translated")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class Origin(models.TextChoices):
    """Where the current text of a translation came from."""

    HUMAN = "human", _("human")
    MEMORY = "memory", _("translation memory")
    CONVERSION = "conversion", _("script conversion")
    IMPORT = "import", _("file import")
