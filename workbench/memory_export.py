"""Write the translation memory out as TMX, streamed from the database."""

from collections.abc import Iterator

from django.db.models import Q

from workbench.formats.tmx import TmxUnit, write_tus
from workbench.models import MemoryEntry

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


def memory_units(
    source_language: str | None = None, target_language: str | None = None
) -> Iterator[TmxUnit]:
    """The memory's entries as TMX units, the given source language first."""
    for entry in _entries(source_language, target_language).iterator(chunk_size=2000):
        props = {"x-status": entry.status, "x-origin": entry.origin}
        if entry.key:
            props["x-key"] = entry.key
        if entry.context is not None:
            props["x-context"] = str(entry.context)
        yield TmxUnit(
            variants=dict(entry.oriented(source_language or entry.source_language)),
            props={k: v for k, v in props.items() if v},
            tuid=str(entry.pk),
            created_at=entry.created_at,
            changed_at=entry.changed_at,
            created_by=entry.author,
            changed_by=entry.author,
        )


def export_tmx(
    source_language: str | None = None, target_language: str | None = None
) -> Iterator[bytes]:
    """TMX 1.4b of the memory (or of one language pair) as UTF-8 chunks."""
    return write_tus(
        memory_units(source_language, target_language),
        source_language=source_language or "*all*",
    )
