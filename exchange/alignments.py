"""Alignments under review: made from two files or two documents, shaped
by a reviewer, committed into the memory and, if asked, into the English
document's translations.

The one write path of an ``Alignment``: ``create_from_files``,
``create_from_documents``, ``edit`` (a reviewer's correction, based on
the version the page showed: a stale one is ``AlignmentConflict``) and
``commit``.
"""

import re
from datetime import UTC, datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from alignment import editing
from core.inline import plain
from core.statuses import Origin, Status
from documents.models import Document, Segment
from exchange.aligning import (
    align_texts,
    both_paragraphs,
    commit_alignment,
    read_release,
)
from exchange.importing import ImportRefused, import_document, set_target_languages
from exchange.models import Alignment, AlignmentState
from translations.models import Translation
from translations.writing import change_translation

#: Beads under this confidence are shown for review.
REVIEW_BELOW = 0.5
#: The statuses a commit may give the translations it fills.
FILL_STATUSES = (Status.TRANSLATED, Status.APPROVED)

#: "Ends/Tuesday, March 3, 2026": the date a release was published.
_ENDS_DATE = re.compile(r"Ends\s*/\s*\w+\s*,\s*([A-Z][a-z]+\s+\d{1,2}\s*,\s*\d{4})")
#: "2026年3月3日": the same in the Chinese version.
_ZH_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


class AlignmentConflict(Exception):
    """The alignment changed since the version a change was based on."""


class AlignmentRefused(Exception):
    """The alignment cannot be made or committed as asked; one line."""


def create_from_files(
    *,
    english_data: bytes,
    english_name: str,
    chinese_data: bytes,
    chinese_name: str,
    chinese_language: str,
    user=None,
    name: str = "",
    lines: bool = False,
) -> Alignment:
    """Read, segment and align two files into an alignment to review.

    Raises ``ImportRefused`` or ``FormatError`` naming the file that cannot
    be read.
    """
    english_release = read_release(english_data, english_name, "en", lines=lines)
    chinese_release = read_release(
        chinese_data, chinese_name, chinese_language, lines=lines
    )
    title, english = english_release.title, english_release.sentences
    chinese = chinese_release.sentences
    alignment = Alignment(
        name=(name or english_name)[:255],
        title=(title or name or english_name)[:500],
        chinese_language=chinese_language,
        english_filename=english_name[:255],
        chinese_filename=chinese_name[:255],
        english_file=b"" if lines else english_data,
        english=english,
        chinese=chinese,
        created_by=user,
    )
    alignment.set_beads(
        align_texts(
            english,
            chinese,
            chinese_language=chinese_language,
            paragraphs=both_paragraphs(english_release, chinese_release),
        )
    )
    alignment.save()
    return alignment


def document_sentences(document: Document) -> list[str]:
    """The current sentences of a document, as plain text, in order."""
    return [source for source, _paragraph in _document_rows(document)]


def _document_rows(document: Document) -> list[tuple[str, int]]:
    return [
        (plain(source), paragraph)
        for source, paragraph in Segment.objects.filter(document=document)
        .active()
        .order_by("position")
        .values_list("source", "paragraph")
    ]


def create_from_documents(
    *, english_document: Document, chinese_document: Document, user=None
) -> Alignment:
    """Align an English document of the workbench with its Chinese version."""
    if english_document.source_language != "en":
        raise AlignmentRefused(
            _("%(title)s is not an English document.")
            % {"title": english_document.title}
        )
    chinese_language = chinese_document.source_language
    if not chinese_language.startswith("zh"):
        raise AlignmentRefused(
            _("%(title)s is not a Chinese document.")
            % {"title": chinese_document.title}
        )
    english_rows = _document_rows(english_document)
    chinese_rows = _document_rows(chinese_document)
    english = [text for text, _paragraph in english_rows]
    chinese = [text for text, _paragraph in chinese_rows]
    alignment = Alignment(
        name=english_document.title[:255],
        title=english_document.title[:500],
        chinese_language=chinese_language,
        english_filename=english_document.original_filename,
        chinese_filename=chinese_document.original_filename,
        english_document=english_document,
        chinese_document=chinese_document,
        english=english,
        chinese=chinese,
        created_by=user,
    )
    alignment.set_beads(
        align_texts(
            english,
            chinese,
            chinese_language=chinese_language,
            paragraphs=(
                [paragraph for _text, paragraph in english_rows],
                [paragraph for _text, paragraph in chinese_rows],
            ),
        )
    )
    alignment.save()
    return alignment


def _locked(alignment: Alignment, expected_version: int) -> Alignment:
    current = Alignment.objects.select_for_update().get(pk=alignment.pk)
    if current.version != expected_version:
        raise AlignmentConflict(current.version)
    if current.state != AlignmentState.OPEN:
        raise AlignmentRefused(_("This alignment is committed already."))
    return current


