"""Glossary: concepts holding terms per language, with approval and history."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.revisions import NotedRevisionRecord


class Usage(models.TextChoices):
    """How a term may be used (TBX ``administrativeStatus``)."""

    PREFERRED = "preferred", _("preferred")
    ADMITTED = "admitted", _("admitted")
    DEPRECATED = "deprecated", _("deprecated")
    FORBIDDEN = "forbidden", _("forbidden")


class Approval(models.TextChoices):
    """Where a term stands in review; only approved terms drive matching."""

    PROPOSED = "proposed", _("proposed")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class Action(models.TextChoices):
    """What a glossary revision records."""

    CREATED = "created", _("concept created")
    CHANGED = "changed", _("concept changed")
    PROPOSED = "proposed", _("term proposed")
    APPROVED = "approved", _("term approved")
    REJECTED = "rejected", _("term rejected")
    EDITED = "edited", _("term edited")
    IMPORTED = "imported", _("imported")
    MERGED = "merged", _("concepts merged")


class Concept(models.Model):
    """One official title or body, named by a term in each language.

    ``domain``, ``definition`` and ``note`` are translated into the UI
    languages with django-modeltranslation (``glossary/translation.py``).
    """

    identifier = models.CharField(
        _("identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("The concept's id in an imported or exported file."),
    )
    scope = models.CharField(
        _("identifier scope"),
        max_length=200,
        blank=True,
        db_index=True,
        help_text=_(
            "Where the identifier comes from (the imported file's name by "
            "default): ids are matched only within their scope."
        ),
    )
    domain = models.CharField(_("domain"), max_length=200, blank=True)
    definition = models.TextField(_("definition"), blank=True)
    note = models.TextField(_("note"), blank=True)
    extra = models.JSONField(
        _("other data categories"),
        default=list,
        blank=True,
        help_text=_("TBX data categories with no field of their own, as read."),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")
        ordering = ["id"]
        permissions = [
            ("review_term", _("Can approve and reject glossary terms")),
            ("import_glossary", _("Can import glossary files")),
        ]

    def __str__(self) -> str:
        first = self.terms.order_by("id").first()
        return first.text if first else str(_("concept %(id)s") % {"id": self.pk})

    def get_absolute_url(self) -> str:
        return reverse("glossary:concept", args=[self.pk])


class TermQuerySet(models.QuerySet):
    def approved(self) -> "TermQuerySet":
        return self.filter(approval=Approval.APPROVED)

    def awaiting_review(self) -> "TermQuerySet":
        return self.filter(approval=Approval.PROPOSED)

    def for_language(self, language: str) -> "TermQuerySet":
        return self.filter(language=language)


class Term(models.Model):
    """A word or phrase naming a concept in one language."""

    concept = models.ForeignKey(
        Concept,
        verbose_name=_("concept"),
        on_delete=models.CASCADE,
        related_name="terms",
    )
    language = models.CharField(_("language"), max_length=35)
    text = models.CharField(_("term"), max_length=500)
    usage = models.CharField(
        _("usage"), max_length=20, choices=Usage, default=Usage.PREFERRED
    )
    approval = models.CharField(
        _("approval"), max_length=20, choices=Approval, default=Approval.PROPOSED
    )
    case_sensitive = models.BooleanField(
        _("case-sensitive"),
        default=False,
        help_text=_("Match only with exactly this capitalisation."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved or rejected by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    extra = models.JSONField(
        _("other data categories"),
        default=list,
        blank=True,
        help_text=_("TBX data categories with no field of their own, as read."),
    )
    version = models.PositiveIntegerField(_("version"), default=1)

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["concept", "language", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "language", "text"], name="unique_term_in_concept"
            )
        ]
        indexes = [models.Index(fields=["language", "approval"])]

    def __str__(self) -> str:
        return "%s (%s)" % (self.text, self.language)


class TermRevision(NotedRevisionRecord):
    """The state of a term, or of its concept, after one change."""

    concept = models.ForeignKey(
        Concept,
        verbose_name=_("concept"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    term = models.ForeignKey(
        Term,
        verbose_name=_("term"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action)
    snapshot = models.JSONField(_("state after the change"), default=dict)

    class Meta:
        verbose_name = _("glossary revision")
        verbose_name_plural = _("glossary revisions")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return "%s %s" % (self.action, self.created_at)


class PossibleDuplicate(models.Model):
    """Two concepts an import would not merge on its own: a reviewer decides.

    ``concept`` came from the later file. Kept apart, the pair stays recorded
    so that it is never listed again; merged, the row goes with the concept.
    """

    concept = models.ForeignKey(
        Concept,
        verbose_name=_("concept"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    other = models.ForeignKey(
        Concept,
        verbose_name=_("possible duplicate of"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    kept_apart = models.BooleanField(_("kept apart"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("found"), auto_now_add=True)

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "other"], name="unique_duplicate_pair"
            )
        ]

    def __str__(self) -> str:
        return "%s ~ %s" % (self.concept_id, self.other_id)


class GlossaryStamp(models.Model):
    """One row whose token changes on every glossary change.

    Every worker process compares it with the token its term automaton was
    built from, and rebuilds only when it moved. A random token, not a
    counter, so that a rolled-back change can never be mistaken for a newer
    one with the same number.
    """

    token = models.CharField(max_length=32, default="")

    class Meta:
        verbose_name = _("glossary version")
        verbose_name_plural = _("glossary versions")

    def __str__(self) -> str:
        return self.token


class TermCandidateDecision(models.Model):
    """A reviewer's decision on a term candidate from aligned pairs.

    ``accepted`` names the concept the candidate became; ``dismissed`` is
    kept so that the pair (English, Chinese) is never proposed again.
    """

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        DISMISSED = "dismissed", _("dismissed")

    english = models.CharField(_("English"), max_length=255)
    chinese = models.CharField(_("Chinese"), max_length=255)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision)
    concept = models.ForeignKey(
        Concept,
        verbose_name=_("concept"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        verbose_name = _("term candidate decision")
        verbose_name_plural = _("term candidate decisions")
        ordering = ["-decided_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["english", "chinese"], name="unique_candidate_decision"
            )
        ]

    def __str__(self) -> str:
        return "%s = %s (%s)" % (self.english, self.chinese, self.decision)
