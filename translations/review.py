"""Review: reviewers approve or send back sentences, one or many at a time."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.statuses import Status
from translations.models import Translation
from translations.writing import EditConflict, change_translation

REVIEW_PERMISSION = "workbench.review_translation"


def can_review(user) -> bool:
    return bool(user and user.has_perm(REVIEW_PERMISSION))


def _require_reviewer(user) -> None:
    if not can_review(user):
        raise PermissionDenied(_("Only reviewers approve or reject translations."))


@transaction.atomic
def approve_translation(
    *, translation: Translation, reviewer, expected_version: int
) -> Translation:
    """Approve the text the reviewer saw, at ``expected_version``.

    An empty translation cannot be approved; a sentence changed since
    (another version) raises ``EditConflict`` and nothing is written.
    """
    _require_reviewer(reviewer)
    if not translation.text.strip():
        raise ValidationError(_("An empty translation cannot be approved."))
    result = change_translation(
        translation=translation,
        text=translation.text,
        status=Status.APPROVED,
        origin=translation.origin,
        origin_score=translation.origin_score,
        user=reviewer,
        # Kept in English; the history shows it in the reader's language.
        note=gettext_noop("Approved."),
        review_note="",
        expected_version=expected_version,
    )
    return result


@transaction.atomic
def reject_translation(
    *,
    translation: Translation,
    reviewer,
    reason: str,
    expected_version: int,
) -> Translation:
    """Send a sentence back, at ``expected_version``, with a reason they will see."""
    _require_reviewer(reviewer)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the translation is rejected."))
    result = change_translation(
        translation=translation,
        text=translation.text,
        status=Status.REJECTED,
        origin=translation.origin,
        origin_score=translation.origin_score,
        user=reviewer,
        note=reason,
        review_note=reason,
        expected_version=expected_version,
    )
    return result


@dataclass
class BulkReview:
    """What a bulk review did: done, skipped (empty) and changed meanwhile."""

    done: int = 0
    empty: int = 0
    changed: int = 0


def review_many(
    *, items: list[tuple[int, int]], reviewer, action: str, reason: str = ""
) -> BulkReview:
    """Approve or send back sentences, each at the version the reviewer saw.

    ``items`` are (translation id, version) pairs. A sentence whose version
    moved since (someone saved it, or another reviewer decided) is left
    alone and counted as changed; each other one is its own transaction.
    """
    _require_reviewer(reviewer)
    if action not in ("approve", "reject"):
        raise ValidationError(_("Choose approve or send back."))
    found = Translation.objects.active().in_bulk([pk for pk, _version in items])
    result = BulkReview()
    for pk, version in items:
        translation = found.get(pk)
        if translation is None or translation.version != version:
            result.changed += 1
            continue
        try:
            if action == "approve":
                approve_translation(
                    translation=translation,
                    reviewer=reviewer,
                    expected_version=version,
                )
            else:
                reject_translation(
                    translation=translation,
                    reviewer=reviewer,
                    reason=reason,
                    expected_version=version,
                )
        except EditConflict:
            result.changed += 1
        except ValidationError:
            result.empty += 1
        else:
            result.done += 1
    return result
