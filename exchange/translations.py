"""Bring translations back from PO, XLIFF or TMX files into a document.

Units are matched to sentences by key, then by source text. Rules:

- a fuzzy (XLIFF "initial") translation becomes a draft;
- a plain (translated) one becomes translated;
- a sentence whose text does not change keeps its status, so an approved
  sentence stays approved and one sent back stays sent back; one whose text
  changes goes back to translated (or draft), with a revision;
- a file marked approved only approves when a reviewer imports it;
- an empty translation never erases one that exists;
- units of no sentence of the document, a file for another language or
  another document, are reported, never guessed; a unit whose source the
  document has several times fills each of those sentences (the counts are
  by unit; the other sentences' are apart, in ``same_source``);
- a sentence takes the first non-empty target the file gives it; a later
  unit with another target is counted as ``conflicting_translations`` (its
  notes as ``conflicting_notes``), one with the same target as a duplicate;
- a file approval applies only when a reviewer imports the file; otherwise
  it is counted as ``approval_not_applied``;
- a sentence someone saves while the file is applied keeps their text and
  is counted as ``changed_meanwhile``;
- a target's surrounding white space takes the source's shape (a source
  ending in a newline gives a target ending in one, and only then; the
  indentation of pretty-printed XML goes), so a PO export passes
  ``msgfmt -c``; counted as ``whitespace_normalised``;
- a translator comment (PO ``#``) becomes a comment on the translation,
  unless the sentence already has it (a re-imported export);
- units are matched on text without inline codes; a target's codes become
  the sentence's (PO tokens ``⟨1⟩`` turned back, XLIFF/TMX codes renumbered
  by order and kind); a target whose codes cannot be placed keeps its words
  and is counted as ``codes_not_placed``;
- what a sentence cannot hold is counted by unit in ``not_kept``, never
  dropped unsaid: plural entries (a sentence has one text), obsolete
  entries, flags (``c-format``...), previous sources (``#|``), and the
  notes and references of a file the workbench did not write (its own are
  made again from the document on export); XLIFF units marked
  ``translate="no"``, file and group notes, and ``<alt-trans>`` are counted
  (``not_translatable``, ``file_notes``, ``group_notes``, ``alt_trans``);
- another tool's context (PO ``msgctxt``, XLIFF ``resname``) that is not a
  sentence key becomes a note on the sentence, written back on export;
- a file that does not name its target language is refused for a Chinese
  target unless the caller names it (``file_language``), and a file whose
  translations are in the other Chinese script is refused, with the counts;
  a regional variant of the target (``fr-FR`` for ``fr``) is taken, noted
  as ``file_language`` in the counts.
"""

from dataclasses import replace

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_noop

from core.inline import plain
from core.statuses import Origin, Status
from documents.models import Document
from exchange.accounting import NAMES_SHOWN, NOT_KEPT_LABELS, ImportCounts, unit_name
from exchange.annotations import keep_annotations
from exchange.checking import CHINESE, TranslationsRefused, check_file
from exchange.units import (
    forms,
    in_sentence_codes,
    match_key,
    source_shape,
    unit_annotations,
)
from formats.bilingual import Catalogue, Unit, read_catalogue
from translations.comments import add_comment
from translations.models import Comment, Translation
from translations.review import can_review
from translations.warnings import deferred
from translations.writing import EditConflict, change_translation

__all__ = [
    "CHINESE",
    "FILE_STATUS",
    "NAMES_SHOWN",
    "NOT_KEPT_LABELS",
    "ImportCounts",
    "TranslationsRefused",
    "import_translations",
    "read_translations",
]

FILE_STATUS = {
    "draft": Status.DRAFT,
    "rejected": Status.DRAFT,
    "translated": Status.TRANSLATED,
    "approved": Status.APPROVED,
}


def read_translations(
    data: bytes,
    filename: str,
    *,
    document: Document,
    language: str,
    max_units: int | None = None,
) -> Catalogue:
    """Read a PO, XLIFF or TMX file of translations into ``language``.

    A TMX file gives the units holding the document's source language and
    ``language``. At most ``max_units`` units (``MAX_FILE_UNITS`` unless
    given). Raises ``FormatError`` naming the line or unit.
    """
    return read_catalogue(
        data,
        filename,
        source_language=document.source_language,
        target_language=language,
        max_po_bytes=settings.MAX_PO_BYTES,
        max_units=max_units or settings.MAX_FILE_UNITS,
    )


def _keep_comments(
    counts: ImportCounts, unit: Unit, translation: Translation, user
) -> None:
    """Add a unit's translator comments the sentence does not already have."""
    lines = [line.strip() for line in unit.comments if line.strip()]
    if not lines:
        return
    existing = {
        line.strip()
        for text in Comment.objects.filter(
            segment=translation.segment, language__in=["", translation.language]
        ).values_list("text", flat=True)
        for line in text.splitlines()
    }
    new = [line for line in lines if line not in existing]
    if not new:
        return
    text = "\n".join(new)
    if len(text) > settings.MAX_COMMENT_CHARS:
        counts.leave_out("comments_over_limit", unit_name(unit))
        return
    add_comment(translation=translation, author=user, text=text)
    counts.kept["comments"] += 1


def _new_status(unit: Unit, current: Translation, user) -> str:
    wanted = FILE_STATUS.get(unit.status, Status.TRANSLATED)
    if unit.target == current.text:
        if current.status == Status.APPROVED and wanted != Status.DRAFT:
            return Status.APPROVED
        if current.status == Status.REJECTED and wanted == Status.DRAFT:
            return Status.REJECTED  # still waiting for the translator
        if wanted == Status.APPROVED and not can_review(user):
            return (
                current.status
                if current.status != Status.UNTRANSLATED
                else (Status.TRANSLATED)
            )
        return wanted
    if wanted == Status.APPROVED and not can_review(user):
        return Status.TRANSLATED
    return wanted


