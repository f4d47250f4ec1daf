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
  made again from the document on export);
- a file that does not name its target language is refused for a Chinese
  target unless the caller names it (``file_language``), and a file whose
  translations are in the other Chinese script is refused, with the counts.
"""

from collections import Counter
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from conversion.scripts import count_scripts, script_of
from core.inline import codes_in, from_tokens, has_codes, map_codes, plain, to_tokens
from core.languages import BARE_CHINESE
from core.statuses import Origin, Status
from documents.keys import normalise_source
from documents.models import Document
from exchange.annotations import keep_annotations
from formats.bilingual import Catalogue, Unit, read_catalogue
from translations.comments import add_comment
from translations.models import Comment, Translation
from translations.review import can_review
from translations.writing import EditConflict, change_translation

CHINESE = ("zh-Hant", "zh-Hans")
NAMES_SHOWN = 50  # units named per kind in the output; the count is complete
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
    whitespace_normalised: int = 0
    kept: Counter = field(default_factory=Counter)  # comments, flags, notes
    not_kept: dict[str, list[str]] = field(default_factory=dict)

    def leave_out(self, kind: str, name: str) -> None:
        """Count one piece of the file that the document cannot keep."""
        self.not_kept.setdefault(kind, []).append(name)

    def as_dict(self) -> dict:
        return {
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": dict(sorted(self.skipped.items())),
            "unknown_units": self.unknown_units[:NAMES_SHOWN],
            "whitespace_normalised": self.whitespace_normalised,
            "kept": {
                kind: self.kept[kind] for kind in ("comments", "flags", "notes", "file")
            },
            "not_kept": {
                kind: {"count": len(names), "units": names[:NAMES_SHOWN]}
                for kind, names in sorted(self.not_kept.items())
            },
        }

    def not_kept_summary(self) -> str:
        """Return one sentence on what was normalised or not kept ("" if none)."""
        parts = [
            _("%(kind)s: %(count)d (%(names)s)")
            % {
                "kind": NOT_KEPT_LABELS.get(kind, kind),
                "count": len(names),
                "names": ", ".join(names[:3]) + (", …" if len(names) > 3 else ""),
            }
            for kind, names in sorted(self.not_kept.items())
        ]
        sentences = []
        if parts:
            sentences.append(_("Not kept: %(parts)s.") % {"parts": "; ".join(parts)})
        if self.whitespace_normalised:
            sentences.append(
                _("Surrounding white space made like the source's: %(count)d.")
                % {"count": self.whitespace_normalised}
            )
        if any(self.kept.values()):
            sentences.append(
                _(
                    "Kept from the file: %(comments)d comments, %(flags)d flags, "
                    "%(notes)d notes."
                )
                % {kind: self.kept[kind] for kind in ("comments", "flags", "notes")}
            )
        return " ".join(sentences)


def _match_key(text: str) -> str:
    """The form a file's source is matched on: without codes, spaces folded."""
    return normalise_source(plain(text))


def _forms(source: str) -> set[str]:
    """The forms a sentence matches: its plain text, or its codes as PO tokens."""
    return {_match_key(source), _match_key(to_tokens(source))}


def _in_sentence_codes(counts: ImportCounts, unit: Unit, source: str) -> Unit:
    """Return ``unit`` with its target in the inline codes of ``source``.

    A PO file carries codes as tokens (``⟨1⟩``): they become the sentence's
    codes again. XLIFF and TMX number codes their own way: they are
    renumbered by order and kind (``core.inline.map_codes``). A target whose
    codes cannot be placed keeps its words only, counted as
    ``codes_not_placed`` (the code check then names what is missing).
    """
    allowed = set(codes_in(source))
    if allowed and not has_codes(unit.source):
        unit = replace(
            unit,
            source=from_tokens(unit.source, allowed),
            target=from_tokens(unit.target, allowed),
        )
    if not (allowed or has_codes(unit.source) or has_codes(unit.target)):
        return unit
    mapped = map_codes(unit.target, unit.source, source)
    if mapped is None:
        if unit.target.strip():
            counts.leave_out("codes_not_placed", _name(unit))
        return replace(unit, target=plain(unit.target))
    return replace(unit, target=mapped)


NOT_KEPT_LABELS = {
    "codes_not_placed": _lazy("inline codes that could not be placed"),
    "plural_entries": _lazy("plural entries"),
    "obsolete_entries": _lazy("obsolete entries"),
    "previous_sources": _lazy("previous sources"),
    "references": _lazy("references"),
    "comments_over_limit": _lazy("comments too long to keep"),
}


