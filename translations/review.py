"""Review: reviewers approve or send back sentences, one or many at a time."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.statuses import Status
from translations.models import Translation
from translations.writing import change_translation

REVIEW_PERMISSION = "workbench.review_translation"


def can_review(user) -> bool:
    return bool(user and user.has_perm(REVIEW_PERMISSION))


def _require_reviewer(user) -> None:
    if not can_review(user):
        raise PermissionDenied(_("Only reviewers approve or reject translations."))


@transaction.atomic
def approve_translation(
    *, translation: Translation, reviewer, expected_version: int | None = None
) -> Translation:
    """Approve a translated sentence; an empty one cannot be approved."""
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
        note=_("Approved."),
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
    expected_version: int | None = None,
) -> Translation:
    """Send a sentence back to the translator with a reason they will see."""
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


def review_many(*, translations: list[Translation], reviewer, action: str, reason=""):
    """Approve or reject several sentences; return (done, skipped) counts."""
    done = skipped = 0
    for translation in translations:
        try:
            if action == "approve":
                approve_translation(translation=translation, reviewer=reviewer)
            else:
                reject_translation(
                    translation=translation, reviewer=reviewer, reason=reason
                )
        except ValidationError:
            skipped += 1
        else:
            done += 1
    return done, skipped
