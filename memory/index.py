"""The memory's candidate index: which entries hold which words.

Each database keeps it in the structure it searches fastest, beside the
``MemoryEntry`` table and keyed by the entry id:

- PostgreSQL: ``workbench_memory_terms`` with the terms of each side as an
  ``int4[]`` of their hashes under a GIN index (``&&`` for any of some terms,
  ``@>`` for all).
- SQLite: an FTS5 table of terms per side, ``workbench_memory_source_fts``
  and ``workbench_memory_target_fts`` (``OR`` / ``AND`` queries).

Terms come from ``memory.text.index_terms``. ``frequencies`` tells
how many entries hold a term (FTS5: counted, stopping at ``COMMON``;
PostgreSQL: its column statistics), so that lookup asks for the rare terms of
a query and never walks the posting list of "the". This module is the only
place with SQL that differs between the two databases.
"""

import time
from collections.abc import Iterable, Sequence

from django.db import OperationalError, connection, transaction

from memory.models import MemoryEntry

__all__ = [
    "FTS_TABLES",
    "TERMS_TABLE",
    "add",
    "candidates",
    "clear",
    "clear_caches",
    "frequencies",
    "prepare_bulk_load",
    "refresh_statistics",
    "remove",
]

TERMS_TABLE = "workbench_memory_terms"
#: One FTS5 table per side: a column filter would read a term's whole
#: posting list (both sides) to find the few entries of one side.
FTS_TABLES = {side: "workbench_memory_%s_fts" % side for side in ("source", "target")}
ENTRY_TABLE = "workbench_memoryentry"
SIDES = ("source", "target")


#: PostgreSQL indexes 4-byte hashes of the terms, not their text: a third of
#: the size, and GIN compares integers faster. ``hashtext`` runs in SQL on
#: both the way in and the way out, so the two always agree.
_HASHED = "ARRAY(SELECT hashtext(x) FROM unnest(string_to_array(%s, ' ')) x)"


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def add(rows: Sequence[tuple[int, Sequence[str], Sequence[str]]]) -> None:
    """Index entries: ``(entry id, source terms, target terms)`` each."""
    if not rows:
        return
    with connection.cursor() as cursor:
        if _postgres():
            sql = (
                "INSERT INTO %s (entry_id, source_terms, target_terms) SELECT i, %s, %s"
                " FROM unnest(%%s::bigint[], %%s::text[], %%s::text[]) AS u(i, s, t)"
            ) % (TERMS_TABLE, _HASHED % "s", _HASHED % "t")
            cursor.execute(
                sql,
                [
                    [row[0] for row in rows],
                    [" ".join(row[1]) for row in rows],
                    [" ".join(row[2]) for row in rows],
                ],
            )
        else:
            for index, table in enumerate(FTS_TABLES.values(), start=1):
                cursor.executemany(
                    "INSERT INTO %s (rowid, terms) VALUES (%%s, %%s)" % table,
                    [(row[0], " ".join(row[index])) for row in rows],
                )


def prepare_bulk_load() -> None:
    """Settings for the rest of a large import's transaction.

    PostgreSQL queues new GIN entries (up to 64 MB) and merges them in large
    sorted runs; ``refresh_statistics`` merges what is left at the end.
    """
    if _postgres():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL gin_pending_list_limit = '64MB'")
            cursor.execute("SET LOCAL work_mem = '256MB'")


def refresh_statistics() -> None:
    """Bring the database's statistics of the index up to date (after imports).

    On PostgreSQL: merge the GIN indexes' pending lists, which every search
    would otherwise read through, and ANALYZE, which gathers the common terms
    ``frequencies`` reads and lets the planner choose the index. FTS5 needs
    nothing.
    """
    if _postgres():
        with connection.cursor() as cursor:
            for side in SIDES:
                cursor.execute(
                    "SELECT gin_clean_pending_list(%s::regclass)",
                    ["%s_%s" % (TERMS_TABLE, side)],
                )
            cursor.execute("ANALYZE %s, %s" % (TERMS_TABLE, ENTRY_TABLE))
        _pg_stats_cache.clear()


