"""Put sentences into the translation memory, merging pairs already held.

Everything that adds to the memory goes through ``store``: it merges a pair
already held (the earliest creation date, the latest change date and the
first origin are kept; an approved status wins over a translated one; notes
and props are added to those held, ``memory.remarks``), inserts the new
ones, indexes their words and counts their terms.
"""

import functools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from core.inline import has_codes
from core.languages import normalise as normalise_language
from core.languages import variant
from core.statuses import Status
from documents.models import Segment
from memory import index as memory_index
from memory.models import MemoryEntry
from memory.remarks import Remarks, merged, swapped
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
    "memory_variant",
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
    """The language code the memory files text under, for lookups.

    Chinese keeps its script (``zh-Hant``, ``zh-Hans``); other languages
    keep their primary subtag only, so ``en-US`` and ``en-GB`` sentences
    serve an ``en`` document (an entry keeps its variant beside it, and
    lookups prefer the one asked for). Raises ``UnknownLanguage``, and
    ``ScriptNotNamed`` for a bare ``zh``: only its text can tell its script.
    """
    code = normalise_language(code)
    return code if code.startswith("zh-") else code.split("-")[0]


@functools.lru_cache(maxsize=512)
def memory_variant(code: str, *, bare_chinese: bool = False) -> str:
    """The tag an entry keeps for a side: ``code`` in canonical case, whole.

    Raises ``UnknownLanguage``, and ``ScriptNotNamed`` for a bare ``zh``
    unless ``bare_chinese`` (a file's, whose text tells its script).
    """
    tag = variant(code)
    if not bare_chinese:
        memory_language(tag)
    return tag


@dataclass
class Pair:
    """A sentence pair on its way into the memory.

    ``source_language`` and ``target_language`` may be any tag (``en-GB``);
    the pair keeps it as the side's variant and files the side under its
    ``memory_language``. ``source_variant``/``target_variant`` give the tag
    apart, for a bare ``zh`` whose script the text told (``zh-Hant`` as the
    language, ``zh`` as the variant). Two pairs of the same texts in other
    variants are two entries.
    """

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
    source_variant: str = ""
    target_variant: str = ""
    remarks: Remarks = field(default_factory=Remarks)
    #: What each inline code in the texts stands for (``core.inline``).
    codes: dict = field(default_factory=dict)
    normalised_source: str = field(init=False, repr=False)
    normalised_target: str = field(init=False, repr=False)
    source_key: int = field(init=False)
    target_key: int = field(init=False)
    pair_key: int = field(init=False)

    def __post_init__(self) -> None:
        self.source_variant = memory_variant(
            self.source_variant or self.source_language, bare_chinese=True
        )
        self.target_variant = memory_variant(
            self.target_variant or self.target_language, bare_chinese=True
        )
        self.source_language = memory_language(self.source_language)
        self.target_language = memory_language(self.target_language)
        self.normalised_source = normalise(self.source)
        self.normalised_target = normalise(self.target)
        self.source_key = text_key(self.source_language, self.normalised_source)
        self.target_key = text_key(self.target_language, self.normalised_target)
        self.pair_key = pair_key(
            self._variant_key(self.source_variant, self.source_language, "source"),
            self._variant_key(self.target_variant, self.target_language, "target"),
        )
        if has_codes(self.source) or has_codes(self.target):
            # Lookups ignore codes; the identity of a pair does not: the same
            # words with other markup are another entry, never merged away.
            markup = json.dumps([self.source, self.target, self.codes], sort_keys=True)
            self.pair_key = pair_key(self.pair_key, text_key("codes", markup))
        now = timezone.now()
        self.created_at = self.created_at or self.changed_at or now
        self.changed_at = self.changed_at or self.created_at

    def _variant_key(self, tag: str, language: str, side: str) -> int:
        """The side's text key under its language and variant.

        A side whose variant is its language has its language's key, so
        entries stored before variants were kept keep their pair keys; a
        bare ``zh`` text filed under both scripts is two entries.
        """
        if tag == language:
            return getattr(self, "%s_key" % side)
        return text_key(
            "%s %s" % (language, tag), getattr(self, "normalised_%s" % side)
        )

    def same_way_as(self, source_variant: str, source_key: int) -> bool:
        """Whether an entry with this source side holds the pair this way round."""
        return (source_variant, source_key) == (self.source_variant, self.source_key)

    def merge(self, other: "Pair") -> None:
        if other.dated:
            self.created_at = min(self.created_at, other.created_at)
            self.changed_at = max(self.changed_at, other.changed_at)
        if other.status == Status.APPROVED:
            self.status = Status.APPROVED
        if other.remarks:
            theirs = other.remarks
            if not other.same_way_as(self.source_variant, self.source_key):
                theirs = swapped(theirs)
            self.remarks = merged(self.remarks, theirs)


_COLUMNS = (
    "source_language",
    "source_variant",
    "source",
    "target_language",
    "target_variant",
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
    "notes",
    "props",
    "attributes",
    "codes",
)
_PG_TYPES = (
    "varchar", "varchar", "text", "varchar", "varchar", "text", "bigint", "bigint",
    "bigint", "varchar", "varchar", "varchar", "varchar", "bigint", "varchar",
    "timestamptz", "timestamptz", "jsonb", "jsonb", "jsonb", "jsonb",
)  # fmt: skip
_REMARKS = ("notes", "props", "attributes")


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
    """The row of a pair, in ``_COLUMNS`` order (the JSON ones as text)."""
    remarks = pair.remarks
    return [
        pair.source_language,
        pair.source_variant,
        pair.source,
        pair.target_language,
        pair.target_variant,
        pair.target,
        pair.source_key,
        pair.target_key,
        pair.pair_key,
        pair.status,
        pair.source_kind,
        pair.origin,
        pair.key,
        pair.context,
        pair.author,
        _when(pair.created_at),
        _when(pair.changed_at),
        _json(remarks.notes),
        _json(remarks.props),
        _json(remarks.attributes),
        _json(pair.codes),
    ]


def _json(value: list | dict) -> str:
    if not value:
        return "[]" if isinstance(value, list) else "{}"
    return json.dumps(value, ensure_ascii=False)


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
    _merge_remarks([(entry_id, pair) for entry_id, pair in rows if pair.remarks])


def _merge_remarks(rows: list[tuple[int, Pair]]) -> None:
    """Add the notes, props and attributes the pairs bring to their entries.

    Run after the merge statement, which holds the rows' locks until the
    transaction ends, so nothing another transaction adds is lost.
    """
    pairs = dict(rows)
    changed = []
    for start in range(0, len(rows), CHUNK):
        held = MemoryEntry.objects.filter(
            pk__in=[entry_id for entry_id, _pair in rows[start : start + CHUNK]]
        ).values_list("pk", "source_variant", "source_key", *_REMARKS)
        for entry_id, variant_held, key, notes, props, attributes in held:
            pair = pairs[entry_id]
            theirs = pair.remarks
            if not pair.same_way_as(variant_held, key):
                theirs = swapped(theirs)
            before = Remarks(notes, props, attributes)
            after = merged(before, theirs)
            if after != before:
                changed.append(
                    MemoryEntry(
                        pk=entry_id,
                        notes=after.notes,
                        props=after.props,
                        attributes=after.attributes,
                    )
                )
    MemoryEntry.objects.bulk_update(changed, _REMARKS, batch_size=CHUNK)


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
