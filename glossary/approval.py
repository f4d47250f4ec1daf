"""The glossary workflow: translators propose, reviewers approve or reject.

Only approved terms drive matching and checks. Reviewers' proposals and a
manager's imports may be approved at once; a translator's never are.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from modeltranslation.utils import build_localized_fieldname

from core.languages import normalise
from formats.glossary import USAGE_NOT_STATED
from glossary.history import record_change
from glossary.models import Action, Approval, Concept, Term, Usage

REVIEW_PERMISSION = "glossary.review_term"


class GlossaryConflict(Exception):
    """The term or concept changed since the user loaded it."""


@dataclass(frozen=True)
class NewTerm:
    language: str
    text: str
    usage: str = Usage.PREFERRED
    case_sensitive: bool = False


def can_review(user) -> bool:
    return bool(user and user.has_perm(REVIEW_PERMISSION))


def _clean_text(text: str) -> str:
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise ValidationError(_("A term cannot be empty."), code="empty")
    if len(cleaned) > 500:
        raise ValidationError(_("A term can have at most 500 characters."))
    return cleaned


@transaction.atomic
def propose_concept(
    *,
    terms: list[NewTerm],
    user,
    domain: str = "",
    definition: str = "",
    note: str = "",
    ui_language: str = "en",
    approve: bool = False,
) -> Concept:
    """Create a concept with its terms, proposed (or approved by a reviewer)."""
    if not terms:
        raise ValidationError(_("A concept needs at least one term."), code="no_terms")
    if approve and not can_review(user):
        raise PermissionDenied(_("Only reviewers approve glossary terms."))
    concept = Concept(created_by=user)
    for field, value in (
        ("domain", domain),
        ("definition", definition),
        ("note", note),
    ):
        setattr(concept, build_localized_fieldname(field, ui_language), value)
    concept.save()
    record_change(concept=concept, term=None, action=Action.CREATED, user=user)
    for new in terms:
        propose_term(
            concept=concept,
            language=new.language,
            text=new.text,
            usage=new.usage,
            case_sensitive=new.case_sensitive,
            user=user,
            approve=approve,
        )
    return concept


@transaction.atomic
def propose_term(
    *,
    concept: Concept,
    language: str,
    text: str,
    user,
    usage: str = Usage.PREFERRED,
    case_sensitive: bool = False,
    note: str = "",
    approve: bool = False,
) -> Term:
    """Add a term to a concept, proposed unless a reviewer approves it now."""
    if approve and not can_review(user):
        raise PermissionDenied(_("Only reviewers approve glossary terms."))
    language = normalise(language)
    text = _clean_text(text)
    if Term.objects.filter(concept=concept, language=language, text=text).exists():
        raise ValidationError(
            _("“%(text)s” is already a %(language)s term of this concept.")
            % {"text": text, "language": language},
            code="duplicate",
        )
    now = timezone.now()
    term = Term.objects.create(
        concept=concept,
        language=language,
        text=text,
        usage=usage,
        case_sensitive=case_sensitive,
        approval=Approval.APPROVED if approve else Approval.PROPOSED,
        proposed_by=user,
        decided_by=user if approve else None,
        decided_at=now if approve else None,
    )
    record_change(
        concept=concept,
        term=term,
        action=Action.APPROVED if approve else Action.PROPOSED,
        user=user,
        note=note,
    )
    return term


def _decide(term: Term, reviewer, approval: str, reason: str, expected_version):
    if not can_review(reviewer):
        raise PermissionDenied(_("Only reviewers approve or reject glossary terms."))
    locked = Term.objects.select_for_update().get(pk=term.pk)
    if locked.version != expected_version:
        raise GlossaryConflict(
            _("Someone else changed this term; reload the page and try again.")
        )
    locked.approval = approval
    locked.reason = reason
    locked.decided_by = reviewer
    locked.decided_at = timezone.now()
    locked.version += 1
    locked.save()
    record_change(
        concept=locked.concept,
        term=locked,
        action=approval,
        user=reviewer,
        note=reason,
    )
    return locked


@transaction.atomic
def approve_term(
    *, term: Term, reviewer, expected_version: int, note: str = ""
) -> Term:
    """Approve a term: from now on it drives matching and checks."""
    return _decide(term, reviewer, Approval.APPROVED, note, expected_version)


@transaction.atomic
def reject_term(*, term: Term, reviewer, reason: str, expected_version: int) -> Term:
    """Reject a term; the reason is required and shown to the proposer."""
    if not (reason or "").strip():
        raise ValidationError(_("Say why the term is rejected."), code="no_reason")
    return _decide(term, reviewer, Approval.REJECTED, reason.strip(), expected_version)


@transaction.atomic
def update_term(
    *,
    term: Term,
    user,
    text: str,
    usage: str,
    case_sensitive: bool,
    expected_version: int,
    note: str = "",
) -> Term:
    """Change a term. A non-reviewer's change to an approved term needs review again."""
    locked = Term.objects.select_for_update().get(pk=term.pk)
    if locked.version != expected_version:
        raise GlossaryConflict(
            _("Someone else changed this term; reload the page and try again.")
        )
    text = _clean_text(text)
    if (
        Term.objects.filter(concept=locked.concept, language=locked.language, text=text)
        .exclude(pk=locked.pk)
        .exists()
    ):
        raise ValidationError(
            _("The concept already has the term “%(text)s” in %(language)s.")
            % {"text": text, "language": locked.language},
            code="duplicate_term",
        )
    locked.text = text
    locked.usage = usage
    # A person has now stated the usage, which an export writes from now on.
    locked.extra = [node for node in locked.extra if node != USAGE_NOT_STATED]
    locked.case_sensitive = case_sensitive
    if not can_review(user) and locked.approval != Approval.PROPOSED:
        locked.approval = Approval.PROPOSED
        locked.decided_by = None
        locked.decided_at = None
    locked.version += 1
    locked.save()
    record_change(
        concept=locked.concept, term=locked, action=Action.EDITED, user=user, note=note
    )
    return locked
