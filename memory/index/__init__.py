"""The memory's candidate index: which entries hold which words.

Each database keeps it in the structure it searches fastest, beside the
``MemoryEntry`` table and keyed by the entry id, one module per database:

- ``postgresql``: ``workbench_memory_terms`` with the terms of each side as
  an ``int4[]`` of their hashes under a GIN index (``&&`` for any of some
  terms, ``@>`` for all).
- ``sqlite``: an FTS5 table of terms per side, ``workbench_memory_source_fts``
  and ``workbench_memory_target_fts`` (``OR`` / ``AND`` queries).

Terms come from ``memory.text.index_terms``. ``frequencies`` tells how many
entries hold a term (FTS5: counted, stopping at ``COMMON``; PostgreSQL: its
column statistics), so that lookup asks for the rare terms of a query and
never walks the posting list of "the". These two modules are the only places
with SQL that differs between the databases; the tables are created by
migration ``workbench/0004``.
"""

from collections.abc import Iterable, Sequence

from django.db import connection

from memory.index import postgresql, sqlite
from memory.index.schema import COMMON, ENTRY_TABLE, SIDES
from memory.models import MemoryEntry

__all__ = [
    "COMMON",
    "SIDES",
    "add",
    "candidates",
    "clear",
    "clear_after_flush",
    "clear_caches",
    "frequencies",
    "prepare_bulk_load",
    "refresh_statistics",
    "remove",
]

_common: set[tuple[str, str, str]] = set()


def _backend():
    return postgresql if connection.vendor == "postgresql" else sqlite


def add(rows: Sequence[tuple[int, Sequence[str], Sequence[str]]]) -> None:
    """Index entries: ``(entry id, source terms, target terms)`` each."""
    if rows:
        _backend().add(rows)


def prepare_bulk_load() -> None:
    """Ready the rest of a large import's transaction: one import at a time."""
    _backend().prepare_bulk_load()


def refresh_statistics() -> None:
    """Bring the database's statistics of the index up to date (after imports)."""
    _backend().refresh_statistics()


def clear() -> None:
    """Empty the index (before rebuilding it from the entries)."""
    _backend().clear()
    clear_caches()


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
    with connection.cursor() as cursor:
        for table, column in _backend().ROW_KEYS:
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
        for term, n in _backend().frequencies(side, wanted).items():
            if n >= COMMON:
                if len(_common) > 200_000:
                    _common.clear()
                _common.add((connection.alias, side, term))
            counts[term] = min(n, COMMON)
    return counts


def clear_caches() -> None:
    """Forget what this process learnt about terms (tests start afresh)."""
    _common.clear()
    postgresql.clear_caches()


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
    changed_at, source_variant, target_variant)``, at most ``limit``; with
    ``after``, only ids above it, in id order (for paging through many hits).
    """
    assert side in SIDES
    query = _backend().candidate_query(side, any_of, all_of)
    if query is None:
        return []
    sql, params, key = query
    sql += " AND e.source_language = %s AND e.target_language = %s"
    params += [source_language, target_language]
    if after is not None:
        # On the index's own id, so that the index skips what was read.
        sql += " AND %s > %%s ORDER BY %s" % (key, key)
        params.append(after)
    sql += " LIMIT %s"
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
