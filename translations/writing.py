"""Change translations: every change bumps the version and keeps a revision.

This is the one way a translation's text or status changes. A caller that
knows which version its user started from passes ``expected_version``; if
someone else saved in between, ``EditConflict`` is raised and nothing is
written.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.statuses import Origin, Status
from documents.models import Segment
from translations.models import Revision, Translation
from translations.remembering import remember
from translations.warnings import refresh_warnings


class EditConflict(Exception):
    """The translation changed since the user's copy was loaded."""

    def __init__(self, current: Translation):
        super().__init__(
            _("Someone else saved this translation (now version %(version)d).")
            % {"version": current.version}
        )
        self.current = current


@transaction.atomic
def change_translation(
    *,
    translation: Translation,
    text: str,
    status: str,
    user=None,
    origin: str = Origin.HUMAN,
    origin_score: int | None = None,
    note: str = "",
    note_values: dict | None = None,
    review_note: str | None = None,
    expected_version: int | None = None,
) -> Translation:
    """Set text and status of a translation, keeping a revision of the change.

    ``note`` is the author's words, or with ``note_values`` (a dict, possibly
    empty) an English message of the workbench marked with ``gettext_noop``,
    shown in each reader's language. ``review_note`` (the reviewer's reason
    the translator sees) is set when given and left as it is otherwise. The
    quality warnings are checked again (``translations.warnings``).
    """
    if status != Status.UNTRANSLATED and not text.strip():
        status = Status.UNTRANSLATED
    guard = Translation.objects.filter(pk=translation.pk)
    if expected_version is not None:
        guard = guard.filter(version=expected_version)
    review = {} if review_note is None else {"review_note": review_note}
    updated = guard.update(
        **review,
        text=text,
        status=status,
        origin=origin,
        origin_score=origin_score,
        version=F("version") + 1,
        updated_by=user,
        updated_at=timezone.now(),
    )
    if not updated:
        raise EditConflict(Translation.objects.get(pk=translation.pk))
    translation.refresh_from_db()
    Revision.objects.create(
        translation=translation,
        version=translation.version,
        text=text,
        status=status,
        origin=origin,
        note=note,
        note_values=note_values,
        author=user,
    )
    refresh_warnings([translation])
    if status == Status.APPROVED:
        remember(translation)
    return translation


@transaction.atomic
def ensure_translations(segments: list[Segment], languages: list[str]) -> int:
    """Create the missing (untranslated) translation rows; return how many."""
    if not segments or not languages:
        return 0
    existing = set(
        Translation.objects.filter(
            segment__in=[s.pk for s in segments], language__in=languages
        ).values_list("segment_id", "language")
    )
    rows = [
        Translation(segment=segment, language=language)
        for segment in segments
        for language in languages
        if (segment.pk, language) not in existing
    ]
    Translation.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
