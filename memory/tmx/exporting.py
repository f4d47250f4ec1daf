"""The memory as TMX: each entry a ``tu`` of its two variants, with the notes,
props and attributes it keeps in their places (``memory.tmx`` says more)."""

from collections.abc import Iterator

from django.db.models import Q

from core.inline import codes_from_json
from formats.bilingual.tmx import Note, Prop, TmxUnit, Tuv, write_tus
from memory.models import MemoryEntry, MemorySource
from memory.remarks import Remarks, swapped

__all__ = ["export_tmx", "memory_units"]


def _entries(source_language: str | None, target_language: str | None):
    entries = MemoryEntry.objects.order_by("pk")
    if source_language and target_language:
        entries = entries.filter(
            Q(source_language=source_language, target_language=target_language)
            | Q(source_language=target_language, target_language=source_language)
        )
    else:
        for code in (source_language, target_language):
            if code:
                entries = entries.filter(
                    Q(source_language=code) | Q(target_language=code)
                )
    return entries


def count_units(
    source_language: str | None = None, target_language: str | None = None
) -> int:
    """How many units ``export_tmx`` writes for the same languages."""
    return _entries(source_language, target_language).count()


def memory_units(
    source_language: str | None = None, target_language: str | None = None
) -> Iterator[TmxUnit]:
    """The memory's entries as TMX units, the given source language first."""
    for entry in _entries(source_language, target_language).iterator(chunk_size=2000):
        reverse = (
            source_language is not None
            and entry.target_language == source_language != entry.source_language
        )
        remarks = Remarks(entry.notes, entry.props, entry.attributes)
        if reverse and remarks:
            remarks = swapped(remarks)
        sides = [
            (entry.source_variant, entry.source),
            (entry.target_variant, entry.target),
        ]
        if reverse:
            sides.reverse()
        props = {"x-status": entry.status, "x-origin": entry.origin}
        if entry.key:
            props["x-key"] = entry.key
        if entry.context is not None:
            props["x-context"] = str(entry.context)
        unit = dict(remarks.attributes.get("unit", {}))
        if not _names_a_side(unit.get("srclang", "*all*"), sides):
            del unit["srclang"]  # the unit's source, in a language not in this pair
        yield TmxUnit(
            tuvs=[
                Tuv(
                    tag,
                    text,
                    _notes(remarks.notes, side),
                    _props(remarks.props, side),
                    dict(remarks.attributes.get(side, {})),
                )
                for side, (tag, text) in zip(("source", "target"), sides, strict=True)
            ],
            tu_notes=_notes(remarks.notes, None),
            tu_props=[
                *(Prop(kind, text) for kind, text in props.items() if text),
                *_props(remarks.props, None),
            ],
            attributes={
                name: value
                for name, value in unit.items()
                if name not in ("tuid", "creationid", "changeid")
            },
            tuid=unit.get("tuid")
            or (entry.key if entry.source_kind == MemorySource.IMPORT else "")
            or str(entry.pk),
            created_at=entry.created_at,
            changed_at=entry.changed_at,
            created_by=unit.get("creationid") or entry.author,
            changed_by=unit.get("changeid") or entry.author,
            codes=codes_from_json(entry.codes),
        )


def _names_a_side(srclang: str, sides: list[tuple[str, str]]) -> bool:
    """Whether a ``srclang`` fits a ``tu`` of these variants."""
    primary = srclang.lower().replace("_", "-").split("-")[0]
    return srclang == "*all*" or any(
        tag.lower().split("-")[0] == primary for tag, _text in sides
    )


def _notes(items: list[dict], side: str | None) -> list[Note]:
    if not items:
        return []
    return [
        Note(item["text"], lang=item.get("lang", ""), encoding=item.get("encoding", ""))
        for item in items
        if item.get("side") == side
    ]


def _props(items: list[dict], side: str | None) -> list[Prop]:
    if not items:
        return []
    return [
        Prop(
            item["type"],
            item["text"],
            lang=item.get("lang", ""),
            encoding=item.get("encoding", ""),
        )
        for item in items
        if item.get("side") == side
    ]


def export_tmx(
    source_language: str | None = None, target_language: str | None = None
) -> Iterator[bytes]:
    """TMX 1.4b of the memory (or of one language pair) as UTF-8 chunks."""
    return write_tus(
        memory_units(source_language, target_language),
        source_language=source_language or "*all*",
    )
