"""Put sentences into the translation memory, merging pairs already held.

Everything that adds to the memory goes through ``store``: it merges a pair
already held (the earliest creation date, the latest change date and the
first origin are kept; an approved status wins over a translated one),
inserts the new ones, indexes their words and counts their terms.
"""

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from core.languages import normalise as normalise_language
from core.statuses import Status
from documents.models import Segment
from memory import index as memory_index
from memory.models import MemoryEntry
from memory.text import index_terms, normalise, pair_key, text_key

__all__ = [
    "BATCH",
    "DIGEST",
    "STORED_STATUSES",
    "Pair",
    "context_digest",
    "forget",
    "link",
    "memory_language",
    "rebuild_index",
    "segment_context",
    "store",
]

BATCH = 2000
#: SQLite allows 32,766 parameters a statement; lists of keys go in chunks.
CHUNK = 1000
DIGEST = re.compile(r"[0-9]{1,18}")
STORED_STATUSES = {Status.APPROVED, Status.TRANSLATED}


@functools.lru_cache(maxsize=512)
def memory_language(code: str) -> str:
    """The language code the memory files text under.

    Chinese keeps its script (``zh-Hant``, ``zh-Hans``); other languages
    keep their primary subtag only, so ``en-US`` and ``en-GB`` sentences
    serve an ``en`` document. Raises ``UnknownLanguage``.
    """
    code = normalise_language(code)
    return code if code.startswith("zh-") else code.split("-")[0]


@dataclass
class Pair:
    """A sentence pair on its way into the memory."""

    source_language: str
    source: str
    target_language: str
    target: str
    source_kind: str
    origin: str = ""
    status: str = Status.APPROVED
    key: str = ""
    context: int | None = None
    author: str = ""
    created_at: datetime | None = None
    changed_at: datetime | None = None
    #: False for a TMX unit without dates: merging it leaves the dates alone.
    dated: bool = True
    normalised_source: str = field(init=False, repr=False)
    normalised_target: str = field(init=False, repr=False)
    source_key: int = field(init=False)
    target_key: int = field(init=False)
    pair_key: int = field(init=False)

    def __post_init__(self) -> None:
        self.normalised_source = normalise(self.source)
        self.normalised_target = normalise(self.target)
        self.source_key = text_key(self.source_language, self.normalised_source)
        self.target_key = text_key(self.target_language, self.normalised_target)
        self.pair_key = pair_key(self.source_key, self.target_key)
        now = timezone.now()
        self.created_at = self.created_at or self.changed_at or now
        self.changed_at = self.changed_at or self.created_at

    def merge(self, other: "Pair") -> None:
        if other.dated:
            self.created_at = min(self.created_at, other.created_at)
            self.changed_at = max(self.changed_at, other.changed_at)
        if other.status == Status.APPROVED:
            self.status = Status.APPROVED


_COLUMNS = (
    "source_language",
    "source",
    "target_language",
    "target",
    "source_key",
    "target_key",
    "pair_key",
    "status",
    "source_kind",
    "origin",
    "key",
    "context",
    "author",
    "created_at",
    "changed_at",
)
_PG_TYPES = (
    "varchar", "text", "varchar", "text", "bigint", "bigint", "bigint", "varchar",
    "varchar", "varchar", "varchar", "bigint", "varchar", "timestamptz",
    "timestamptz",
)  # fmt: skip


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
    existing = _ids_of(list(unique))
    if existing:
        _merge_existing([(existing[k], unique[k]) for k in existing])
    fresh = [pair for key, pair in unique.items() if key not in existing]
    ids = dict(existing)
    inserted = _insert(fresh)
    raced = [pair for pair in fresh if pair.pair_key not in inserted]
    if raced:  # stored meanwhile by another transaction (PostgreSQL)
        late = _ids_of([pair.pair_key for pair in raced])
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


def _values(pair: Pair) -> list:
    return [
        _when(value) if isinstance(value, datetime) else value
        for value in (getattr(pair, column) for column in _COLUMNS)
    ]


