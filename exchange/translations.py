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
  another document, are reported, never guessed;
- a sentence someone saves while the file is applied keeps their text and
  is counted as ``changed_meanwhile``.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from core.statuses import Origin, Status
from documents.keys import normalise_source
from documents.models import Document
from formats.bilingual import Catalogue, Unit, read_catalogue
from translations.models import Translation
from translations.review import can_review
from translations.writing import EditConflict, change_translation

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


class TranslationsRefused(ValueError):
    """The whole file is for something else; nothing was imported."""


@dataclass
class ImportCounts:
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)
    unknown_units: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": dict(sorted(self.skipped.items())),
            "unknown_units": self.unknown_units[:50],
        }


def _check_file(catalogue: Catalogue, document: Document, language: str) -> None:
    if catalogue.target_language and catalogue.target_language != language:
        raise TranslationsRefused(
            _("the file is a %(file)s translation, not %(language)s")
            % {"file": catalogue.target_language, "language": language}
        )
    if (
        catalogue.source_language
        and catalogue.source_language.split("-")[0]
        != document.source_language.split("-")[0]
    ):
        raise TranslationsRefused(
            _("the file's source language is %(file)s, the document's %(doc)s")
            % {"file": catalogue.source_language, "doc": document.source_language}
        )
    if catalogue.document and catalogue.document.lstrip("d") != str(document.pk):
        raise TranslationsRefused(
            _("the file belongs to document %(file)s, not %(doc)d")
            % {"file": catalogue.document.lstrip("d"), "doc": document.pk}
        )
    if language not in document.target_languages:
        raise TranslationsRefused(
            _("%(language)s is not a target language of this document")
            % {"language": language}
        )


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


@transaction.atomic
def import_translations(
    *,
    document: Document,
    language: str,
    catalogue: Catalogue,
    user=None,
    filename: str = "",
) -> ImportCounts:
    """Apply a file's translations to a document's sentences; return counts."""
    _check_file(catalogue, document, language)
    translations = {
        t.segment.key: t
        for t in Translation.objects.filter(
            segment__document=document, segment__is_active=True, language=language
        ).select_related("segment")
    }
    by_source: dict[str, list[Translation]] = {}
    for translation in translations.values():
        by_source.setdefault(normalise_source(translation.segment.source), []).append(
            translation
        )
    counts = ImportCounts()
    note = _("Imported from %(file)s.") % {"file": filename or _("a file")}
    seen: set[int] = set()
    for unit in catalogue.units:
        current = translations.get(unit.key)
        if current is not None and normalise_source(
            current.segment.source
        ) != normalise_source(unit.source):
            counts.skipped["source_changed"] += 1
            continue
        if current is None:
            candidates = by_source.get(normalise_source(unit.source), [])
            current = candidates[0] if len(candidates) == 1 else None
        if current is None:
            counts.skipped["unknown"] += 1
            counts.unknown_units.append(unit.key or unit.source[:60])
            continue
        if current.pk in seen:
            counts.skipped["duplicate"] += 1
            continue
        seen.add(current.pk)
        if unit.status == "untranslated" or not unit.target.strip():
            counts.skipped["empty"] += 1
            continue
        status = _new_status(unit, current, user)
        if unit.target == current.text and status == current.status:
            counts.unchanged += 1
            continue
        try:
            change_translation(
                translation=current,
                text=unit.target,
                status=status,
                origin=Origin.IMPORT if unit.target != current.text else current.origin,
                user=user,
                note=note,
                expected_version=current.version,
            )
        except EditConflict:
            # Someone saved the sentence while the file was being applied:
            # their text stands, and the count says so.
            counts.skipped["changed_meanwhile"] += 1
            continue
        counts.updated += 1
    return counts