def clear() -> None:
    """Empty the index (before rebuilding it from the entries)."""
    if _postgres():
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE %s" % TERMS_TABLE)
    else:
        for table in FTS_TABLES.values():
            _delete_all(table)
    clear_caches()


def _delete_all(table: str, attempts: int = 50) -> None:
    """DELETE every row, waiting out a reader that still holds the table.

    With a shared-cache SQLite database (the test server's), a request
    finishing in another thread locks the table for a moment.
    """
    for attempt in range(attempts):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("DELETE FROM %s" % table)
            return
        except OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1)


def clear_after_flush(**kwargs) -> None:
    """After ``flush`` (which empties the model tables only), empty the index.

    Connected to ``post_migrate``, which ``flush`` sends. With no entries
    left, every row of the index is an orphan.
    """
    tables = connection.introspection.table_names()
    if ENTRY_TABLE in tables and not MemoryEntry.objects.exists():
        clear()


def remove(entry_ids: Iterable[int]) -> None:
    """Take entries out of the index."""
    ids = list(entry_ids)
    if not ids:
        return
    if _postgres():
        tables = [(TERMS_TABLE, "entry_id")]
    else:
        tables = [(table, "rowid") for table in FTS_TABLES.values()]
    with connection.cursor() as cursor:
        for table, column in tables:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(
                    "DELETE FROM %s WHERE %s IN (%s)"
                    % (table, column, ", ".join(["%s"] * len(chunk))),
                    chunk,
                )


def frequencies(side: str, terms: Sequence[str]) -> dict[str, int]:
    """Roughly how many entries hold each term on ``side``.

    Exact up to ``COMMON``; above it, at least ``COMMON``. Terms seen to be
    common are remembered for the life of the process (a term rarely stops
    being common).
    """
    assert side in SIDES
    counts = {t: COMMON for t in terms if (connection.alias, side, t) in _common}
    wanted = [t for t in terms if t not in counts]
    if wanted:
        found = (_pg_frequencies if _postgres() else _fts_frequencies)(side, wanted)
        for term, n in found.items():
            if n >= COMMON:
                if len(_common) > 200_000:
                    _common.clear()
                _common.add((connection.alias, side, term))
            counts[term] = min(n, COMMON)
    return counts


#: A term in more entries than this is common: lookup reads no posting list
#: that long.
COMMON = 600
_common: set[tuple[str, str, str]] = set()


def clear_caches() -> None:
    """Forget what this process learnt about terms (tests start afresh)."""
    _common.clear()
    _pg_stats_cache.clear()
    _hash_cache.clear()


def _fts_frequencies(side: str, terms: Sequence[str]) -> dict[str, int]:
    """Count each term's entries in FTS5, stopping at ``COMMON``."""
    table = FTS_TABLES[side]
    probe = (
        "SELECT %%s, count(*) FROM (SELECT 1 FROM %s WHERE %s MATCH %%s LIMIT %d)"
        % (table, table, COMMON)
    )
    counts = {}
    with connection.cursor() as cursor:
        for start in range(0, len(terms), 100):
            chunk = terms[start : start + 100]
            params = []
            for term in chunk:
                params += [term, '"%s"' % term]
            try:
                cursor.execute(" UNION ALL ".join([probe] * len(chunk)), params)
                counts.update(cursor.fetchall())
            except OperationalError:
                # A word SQLite's tokenizer splits (letters newer than its
                # Unicode tables) makes a phrase, which detail=none refuses.
                counts.update(_fts_one_by_one(cursor, probe, chunk))
    return counts


def _fts_one_by_one(cursor, probe: str, terms: Sequence[str]) -> dict[str, int]:
    counts = {}
    for term in terms:
        try:
            cursor.execute(probe, [term, '"%s"' % term])
            counts.update(cursor.fetchall())
        except OperationalError:
            counts[term] = 0  # never asked for: the index cannot answer it
    return counts