def _insert(pairs: list[Pair]) -> dict[int, int]:
    if not pairs:
        return {}
    table = MemoryEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = list(zip(*(_values(pair) for pair in pairs), strict=True))
            cursor.execute(
                "INSERT INTO %s (%s) SELECT * FROM unnest(%s)"
                " ON CONFLICT (pair_key) DO NOTHING RETURNING pair_key, id"
                % (
                    table,
                    ", ".join(_COLUMNS),
                    ", ".join("%%s::%s[]" % kind for kind in _PG_TYPES),
                ),
                [list(column) for column in columns],
            )
            return dict(cursor.fetchall())
        cursor.executemany(
            "INSERT OR IGNORE INTO %s (%s) VALUES (%s)"
            % (table, ", ".join(_COLUMNS), ", ".join(["%s"] * len(_COLUMNS))),
            [_values(pair) for pair in pairs],
        )
    return _ids_of([pair.pair_key for pair in pairs])


def _ids_of(keys: list[int]) -> dict[int, int]:
    """The ids of the entries with these pair keys, where they exist."""
    found: dict[int, int] = {}
    for start in range(0, len(keys), CHUNK):
        found.update(
            MemoryEntry.objects.filter(
                pair_key__in=keys[start : start + CHUNK]
            ).values_list("pair_key", "id")
        )
    return found


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
                    _when(pair.created_at),
                    _when(pair.changed_at),
                    pair.status,
                    pair.dated,
                )
                for entry_id, pair in chunk
            ]
            if postgres:
                params = [list(column) for column in zip(*values, strict=True)]
                cursor.execute(_PG_MERGE % MemoryEntry._meta.db_table, params)
            else:
                rows_sql = ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk))
                cursor.execute(
                    _SQLITE_MERGE % (rows_sql, MemoryEntry._meta.db_table),
                    [value for row in values for value in row],
                )


def _when(moment: datetime):
    """A date as the database stores it (SQLite keeps naive UTC text)."""
    return connection.ops.adapt_datetimefield_value(moment)


#: The merge rule in SQL: PostgreSQL reads the pairs from arrays...
_PG_MERGE = (
    "UPDATE %s AS e SET times_merged = e.times_merged + 1,"
    " created_at = CASE WHEN v.dated THEN LEAST(e.created_at, v.created_at)"
    " ELSE e.created_at END,"
    " changed_at = CASE WHEN v.dated THEN GREATEST(e.changed_at, v.changed_at)"
    " ELSE e.changed_at END,"
    " status = CASE WHEN v.status = 'approved' THEN 'approved' ELSE e.status END"
    " FROM unnest(%%s::bigint[], %%s::timestamptz[], %%s::timestamptz[],"
    " %%s::varchar[], %%s::boolean[]) AS v(id, created_at, changed_at, status, dated)"
    " WHERE e.id = v.id"
)
#: ...and SQLite from a VALUES list.
_SQLITE_MERGE = (
    "WITH v(id, created_at, changed_at, status, dated) AS (VALUES %s)"
    " UPDATE %s AS e SET times_merged = e.times_merged + 1,"
    " created_at = CASE WHEN v.dated THEN min(e.created_at, v.created_at)"
    " ELSE e.created_at END,"
    " changed_at = CASE WHEN v.dated THEN max(e.changed_at, v.changed_at)"
    " ELSE e.changed_at END,"
    " status = CASE WHEN v.status = 'approved' THEN 'approved' ELSE e.status END"
    " FROM v WHERE e.id = v.id"
)


def context_digest(before: str, after: str) -> int:
    """The digest of a sentence's neighbours, for context matches."""
    return text_key("context", "%s\n%s" % (normalise(before), normalise(after)))


def segment_context(segment: Segment) -> int:
    """The context digest of a segment: the sources just before and after it."""
    siblings = Segment.objects.filter(
        document=segment.document_id, is_active=True
    ).order_by("position")
    before = siblings.filter(position__lt=segment.position).last()
    after = siblings.filter(position__gt=segment.position).first()
    return context_digest(
        before.source if before else "", after.source if after else ""
    )


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
