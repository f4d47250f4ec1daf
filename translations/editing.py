"""What a translator's save means: the status rules of the editor.

- "translated" marks a sentence ready for review; "draft" keeps it for later.
- A sentence a reviewer approved is locked for translators: saving it sends
  it back to review (translated), with a revision saying so.
- An empty save makes the sentence untranslated again (the text before it
  stays in the revisions).
- A translator marks a warning of the checks as checked (or open again),
  on the version they saw; the mark names who and when.
- A restore brings back an older revision's text as a new revision.
- The editor shows inline codes as tokens (``⟨1⟩``): a save turns the
  tokens of the sentence's codes back into codes (``core.inline``); a token
  the sentence has no code for stays text.

- A save based on the user's own latest save is not a conflict: the Back
  button shows a page from before the user's save, and saving it again must
  not set the user against themselves. When every version after the one the
  page was based on was saved by this user and the text on the server is
  the text of their last save, the save applies on top of it (with a
  revision). A save by anyone else in between stays a conflict.

Both write through ``translations.writing.change_translation``, the one
write path of a translation.
"""

from django.db import transaction
from django.utils.translation import gettext_noop

from core.inline import codes_in, from_tokens
from core.statuses import Origin, Status
from translations.models import QualityWarning, Revision, Translation
from translations.review import can_review
from translations.writing import EditConflict, change_translation

SAVE_STATUSES = (Status.TRANSLATED, Status.DRAFT)


@transaction.atomic
def save_translation(
    *,
    translation: Translation,
    text: str,
    status: str,
    user,
    expected_version: int,
    memory_score: int | None = None,
) -> Translation:
    """Save the editor's text; raises EditConflict if someone saved first.

    ``memory_score`` is the score of a memory match the text was taken from
    unchanged: the translation keeps "memory" as its origin, with the score.
    """
    if status not in SAVE_STATUSES:
        status = Status.TRANSLATED
    if own_latest_save(translation, user, expected_version):
        expected_version = translation.version
    text = from_tokens(text, set(codes_in(translation.segment.source)))
    note = ""
    was_approved = translation.status == Status.APPROVED
    if was_approved and can_review(user) and text == translation.text:
        status = Status.APPROVED
    elif was_approved:
        note = gettext_noop("Edited after approval; back to review.")
    unchanged_text = text == translation.text
    origin, score = Origin.HUMAN, None
    if memory_score is not None:
        origin, score = Origin.MEMORY, memory_score
    elif unchanged_text:
        origin, score = translation.origin, translation.origin_score
    return change_translation(
        translation=translation,
        text=text,
        status=status,
        origin=origin,
        origin_score=score,
        user=user,
        note=note,
        note_values={} if note else None,
        expected_version=expected_version,
    )


def own_latest_save(translation: Translation, user, base_version: int) -> bool:
    """Whether every save after ``base_version`` is the user's own, text unchanged.

    ``translation`` is as loaded for this request (its current version).
    """
    if user is None or not user.pk or base_version >= translation.version:
        return False
    if translation.updated_by_id != user.pk:
        return False
    later = list(
        translation.revisions.filter(version__gt=base_version)
        .order_by("version")
        .values_list("version", "author_id", "text")
    )
    expected = list(range(base_version + 1, translation.version + 1))
    if [version for version, _author, _text in later] != expected:
        return False
    if any(author != user.pk for _version, author, _text in later):
        return False
    return later[-1][2] == translation.text


@transaction.atomic
def restore_revision(*, revision: Revision, user, expected_version: int) -> Translation:
    """Bring back an older text; an approved one comes back for review."""
    translation = revision.translation
    status = revision.status
    if status == Status.APPROVED and not can_review(user):
        status = Status.TRANSLATED
    return change_translation(
        translation=translation,
        text=revision.text,
        status=status if revision.text.strip() else Status.UNTRANSLATED,
        origin=revision.origin or Origin.HUMAN,
        user=user,
        note=gettext_noop("Restored version %(version)d."),
        note_values={"version": revision.version},
        expected_version=expected_version,
    )


@transaction.atomic
def mark_checked(
    *, warning: QualityWarning, user, expected_version: int, checked: bool = True
) -> QualityWarning:
    """Mark a warning as checked (or open again) on the version the user saw.

    The mark is kept with the version of the translation it was made on and
    names who made it and when. A translation saved since (another version)
    raises ``EditConflict``: the warning may be about another text.
    """
    translation = Translation.objects.select_for_update().get(pk=warning.translation_id)
    if translation.version != expected_version:
        raise EditConflict(translation)
    warning.mark(user if checked else None, translation.version)
    warning.save(update_fields=QualityWarning.MARK_FIELDS)
    return warning