@transaction.atomic
def edit(
    alignment: Alignment, *, action: str, index: int, expected_version: int
) -> Alignment:
    """Apply a reviewer's correction (``alignment.editing.ACTIONS``) to a bead.

    Raises ``AlignmentConflict`` when the alignment changed since
    ``expected_version``, ``editing.CannotEdit`` when the action does not
    apply; either way nothing changes.
    """
    current = _locked(alignment, expected_version)
    beads = editing.edit(current.bead_list(), action, index)
    if not editing.is_partition(beads, len(current.english), len(current.chinese)):
        raise editing.CannotEdit("the beads would not cover both sides")
    current.set_beads(beads)
    current.version += 1
    current.save(update_fields=["beads", "version", "updated_at"])
    return current


def published_on(alignment: Alignment) -> datetime | None:
    """The date the release was published, from its closing lines."""
    for text in reversed(alignment.english):
        if found := _ENDS_DATE.search(text):
            try:
                day = datetime.strptime(" ".join(found.group(1).split()), "%B %d, %Y")
            except ValueError:
                continue
            return day.replace(tzinfo=UTC)
    for text in reversed(alignment.chinese):
        if found := _ZH_DATE.search(text):
            try:
                return datetime(*map(int, found.groups()), tzinfo=UTC)
            except ValueError:
                continue
    return None


@transaction.atomic
def commit(
    alignment: Alignment, *, user, expected_version: int, fill: str | None = None
) -> dict:
    """Put the alignment's two-sided beads into the memory; with ``fill``
    (``translated`` or ``approved``), also fill the English document's
    translations into the Chinese language.

    The English document is the one aligned, or, for uploaded files, the
    English file imported now. A bead of one English sentence fills it
    with the bead's Chinese; a bead of several English sentences cannot be
    divided among them and is counted in ``not_filled`` (its pair is in the
    memory), as is a translation someone already wrote (``kept``). Every
    translation filled gets a revision.
    """
    current = _locked(alignment, expected_version)
    if fill is not None and fill not in FILL_STATUSES:
        raise AlignmentRefused(_("Choose translated or approved."))
    beads = current.bead_list()
    date = published_on(current)
    counts = commit_alignment(
        current.english,
        current.chinese,
        beads,
        chinese_language=current.chinese_language,
        origin=current.title or current.name,
        published=date,
    )
    if fill is not None:
        counts.update(_fill(current, beads, user=user, status=fill))
    current.state = AlignmentState.COMMITTED
    current.version += 1
    current.result = counts
    current.committed_by = user
    current.committed_at = datetime.now(UTC)
    current.save()
    return counts


def _english_document(alignment: Alignment, user) -> Document:
    """The document to fill: the one aligned, or the uploaded file imported."""
    document = alignment.english_document
    if document is None:
        if not alignment.english_file:
            raise AlignmentRefused(
                _("%(name)s was given as lines, not as a document: there is no "
                  "document to fill.") % {"name": alignment.english_filename}
            )  # fmt: skip
        document = import_document(
            data=bytes(alignment.english_file),
            filename=alignment.english_filename,
            source_language="en",
            targets=[alignment.chinese_language],
            user=user,
        )
        alignment.english_document = document
    elif alignment.chinese_language not in document.target_languages:
        set_target_languages(
            document=document,
            languages=[*document.target_languages, alignment.chinese_language],
        )
    if document_sentences(document) != list(alignment.english):
        raise AlignmentRefused(
            _("%(title)s has changed since it was aligned: align it again.")
            % {"title": document.title}
        )
    return document


def _fill(alignment: Alignment, beads, *, user, status: str) -> dict:
    try:
        document = _english_document(alignment, user)
    except ImportRefused as refused:
        raise AlignmentRefused(str(refused)) from refused
    segments = list(
        Segment.objects.filter(document=document).active().order_by("position")
    )
    rows = {
        t.segment_id: t
        for t in Translation.objects.select_for_update().filter(
            segment__in=segments, language=alignment.chinese_language
        )
    }
    filled = kept = not_filled = 0
    for bead in beads:
        if not bead.source or not bead.target:
            continue
        if len(bead.source) > 1:
            not_filled += len(bead.source)
            continue
        translation = rows[segments[bead.source[0]].pk]
        if translation.text:
            kept += 1
            continue
        change_translation(
            translation=translation,
            text="".join(alignment.chinese[j] for j in bead.target),
            status=status,
            user=user,
            origin=Origin.IMPORT,
            note=gettext_noop("From the published version (alignment %(alignment)d)"),
            note_values={"alignment": alignment.pk},
            expected_version=translation.version,
        )
        filled += 1
    return {
        "document": document.pk,
        "filled": filled,
        "kept": kept,
        "not_filled": not_filled,
        "status": status,
    }
