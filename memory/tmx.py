"""TMX in and out of the memory: a streamed import, all or nothing, and a
streamed export of every entry or one language pair."""

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.db import transaction
from django.db.models import Q

from core.languages import UnknownLanguage
from core.statuses import Status
from formats.bilingual.tmx import TmxUnit, iter_units, write_tus
from memory import index as memory_index
from memory.models import MemoryEntry, MemorySource
from memory.store import BATCH, DIGEST, STORED_STATUSES, Pair, memory_language, store

__all__ = ["ImportCounts", "export_tmx", "import_tmx", "memory_units", "unit_pairs"]


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


@dataclass
class ImportCounts:
    units: int = 0
    added: int = 0
    merged: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "units": self.units,
            "added": self.added,
            "merged": self.merged,
            "skipped": self.skipped,
        }


def unit_pairs(
    unit: TmxUnit,
    *,
    origin: str,
    source_language: str | None = None,
    target_language: str | None = None,
) -> list[Pair]:
    """The pairs a TMX unit gives: every two of its languages, in file order.

    A unit in English, Traditional and Simplified Chinese gives three pairs,
    each usable both ways, so a zh-Hant to zh-Hans lookup finds it too.

    With ``source_language`` and ``target_language``, only that pair.
    """
    variants: dict[str, str] = {}
    for code, text in unit.variants.items():
        try:
            language = memory_language(code)
        except UnknownLanguage:
            continue
        if text.strip():
            variants.setdefault(language, text)
    if source_language and target_language:
        if source_language not in variants or target_language not in variants:
            return []
        wanted = [(source_language, target_language)]
    else:
        wanted = list(itertools.combinations(variants, 2))
    status = unit.props.get("x-status", "")
    context = unit.props.get("x-context", "").strip()
    return [
        Pair(
            source_language=source,
            source=variants[source],
            target_language=target,
            target=variants[target],
            source_kind=MemorySource.IMPORT,
            origin=(unit.props.get("x-origin") or origin)[:255],
            status=status if status in STORED_STATUSES else Status.TRANSLATED,
            key=(unit.props.get("x-key") or unit.tuid)[:255],
            context=int(context) if DIGEST.fullmatch(context) else None,
            author=(unit.changed_by or unit.created_by)[:150],
            created_at=unit.created_at,
            changed_at=unit.changed_at,
            dated=bool(unit.created_at or unit.changed_at),
        )
        for source, target in wanted
    ]


def import_tmx(
    stream: BinaryIO,
    *,
    origin: str,
    source_language: str | None = None,
    target_language: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportCounts:
    """Stream a TMX file into the memory, all of it or nothing.

    ``progress`` is called with the number of units read so far, every
    batch. Raises ``FormatError`` (and stores nothing) on a bad file.
    """
    counts = ImportCounts()
    with transaction.atomic():
        memory_index.prepare_bulk_load()
        for batch in _batches(iter_units(stream)):
            pairs = []
            for unit in batch:
                made = unit_pairs(
                    unit,
                    origin=origin,
                    source_language=source_language,
                    target_language=target_language,
                )
                if not made:
                    counts.skipped += 1
                pairs.extend(made)
            added, merged, _ = store(pairs)
            counts.units += len(batch)
            counts.added += added
            counts.merged += merged
            if progress:
                progress(counts.units)
        if counts.added:
            memory_index.refresh_statistics()
    return counts


def _batches(units: Iterator[TmxUnit]) -> Iterator[list[TmxUnit]]:
    batch: list[TmxUnit] = []
    for unit in units:
        batch.append(unit)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