def _check_file(
    catalogue: Catalogue, document: Document, language: str, file_language: str
) -> None:
    if file_language and catalogue.target_language not in (
        "",
        BARE_CHINESE,
        file_language,
    ):
        raise TranslationsRefused(
            _("the file says it is a %(file)s translation, not %(named)s")
            % {"file": catalogue.target_language, "named": file_language}
        )
    file_target = catalogue.target_language or file_language
    if file_target == BARE_CHINESE and language in CHINESE:
        # Chinese, but which script: the caller names it, or the text shows
        # one (and _check_script refuses the other, with the counts).
        file_target = file_language or (language if _measured_script(catalogue) else "")
    if file_target and file_target != language:
        raise TranslationsRefused(
            _("the file is a %(file)s translation, not %(language)s")
            % {"file": file_target, "language": language}
        )
    if not file_target and language in CHINESE:
        raise TranslationsRefused(
            _(
                "the file does not name its target language, and %(language)s "
                "is one of two Chinese scripts: name the file's language "
                'explicitly (--file-language %(language)s, or tick "the file '
                'is in this language" when uploading)'
            )
            % {"language": language}
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
    if language in CHINESE:
        _check_script(catalogue, language)


def _measured_script(catalogue: Catalogue) -> str | None:
    return script_of(count_scripts(_targets_text(catalogue)))


def _targets_text(catalogue: Catalogue) -> str:
    return "".join(
        unit.target + "".join(unit.plural_targets)
        for unit in catalogue.units
        if not unit.obsolete
    )


def _check_script(catalogue: Catalogue, language: str) -> None:
    """Refuse translations written in the other Chinese script than ``language``."""
    count = count_scripts(_targets_text(catalogue))
    script = script_of(count)
    if script and script != language:
        raise TranslationsRefused(
            _(
                "the translations in the file are in %(script)s, not %(language)s "
                "(%(hant)d characters only Traditional, %(hans)d only Simplified)"
            )
            % {
                "script": script,
                "language": language,
                "hant": count.traditional,
                "hans": count.simplified,
            }
        )


def _source_shape(source: str, target: str) -> str:
    """Return ``target`` with the white space around it that ``source`` has."""
    core = target.strip()
    if not core:
        return target
    lead = source[: len(source) - len(source.lstrip())]
    trail = source[len(source.rstrip()) :]
    return lead + core + trail


def _name(unit: Unit) -> str:
    return unit.key or unit.source[:60]


def _annotations(counts: ImportCounts, unit: Unit, own_file: bool) -> dict:
    """Return the flags and notes of a matched unit to keep; count the rest.

    The notes and references of the workbench's own export are made again
    from the document, so they are neither kept nor counted.
    """
    name = _name(unit)
    if unit.previous_source or unit.previous_context:
        counts.leave_out("previous_sources", name)
    found = {"flags": [flag for flag in unit.flags if flag != "fuzzy"]}
    if not own_file:
        found["notes"] = [note for note in unit.notes if note.strip()]
        if unit.file:  # the <file original=…> of a package, written back
            found["file"] = [unit.file]
        if unit.references:
            counts.leave_out("references", name)
    return {kind: values for kind, values in found.items() if values}


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
        counts.leave_out("comments_over_limit", _name(unit))
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


@transaction.atomic
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
    _check_file(catalogue, document, language, file_language)
    own_file = bool(catalogue.document)
    translations = {
        t.segment.key: t
        for t in Translation.objects.filter(
            segment__document=document, segment__is_active=True, language=language
        ).select_related("segment")
    }
    by_source: dict[str, list[Translation]] = {}
    for translation in translations.values():
        for form in _forms(translation.segment.source):
            by_source.setdefault(form, []).append(translation)
    counts = ImportCounts()
    note = _("Imported from %(file)s.") % {"file": filename or _("a file")}
    seen: set[int] = set()
    found: dict[str, dict[str, list[str]]] = {}
    for unit in catalogue.units:
        if unit.obsolete:
            counts.leave_out("obsolete_entries", _name(unit))
            counts.skipped["obsolete"] += 1
            continue
        if unit.plural_source:
            # A sentence has one text: a plural entry cannot be one.
            counts.leave_out("plural_entries", _name(unit))
            counts.skipped["plural"] += 1
            counts.unknown_units.append(_name(unit))
            continue
        current = translations.get(unit.key)
        if current is not None and _match_key(unit.source) not in _forms(
            current.segment.source
        ):
            counts.skipped["source_changed"] += 1
            continue
        if current is None:
            candidates = by_source.get(_match_key(unit.source), [])
            current = candidates[0] if len(candidates) == 1 else None
        if current is None:
            counts.skipped["unknown"] += 1
            counts.unknown_units.append(unit.key or unit.source[:60])
            continue
        if current.pk in seen:
            counts.skipped["duplicate"] += 1
            continue
        seen.add(current.pk)
        unit = _in_sentence_codes(counts, unit, current.segment.source)
        annotations = _annotations(counts, unit, own_file)
        if annotations:
            found[current.segment.key] = annotations
        _keep_comments(counts, unit, current, user)
        if unit.status == "untranslated" or not plain(unit.target).strip():
            # (a target of codes only, as CAT tools leave one, has no words)
            counts.skipped["empty"] += 1
            continue
        target = _source_shape(current.segment.source, unit.target)
        if target != unit.target:
            counts.whitespace_normalised += 1
            unit = replace(unit, target=target)
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
    counts.kept.update(keep_annotations(document=document, found=found))
    return counts
