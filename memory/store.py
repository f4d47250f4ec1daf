"""Put sentences into the translation memory, merging pairs already held.

Everything that adds to the memory goes through ``store``: it merges a pair
already held (the earliest creation date, the latest change date and the
first origin are kept; an approved status wins over a translated one; notes
and props are added to those held, ``memory.remarks``), inserts the new
ones, indexes their words and counts their terms.
"""

import re
from collections.abc import Callable, Iterable

from django.db import connection, transaction

from core.statuses import Status
from memory import index as memory_index
from memory.context import context_digest, segment_context
from memory.languages import memory_language, memory_variant
from memory.models import MemoryEntry
from memory.pair import Pair
from memory.rows import (
    CHUNK,
    PG_MERGE,
    SQLITE_MERGE,
    ids_of,
    insert,
    merge_remarks,
    when,
)
from memory.text import index_terms, normalise

__all__ = [
    "BATCH",
    "DIGEST",
    "STORED_STATUSES",
    "Pair",
    "context_digest",
    "forget",
    "link",
    "memory_language",
    "memory_variant",
    "rebuild_index",
    "segment_context",
    "store",
]

BATCH = 2000
DIGEST = re.compile(r"[0-9]{1,18}")
STORED_STATUSES = {Status.APPROVED, Status.TRANSLATED}


@transaction.atomic
def store(pairs: Iterable[Pair]) -> tuple[int, int, list[int]]:
    """Add or merge ``pairs``; return (added, merged, ids in ``pairs`` order).

    ``merged`` counts the pairs that were already held, here or earlier in
    ``pairs``.

    Call inside a transaction; pairs repeated within ``pairs`` are merged too.
    """
    unique: dict[int, Pair] = {}
    order: list[int] = []
    for pair in pairs:
        order.append(pair.pair_key)
        if pair.pair_key in unique:
            unique[pair.pair_key].merge(pair)
        else:
            unique[pair.pair_key] = pair
    if not unique:
        return 0, 0, []
    existing = ids_of(list(unique))
    if existing:
        _merge_existing([(existing[k], unique[k]) for k in existing])
    fresh = [pair for key, pair in unique.items() if key not in existing]
    ids = dict(existing)
    inserted = insert(fresh)
    raced = [pair for pair in fresh if pair.pair_key not in inserted]
    if raced:  # stored meanwhile by another transaction (PostgreSQL)
        late = ids_of([pair.pair_key for pair in raced])
        _merge_existing([(late[pair.pair_key], pair) for pair in raced])
        ids.update(late)
        fresh = [pair for pair in fresh if pair.pair_key in inserted]
    ids.update(inserted)
    memory_index.add(
        [
            (
                ids[pair.pair_key],
                index_terms(pair.normalised_source),
                index_terms(pair.normalised_target),
            )
            for pair in fresh
        ]
    )
    return len(fresh), len(order) - len(fresh), [ids[key] for key in order]


def _merge_existing(rows: list[tuple[int, Pair]]) -> None:
    """Merge pairs into the entries already held, in one statement per chunk.

    The merge rule runs in the database against the row as it is when the
    statement locks it, so two transactions merging the same entry never
    lose each other's count or status: the count goes up by one, the dates
    widen (a pair without dates leaves them), and approved wins. Rows are
    merged in id order, so concurrent merges take their locks in one order.
    """
    rows = sorted(rows, key=lambda row: row[0])
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            values = [
                (
                    entry_id,
                    when(pair.created_at),
                    when(pair.changed_at),
                    pair.status,
                    pair.dated,
                )
                for entry_id, pair in chunk
            ]
            if postgres:
                params = [list(column) for column in zip(*values, strict=True)]
                cursor.execute(PG_MERGE % MemoryEntry._meta.db_table, params)
            else:
                rows_sql = ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk))
                cursor.execute(
                    SQLITE_MERGE % (rows_sql, MemoryEntry._meta.db_table),
                    [value for row in values for value in row],
                )
    merge_remarks([(entry_id, pair) for entry_id, pair in rows if pair.remarks])


@transaction.atomic
def rebuild_index(progress: Callable[[int], None] | None = None) -> int:
    """Index every entry anew; return how many.

    For after a PostgreSQL major upgrade (``hashtext`` may change) or
    entries written by other means than this module.
    """
    memory_index.clear()
    memory_index.prepare_bulk_load()
    count = 0
    entries = MemoryEntry.objects.order_by("pk").values_list("pk", "source", "target")
    batch: list[tuple] = []
    for entry_id, source, target in entries.iterator(chunk_size=BATCH):
        batch.append(
            (entry_id, index_terms(normalise(source)), index_terms(normalise(target)))
        )
        if len(batch) == BATCH:
            memory_index.add(batch)
            count += len(batch)
            batch = []
            if progress:
                progress(BATCH)
    memory_index.add(batch)
    count += len(batch)
    if progress and batch:
        progress(len(batch))
    memory_index.refresh_statistics()
    return count


@transaction.atomic
def link(entry: MemoryEntry, *, translation_id: int | None, context: int | None):
    """Tie an entry to the translation it came from, or untie it (``None``).

    An entry keeps the context digest it has; ``context`` fills it when empty.
    """
    entry.translation_id = translation_id
    entry.context = entry.context or context
    entry.save(update_fields=["translation", "context"])
    return entry


@transaction.atomic
def forget(entries: list[MemoryEntry]) -> None:
    """Delete entries from the memory and its index."""
    ids = [entry.pk for entry in entries]
    memory_index.remove(ids)
    MemoryEntry.objects.filter(pk__in=ids).delete()