def _pg_frequencies(side: str, terms: Sequence[str]) -> dict[str, int]:
    """Estimate each term's entries from PostgreSQL's column statistics.

    ANALYZE keeps the most common elements of each ``text[]`` column and
    their frequencies (up to 100,000 of them, by the column's statistics
    target); a term not among them is rare. Terms of a memory too small or
    too new to have statistics are counted from the index.
    """
    stats = _pg_statistics(side)
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
    hashes = _pg_hashes(terms)
    return {term: stats.get(hashes[term], 1) for term in terms}


_hash_cache: dict[str, int] = {}


def _pg_hashes(terms: Sequence[str]) -> dict[str, int]:
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


#: Seconds a process keeps PostgreSQL's term statistics before asking again.
STATISTICS_TTL = 300
_pg_stats_cache: dict[tuple[str, str], tuple[float, dict | None]] = {}


def _pg_statistics(side: str) -> dict[int | None, int] | None:
    """Most common terms of a side with their estimated entry counts.

    The key ``None`` holds the count below which terms are not listed.
    """
    key = (connection.alias, side)
    cached = _pg_stats_cache.get(key)
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
    _pg_stats_cache[key] = (time.monotonic(), stats)
    return stats


def candidates(
    *,
    side: str,
    source_language: str,
    target_language: str,
    any_of: Sequence[str] = (),
    all_of: Sequence[Sequence[str]] = (),
    limit: int,
    after: int | None = None,
) -> list[tuple]:
    """Entries of a language pair whose ``side`` holds some of the terms.

    ``any_of``: entries holding at least one of the terms. ``all_of``: a list
    of groups; entries holding every term of at least one group. Returns rows
    of ``(id, source, target, status, source_kind, origin, context,
    changed_at)``, at most ``limit``; with ``after``, only ids above it, in
    id order (for paging through many hits).
    """
    assert side in SIDES
    columns = (
        "e.id, e.source, e.target, e.status, e.source_kind, e.origin,"
        " e.context, e.changed_at"
    )
    if _postgres():
        tests, params = [], []
        # Literal arrays, so that the planner weighs them by the statistics.
        hashes = _pg_hashes([*any_of, *(t for group in all_of for t in group)])
        if any_of:
            tests.append("t.%s_terms && %%s::int4[]" % side)
            params.append(sorted({hashes[t] for t in any_of}))
        for group in all_of:
            tests.append("t.%s_terms @> %%s::int4[]" % side)
            params.append(sorted({hashes[t] for t in group}))
        if not tests:
            return []
        sql = (
            "SELECT %s FROM %s t JOIN %s e ON e.id = t.entry_id"
            " WHERE (%s) AND e.source_language = %%s AND e.target_language = %%s"
            % (columns, TERMS_TABLE, ENTRY_TABLE, " OR ".join(tests))
        )
    else:
        clauses = []
        if any_of:
            clauses.append(" OR ".join('"%s"' % term for term in any_of))
        for group in all_of:
            clauses.append("(%s)" % " AND ".join('"%s"' % term for term in group))
        if not clauses:
            return []
        params = [" OR ".join("(%s)" % c for c in clauses)]
        table = FTS_TABLES[side]
        # CROSS JOIN keeps SQLite from walking the entries and asking FTS5
        # about each one.
        sql = (
            "SELECT %s FROM %s f CROSS JOIN %s e ON e.id = f.rowid"
            " WHERE f.%s MATCH %%s AND e.source_language = %%s"
            " AND e.target_language = %%s" % (columns, table, ENTRY_TABLE, table)
        )
    params += [source_language, target_language]
    if after is not None:
        # On the index's own id, so that the index skips what was read.
        key = "t.entry_id" if _postgres() else "f.rowid"
        sql += " AND %s > %%s ORDER BY %s" % (key, key)
        params.append(after)
    sql += " LIMIT %s"
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
