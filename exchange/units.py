"""A file's unit made to fit a sentence: its match key, codes, white space, remarks.

Units are matched on text without inline codes; a target's codes become the
sentence's; its surrounding white space takes the source's shape; its flags
and notes are kept as annotations, what cannot be kept is counted.
"""

from dataclasses import replace

from django.utils.translation import gettext as _

from core.inline import codes_in, from_tokens, has_codes, map_codes, plain, to_tokens
from documents.keys import normalise_source
from exchange.accounting import ImportCounts, unit_name
from formats.bilingual import Unit

__all__ = [
    "forms",
    "in_sentence_codes",
    "match_key",
    "source_shape",
    "unit_annotations",
]


def match_key(text: str) -> str:
    """The form a file's source is matched on: without codes, spaces folded."""
    return normalise_source(plain(text))


def forms(source: str) -> set[str]:
    """The forms a sentence matches: its plain text, or its codes as PO tokens."""
    return {match_key(source), match_key(to_tokens(source))}


def in_sentence_codes(counts: ImportCounts, unit: Unit, source: str) -> Unit:
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
            counts.leave_out("codes_not_placed", unit_name(unit))
        return replace(unit, target=plain(unit.target))
    return replace(unit, target=mapped)


def source_shape(source: str, target: str) -> str:
    """Return ``target`` with the white space around it that ``source`` has."""
    core = target.strip()
    if not core:
        return target
    lead = source[: len(source) - len(source.lstrip())]
    trail = source[len(source.rstrip()) :]
    return lead + core + trail


def unit_annotations(
    counts: ImportCounts, unit: Unit, own_file: bool, sentence_key: str = ""
) -> dict:
    """Return the flags and notes of a matched unit to keep; count the rest.

    The notes and references of the workbench's own export are made again
    from the document, so they are neither kept nor counted. Another tool's
    context for the unit (PO ``msgctxt``, XLIFF ``resname``) that is not the
    sentence's key becomes a note, written back on export.
    """
    name = unit_name(unit)
    if unit.previous_source or unit.previous_context:
        counts.leave_out("previous_sources", name)
    if unit.alt_trans:
        counts.leave_out("alt_trans", name)
    found = {"flags": [flag for flag in unit.flags if flag != "fuzzy"]}
    if not own_file:
        found["notes"] = [note for note in unit.notes if note.strip()]
        if unit.context.strip() and unit.context != sentence_key:
            found["notes"].append(
                _("Context in the file: %(context)s") % {"context": unit.context}
            )
        if unit.file:  # the <file original=…> of a package, written back
            found["file"] = [unit.file]
        if unit.references:
            counts.leave_out("references", name)
    return {kind: values for kind, values in found.items() if values}
