"""The candidate index on PostgreSQL: term hashes in ``int4[]`` under GIN.

One row per entry in ``workbench_memory_terms``. ``frequencies`` reads
PostgreSQL's own column statistics (ANALYZE keeps up to 100,000 most common
elements of each array column), so lookup learns how common a term is
without walking its posting list.
"""

import time
from collections.abc import Sequence

from django.db import connection

from memory.index.schema import CANDIDATE_COLUMNS, COMMON, ENTRY_TABLE, SIDES

TERMS_TABLE = "workbench_memory_terms"
#: The tables and columns a removed entry's rows are found by.
ROW_KEYS = [(TERMS_TABLE, "entry_id")]
#: PostgreSQL indexes 4-byte hashes of the terms, not their text: a third of
#: the size, and GIN compares integers faster. ``hashtext`` runs in SQL on
#: both the way in and the way out, so the two always agree.
_HASHED = "ARRAY(SELECT hashtext(x) FROM unnest(string_to_array(%s, ' ')) x)"
#: Seconds a process keeps PostgreSQL's term statistics before asking again.
STATISTICS_TTL = 300

_hash_cache: dict[str, int] = {}
_stats_cache: dict[tuple[str, str], tuple[float, dict | None]] = {}


def add(rows: Sequence[tuple[int, Sequence[str], Sequence[str]]]) -> None:
    """Index entries: ``(entry id, source terms, target terms)`` each."""
    sql = (
        "INSERT INTO %s (entry_id, source_terms, target_terms) SELECT i, %s, %s"
        " FROM unnest(%%s::bigint[], %%s::text[], %%s::text[]) AS u(i, s, t)"
    ) % (TERMS_TABLE, _HASHED % "s", _HASHED % "t")
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                [row[0] for row in rows],
                [" ".join(row[1]) for row in rows],
                [" ".join(row[2]) for row in rows],
            ],
        )


#: The advisory lock that lets one large import run at a time.
IMPORT_LOCK = 0x776F726B  # "work"


def prepare_bulk_load() -> None:
    """Take the import lock; queue new GIN entries and merge them in large runs.

    For the rest of the transaction. Imports run one at a time: two imports
    of overlapping files would otherwise each hold entries the other is
    about to merge, and one of them would die in a deadlock. GIN entries
    queue up to 64 MB; ``refresh_statistics`` merges what is left at the end.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
        cursor.execute("SET LOCAL gin_pending_list_limit = '64MB'")
        cursor.execute("SET LOCAL work_mem = '256MB'")


def refresh_statistics() -> None:
    """Merge the GIN pending lists and ANALYZE.

    Every search would otherwise read through the pending lists; ANALYZE
    gathers the common terms ``frequencies`` reads and lets the planner
    choose the index.
    """
    with connection.cursor() as cursor:
        for side in SIDES:
            cursor.execute(
                "SELECT gin_clean_pending_list(%s::regclass)",
                ["%s_%s" % (TERMS_TABLE, side)],
            )
        cursor.execute("ANALYZE %s, %s" % (TERMS_TABLE, ENTRY_TABLE))
    _stats_cache.clear()


def clear() -> None:
    """Empty the index."""
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE %s" % TERMS_TABLE)


def clear_caches() -> None:
    """Forget the term hashes and statistics this process holds."""
    _stats_cache.clear()
    _hash_cache.clear()


def frequencies(side: str, terms: Sequence[str]) -> dict[str, int]:
    """Estimate each term's entries from PostgreSQL's column statistics.

    ANALYZE keeps the most common elements of each ``int4[]`` column and
    their frequencies (up to 100,000 of them, by the column's statistics
    target); a term not among them is rare. Terms of a memory too small or
    too new to have statistics are counted from the index.
    """
    stats = _statistics(side)
    if stats is None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT u.term, (SELECT count(*) FROM (SELECT 1 FROM %s"
                " WHERE %s_terms @> ARRAY[hashtext(u.term)] LIMIT %d) x)"
                " FROM unnest(%%s::text[]) AS u(term)" % (TERMS_TABLE, side, COMMON),
                [list(terms)],
            )
            return dict(cursor.fetchall())
    # Not among the most common: rare, or absent (asking costs little).
    hashes = _hashes(terms)
    return {term: stats.get(hashes[term], 1) for term in terms}


def _hashes(terms: Sequence[str]) -> dict[str, int]:
    """PostgreSQL's ``hashtext`` of each term (asked once per process)."""
    wanted = [t for t in terms if t not in _hash_cache]
    if wanted:
        if len(_hash_cache) > 500_000:
            _hash_cache.clear()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT u.term, hashtext(u.term) FROM unnest(%s::text[]) AS u(term)",
                [wanted],
            )
            _hash_cache.update(cursor.fetchall())
    return {term: _hash_cache[term] for term in terms}


def _statistics(side: str) -> dict[int | None, int] | None:
    """Most common terms of a side with their estimated entry counts.

    The key ``None`` holds the count below which terms are not listed.
    """
    key = (connection.alias, side)
    cached = _stats_cache.get(key)
    if cached and time.monotonic() - cached[0] < STATISTICS_TTL:
        return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::int4[], most_common_elem_freqs,"
            " (SELECT reltuples FROM pg_class WHERE relname = %s)"
            " FROM pg_stats WHERE tablename = %s AND attname = %s",
            [TERMS_TABLE, TERMS_TABLE, "%s_terms" % side],
        )
        stats_row = cursor.fetchone()
    stats = None
    if stats_row and stats_row[0] and stats_row[2] and stats_row[2] > 0:
        total, terms, freqs = stats_row[2], stats_row[0], stats_row[1]
        stats = {
            term: int(freq * total)
            for term, freq in zip(terms, freqs[: len(terms)], strict=True)
        }
        # After the frequencies come the lowest and highest of them: a term
        # not listed is held by fewer entries than the lowest.
        stats[None] = max(1, int(freqs[len(terms)] * total))
    _stats_cache[key] = (time.monotonic(), stats)
    return stats


def candidate_query(
    side: str, any_of: Sequence[str], all_of: Sequence[Sequence[str]]
) -> tuple[str, list, str] | None:
    """The candidate SELECT up to its WHERE test, its parameters, its id column.

    ``None`` when there is nothing to ask for.
    """
    tests, params = [], []
    # Literal arrays, so that the planner weighs them by the statistics.
    hashes = _hashes([*any_of, *(t for group in all_of for t in group)])
    if any_of:
        tests.append("t.%s_terms && %%s::int4[]" % side)
        params.append(sorted({hashes[t] for t in any_of}))
    for group in all_of:
        tests.append("t.%s_terms @> %%s::int4[]" % side)
        params.append(sorted({hashes[t] for t in group}))
    if not tests:
        return None
    sql = "SELECT %s FROM %s t JOIN %s e ON e.id = t.entry_id WHERE (%s)" % (
        CANDIDATE_COLUMNS,
        TERMS_TABLE,
        ENTRY_TABLE,
        " OR ".join(tests),
    )
    return sql, params, "t.entry_id"
