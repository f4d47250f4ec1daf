"""Review: reviewers approve or send back sentences, one or many at a time."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.statuses import Status
from translations.models import Translation
from translations.warnings import accept_open
from translations.writing import EditConflict, change_translation

REVIEW_PERMISSION = "workbench.review_translation"


def can_review(user) -> bool:
    return bool(user and user.has_perm(REVIEW_PERMISSION))


class OpenWarnings(ValidationError):
    """The sentence has warnings nobody checked; approving needs "despite"."""


def _require_reviewer(user) -> None:
    if not can_review(user):
        raise PermissionDenied(_("Only reviewers approve or reject translations."))


@transaction.atomic
def approve_translation(
    *,
    translation: Translation,
    reviewer,
    expected_version: int,
    despite_warnings: bool = False,
) -> Translation:
    """Approve the text the reviewer saw, at ``expected_version``.

    An empty translation cannot be approved; a sentence changed since
    (another version) raises ``EditConflict`` and nothing is written. A
    sentence with open warnings is approved only ``despite_warnings``: the
    reviewer has seen them, they are marked checked by the reviewer, and the
    revision says which checks were overruled. Otherwise ``OpenWarnings``.
    """
    _require_reviewer(reviewer)
    # the row first, then its warnings: the order a save takes them in
    translation = Translation.objects.select_for_update().get(pk=translation.pk)
    if translation.version != expected_version:
        raise EditConflict(translation)
    if not translation.text.strip():
        raise ValidationError(_("An empty translation cannot be approved."))
    checks = []
    if translation.warnings.open().exists():
        if not despite_warnings:
            raise OpenWarnings(
                _(
                    "This sentence has warnings nobody has checked: read them and "
                    "tick “approve despite warnings” to approve it."
                ),
                code="open_warnings",
            )
        checks = accept_open(translation, reviewer)
    note, values = gettext_noop("Approved."), {}
    if checks:
        note = gettext_noop("Approved despite warnings: %(checks)s.")
        values = {"checks": ", ".join(checks)}
    result = change_translation(
        translation=translation,
        text=translation.text,
        status=Status.APPROVED,
        origin=translation.origin,
        origin_score=translation.origin_score,
        user=reviewer,
        note=note,
        note_values=values,
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
    """What a bulk review did: done, skipped (empty, open warnings) and changed."""

    done: int = 0
    empty: int = 0
    changed: int = 0
    warnings: int = 0


def review_many(
    *,
    items: list[tuple[int, int]],
    reviewer,
    action: str,
    reason: str = "",
    despite: frozenset[int] = frozenset(),
) -> BulkReview:
    """Approve or send back sentences, each at the version the reviewer saw.

    ``items`` are (translation id, version) pairs. A sentence whose version
    moved since (someone saved it, or another reviewer decided) is left
    alone and counted as changed; one with open warnings is approved only if
    its id is in ``despite`` (the reviewer ticked it) and is counted
    otherwise; each other one is its own transaction.
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
                    despite_warnings=pk in despite,
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
        except OpenWarnings:
            result.warnings += 1
        except ValidationError:
            result.empty += 1
        else:
            result.done += 1
    return result
