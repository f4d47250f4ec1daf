"""The memory's rows in SQL: insert pairs, find them by key, merge into them.

One statement per chunk of pairs, on PostgreSQL (arrays, ``unnest``) and
SQLite (``VALUES`` lists); ``memory.store`` decides what goes where.
"""

import json
from datetime import datetime

from django.db import connection

from memory.models import MemoryEntry
from memory.pair import Pair
from memory.remarks import Remarks, merged, swapped

__all__ = [
    "CHUNK",
    "PG_MERGE",
    "SQLITE_MERGE",
    "ids_of",
    "insert",
    "merge_remarks",
    "when",
]

#: SQLite allows 32,766 parameters a statement; lists of keys go in chunks.
CHUNK = 1000

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
        when(pair.created_at),
        when(pair.changed_at),
        _json(remarks.notes),
        _json(remarks.props),
        _json(remarks.attributes),
        _json(pair.codes),
    ]


def _json(value: list | dict) -> str:
    if not value:
        return "[]" if isinstance(value, list) else "{}"
    return json.dumps(value, ensure_ascii=False)


def insert(pairs: list[Pair]) -> dict[int, int]:
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
    return ids_of([pair.pair_key for pair in pairs])


def ids_of(keys: list[int]) -> dict[int, int]:
    """The ids of the entries with these pair keys, where they exist."""
    found: dict[int, int] = {}
    for start in range(0, len(keys), CHUNK):
        found.update(
            MemoryEntry.objects.filter(
                pair_key__in=keys[start : start + CHUNK]
            ).values_list("pair_key", "id")
        )
    return found


def merge_remarks(rows: list[tuple[int, Pair]]) -> None:
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


def when(moment: datetime):
    """A date as the database stores it (SQLite keeps naive UTC text)."""
    return connection.ops.adapt_datetimefield_value(moment)


#: The merge rule in SQL: PostgreSQL reads the pairs from arrays...
PG_MERGE = (
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
SQLITE_MERGE = (
    "WITH v(id, created_at, changed_at, status, dated) AS (VALUES %s)"
    " UPDATE %s AS e SET times_merged = e.times_merged + 1,"
    " created_at = CASE WHEN v.dated THEN min(e.created_at, v.created_at)"
    " ELSE e.created_at END,"
    " changed_at = CASE WHEN v.dated THEN max(e.changed_at, v.changed_at)"
    " ELSE e.changed_at END,"
    " status = CASE WHEN v.status = 'approved' THEN 'approved' ELSE e.status END"
    " FROM v WHERE e.id = v.id"
)
