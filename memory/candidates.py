"""The entries worth scoring for a query, found by the candidate index.

Exact matches by digest first, then the query's index terms, rarest first
(``memory.index.frequencies``), within ``BUDGET``; both directions of a
pair, each turned the way its variants fit best.
"""

from itertools import combinations

from core.languages import usage
from memory import index as memory_index
from memory.languages import memory_variant
from memory.matches import Match, row_match
from memory.models import MemoryEntry
from memory.text import index_terms, text_key

__all__ = [
    "BUDGET",
    "CANDIDATES",
    "MAX_QUERY_TERMS",
    "MAX_TERMS",
    "candidates",
    "distance",
    "variant_rank",
    "wanted",
]

#: Posting-list entries one direction of a lookup may read. A term held by
#: more entries than this is never asked for alone; measured at a million
#: entries (README), 600 finds the best match for 97 % of queries in 17 ms,
#: 300 for 92.5 % in 13 ms.
BUDGET = memory_index.COMMON
#: Terms of a query looked at (a sentence of 200 words has about 400).
MAX_QUERY_TERMS = 400
#: Index terms asked for at most, per direction.
MAX_TERMS = 16
#: Candidates scored at most, per direction.
CANDIDATES = 600


def variant_rank(wanted: str, got: str) -> int:
    """How near variant ``got`` is to ``wanted``: 0 the same usage (``zh-HK``
    for ``zh-Hant``, the workbench's Hong Kong Traditional), 1 the language
    without a region (``en`` for ``en-GB``), 2 another region."""
    if got == wanted:
        return 0
    ours, theirs = usage(wanted), usage(got)
    if ours == theirs:
        return 0
    return 1 if not theirs[1] else 2


def wanted(code: str) -> str:
    try:
        return memory_variant(code)
    except ValueError:
        return code


def distance(match: Match, source: str, target: str) -> int:
    return variant_rank(source, match.source_language) + variant_rank(
        target, match.target_language
    )


def _exact(norm: str, source: str, target: str) -> list[Match]:
    key = text_key(source, norm)
    columns = (
        "id", "source", "target", "status", "source_kind", "origin", "context",
        "changed_at", "source_variant", "target_variant",
    )  # fmt: skip
    forward = MemoryEntry.objects.filter(
        source_key=key, source_language=source, target_language=target
    ).values_list(*columns)[:50]
    backward = MemoryEntry.objects.filter(
        target_key=key, source_language=target, target_language=source
    ).values_list(*columns)[:50]
    return [row_match(r, False) for r in forward] + [
        row_match(r, True) for r in backward
    ]


def _plan(norm: str, side: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """Which index terms to ask for: (any of these, or all of one group)."""
    counts = memory_index.frequencies(side, index_terms(norm)[:MAX_QUERY_TERMS])
    known = sorted((n, -len(term), term) for term, n in counts.items() if n > 0)
    if not known:
        return [], []
    if known[0][0] >= memory_index.COMMON:
        rarest = [term for _count, _length, term in known[:4]]
        if len(rarest) == 1:
            return rarest, []
        return [], list(combinations(rarest, 2))
    chosen, total = [], 0
    for n, _length, term in known:
        if n >= memory_index.COMMON or total + n > BUDGET or len(chosen) == MAX_TERMS:
            break
        chosen.append(term)
        total += n
    return chosen, []


def candidates(
    norm: str, source: str, target: str, variants: tuple[str, str] | None = None
) -> list[Match]:
    """Entries worth scoring against ``norm``, from the index, both directions.

    Between two variants of one language (``en-US`` to ``en-GB``, given as
    ``variants``), each entry is turned the way its variants fit best.
    """
    found = {m.entry_id: m for m in _exact(norm, source, target)}
    for side, pair, reverse in (
        ("source", (source, target), False),
        ("target", (target, source), True),
    ):
        any_of, all_of = _plan(norm, side)
        if any_of or all_of:
            rows = memory_index.candidates(
                side=side,
                source_language=pair[0],
                target_language=pair[1],
                any_of=any_of,
                all_of=all_of,
                limit=CANDIDATES,
            )
            for row in rows:
                found.setdefault(row[0], row_match(row, reverse))
    if source == target and variants:
        for match in found.values():
            now = distance(match, *variants)
            match.swap()
            if distance(match, *variants) >= now:
                match.swap()
    return list(found.values())