def _count_file(counts: ImportCounts, catalogue: Catalogue) -> None:
    """Count what the file holds outside the units read: translate="no", notes."""
    for name in catalogue.not_translatable:
        counts.leave_out("not_translatable", name)
        counts.skipped["not_translatable"] += 1
    for name in catalogue.file_notes:
        counts.leave_out("file_notes", name)
    for name in catalogue.group_notes:
        counts.leave_out("group_notes", name)
    if not catalogue.document:  # another tool's header; ours is made anew
        for name in catalogue.header_fields:
            counts.leave_out("header_fields", name)


def _merge(found: dict, key: str, annotations: dict) -> None:
    """Add a unit's annotations to those found for the sentence ``key``."""
    entry = found.setdefault(key, {})
    for kind, values in annotations.items():
        present = entry.setdefault(kind, [])
        present.extend(value for value in values if value not in present)


@transaction.atomic
@deferred()
def import_translations(
    *,
    document: Document,
    language: str,
    catalogue: Catalogue,
    user=None,
    filename: str = "",
    file_language: str = "",
) -> ImportCounts:
    """Apply a file's translations to a document's sentences; return counts.

    ``file_language`` names the file's target language when the file does not.
    """
    variant = check_file(catalogue, document, language, file_language)
    own_file = bool(catalogue.document)
    translations = {
        t.segment.key: t
        for t in Translation.objects.filter(
            segment__document=document, segment__is_active=True, language=language
        ).select_related("segment")
    }
    by_source: dict[str, list[Translation]] = {}
    for translation in translations.values():
        for form in forms(translation.segment.source):
            by_source.setdefault(form, []).append(translation)
    counts = ImportCounts(file_variant=variant)
    _count_file(counts, catalogue)
    note = (
        {"note": gettext_noop("Imported from %(file)s."), "values": {"file": filename}}
        if filename
        else {"note": gettext_noop("Imported from a file."), "values": {}}
    )
    applied: dict[int, str] = {}  # sentence -> the target the file gave it
    found: dict[str, dict[str, list[str]]] = {}
    for unit in catalogue.units:
        if unit.obsolete:
            counts.leave_out("obsolete_entries", unit_name(unit))
            counts.skipped["obsolete"] += 1
            continue
        if unit.plural_source:
            # A sentence has one text: a plural entry cannot be one.
            counts.leave_out("plural_entries", unit_name(unit))
            counts.skipped["plural"] += 1
            continue
        current = translations.get(unit.key)
        if current is not None and match_key(unit.source) not in forms(
            current.segment.source
        ):
            counts.skipped["source_changed"] += 1
            continue
        # A sentence the document has several times takes the unit in each
        # place (the same text is the same translation); what the unit
        # cannot keep is counted once.
        currents = (
            [current]
            if current is not None
            else by_source.get(match_key(unit.source), [])
        )
        if not currents:
            counts.skipped["unknown"] += 1
            counts.unknown_units.append(unit.key or unit.source[:60])
            continue
        for number, current in enumerate(currents):
            # the counts are by unit: the sentences after the first are
            # counted apart, by what became of them (``same_source``)
            each = counts if number == 0 else ImportCounts()
            _apply(
                each,
                unit,
                current,
                applied=applied,
                found=found,
                own_file=own_file,
                user=user,
                note=note,
            )
            if each is not counts:
                counts.add_same_source(each)
    counts.kept.update(keep_annotations(document=document, found=found))
    return counts


def _apply(
    counts: ImportCounts,
    unit: Unit,
    current: Translation,
    *,
    applied: dict[int, str],
    found: dict,
    own_file: bool,
    user,
    note: dict,
) -> None:
    """Apply one unit to one sentence, counting what became of it.

    A sentence takes the first non-empty target the file gives it; a later
    unit with the same target (or none) is a duplicate, whose notes and
    comments join the sentence's; one with another target is counted as a
    conflicting translation, with its notes.
    """
    name = unit_name(unit)
    key = current.segment.key
    unit = in_sentence_codes(counts, unit, current.segment.source)
    empty = unit.status == "untranslated" or not plain(unit.target).strip()
    # (a target of codes only, as CAT tools leave one, has no words)
    target = unit.target if empty else source_shape(current.segment.source, unit.target)
    if current.pk in applied and not (empty or target == applied[current.pk]):
        counts.leave_out("conflicting_translations", name)
        for text in [*unit.notes, *unit.comments]:
            if text.strip():
                counts.leave_out("conflicting_notes", name)
        return
    _merge(found, key, unit_annotations(counts, unit, own_file, key))
    _keep_comments(counts, unit, current, user)
    if current.pk in applied:
        counts.skipped["duplicate"] += 1
        return
    if empty:
        counts.skipped["empty"] += 1
        return
    if target != unit.target:
        counts.whitespace_normalised += 1
        unit = replace(unit, target=target)
    applied[current.pk] = unit.target
    status = _new_status(unit, current, user)
    if FILE_STATUS.get(unit.status) == Status.APPROVED and status != Status.APPROVED:
        counts.leave_out("approval_not_applied", name)
    if unit.target == current.text and status == current.status:
        counts.unchanged += 1
        return
    try:
        change_translation(
            translation=current,
            text=unit.target,
            status=status,
            origin=Origin.IMPORT if unit.target != current.text else current.origin,
            user=user,
            note=note["note"],
            note_values=note["values"],
            expected_version=current.version,
        )
    except EditConflict:
        # Someone saved the sentence while the file was being applied:
        # their text stands, and the count says so.
        counts.skipped["changed_meanwhile"] += 1
        return
    counts.updated += 1
