"""Concordance: the entries whose source or target holds a phrase."""

from dataclasses import replace

from django.db.models import Q

from memory import index as memory_index
from memory.languages import memory_language
from memory.matches import ConcordanceHit, row_match
from memory.models import MemoryEntry
from memory.text import index_terms, normalise

__all__ = ["CONCORDANCE_PAGES", "concordance"]

#: Pages of 500 index hits concordance reads per side and direction, at most.
CONCORDANCE_PAGES = 20


def concordance(
    phrase: str,
    source_language: str,
    target_language: str,
    *,
    limit: int = 50,
) -> list[ConcordanceHit]:
    """Entries whose source or target contains ``phrase`` (case-insensitive).

    The index narrows the search to entries holding every term of the
    phrase; the phrase itself is then checked in the text. Hits come back
    oriented as ``source_language`` to ``target_language``, with their
    entries' inline codes.
    """
    norm = normalise(phrase)
    terms = index_terms(norm)
    if not terms:
        return []
    source = memory_language(source_language)
    target = memory_language(target_language)
    if len(norm) == 1:
        # One Chinese character: the index holds character pairs, not
        # characters. Read entries until enough hold it.
        return _single_character(norm, source, target, limit)
    needle = norm.casefold()
    hits: list[ConcordanceHit] = []
    seen: set[int] = set()
    for side in ("source", "target"):
        for pair, reverse in (((source, target), False), ((target, source), True)):
            after = 0
            for _page in range(CONCORDANCE_PAGES):
                if len(hits) >= limit:
                    break
                rows = memory_index.candidates(
                    side=side,
                    source_language=pair[0],
                    target_language=pair[1],
                    all_of=[terms],
                    limit=500,
                    after=after,
                )
                if not rows:
                    break
                after = rows[-1][0]
                for row in rows:
                    text = row[1] if side == "source" else row[2]
                    if row[0] in seen or needle not in normalise(text).casefold():
                        continue
                    seen.add(row[0])
                    m = row_match(row, reverse)
                    hits.append(
                        ConcordanceHit(
                            m.entry_id,
                            m.source,
                            m.target,
                            m.origin,
                            m.changed_at,
                            m.source_language,
                            m.target_language,
                        )
                    )
                    if len(hits) == limit:
                        break
    return _with_codes(hits)


def _with_codes(hits: list[ConcordanceHit]) -> list[ConcordanceHit]:
    """The hits with their entries' inline codes (``core.inline``)."""
    held = dict(
        MemoryEntry.objects.filter(pk__in=[h.entry_id for h in hits]).values_list(
            "pk", "codes"
        )
    )
    return [replace(h, codes=held.get(h.entry_id) or {}) for h in hits]


def _single_character(
    char: str, source: str, target: str, limit: int
) -> list[ConcordanceHit]:
    forward = Q(source_language=source, target_language=target)
    backward = Q(source_language=target, target_language=source)
    entries = MemoryEntry.objects.filter(
        (forward | backward) & (Q(source__contains=char) | Q(target__contains=char))
    ).order_by("pk")[:limit]
    hits = []
    for entry in entries:
        sides = [
            (entry.source_variant, entry.source),
            (entry.target_variant, entry.target),
        ]
        if entry.target_language == source != entry.source_language:
            sides.reverse()
        (ours_in, ours), (theirs_in, theirs) = sides
        hits.append(
            ConcordanceHit(
                entry.pk,
                ours,
                theirs,
                entry.origin,
                entry.changed_at,
                ours_in,
                theirs_in,
                entry.codes or {},
            )
        )
    return hits
