"""The candidate index on SQLite: one FTS5 table of terms per side.

One table per side because a column filter would read a term's whole
posting list (both sides) to find the few entries of one side. Terms are
counted in FTS5 itself, stopping at ``COMMON``.
"""

import time
from collections.abc import Sequence

from django.db import OperationalError, connection, transaction

from memory.index.schema import CANDIDATE_COLUMNS, COMMON, ENTRY_TABLE

FTS_TABLES = {side: "workbench_memory_%s_fts" % side for side in ("source", "target")}
#: The tables and columns a removed entry's rows are found by.
ROW_KEYS = [(table, "rowid") for table in FTS_TABLES.values()]


def add(rows: Sequence[tuple[int, Sequence[str], Sequence[str]]]) -> None:
    """Index entries: ``(entry id, source terms, target terms)`` each."""
    with connection.cursor() as cursor:
        for index, table in enumerate(FTS_TABLES.values(), start=1):
            cursor.executemany(
                "INSERT INTO %s (rowid, terms) VALUES (%%s, %%s)" % table,
                [(row[0], " ".join(row[index])) for row in rows],
            )


def prepare_bulk_load() -> None:
    """Nothing to set: FTS5 merges its segments as it goes."""


def refresh_statistics() -> None:
    """Nothing to refresh: FTS5 counts terms from the index itself."""


def clear() -> None:
    """Empty the index."""
    for table in FTS_TABLES.values():
        _delete_all(table)


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


def frequencies(side: str, terms: Sequence[str]) -> dict[str, int]:
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
                counts.update(_one_by_one(cursor, probe, chunk))
    return counts


def _one_by_one(cursor, probe: str, terms: Sequence[str]) -> dict[str, int]:
    counts = {}
    for term in terms:
        try:
            cursor.execute(probe, [term, '"%s"' % term])
            counts.update(cursor.fetchall())
        except OperationalError:
            counts[term] = 0  # never asked for: the index cannot answer it
    return counts


def candidate_query(
    side: str, any_of: Sequence[str], all_of: Sequence[Sequence[str]]
) -> tuple[str, list, str] | None:
    """The candidate SELECT up to its WHERE test, its parameters, its id column.

    ``None`` when there is nothing to ask for.
    """
    clauses = []
    if any_of:
        clauses.append(" OR ".join('"%s"' % term for term in any_of))
    for group in all_of:
        clauses.append("(%s)" % " AND ".join('"%s"' % term for term in group))
    if not clauses:
        return None
    table = FTS_TABLES[side]
    # CROSS JOIN keeps SQLite from walking the entries and asking FTS5 about
    # each one.
    sql = (
        "SELECT %s FROM %s f CROSS JOIN %s e ON e.id = f.rowid WHERE f.%s MATCH %%s"
        % (
            CANDIDATE_COLUMNS,
            table,
            ENTRY_TABLE,
            table,
        )
    )
    return sql, [" OR ".join("(%s)" % c for c in clauses)], "f.rowid"
