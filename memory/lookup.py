"""Look things up in the translation memory: fuzzy matches and concordance.

Lookup finds candidates by the index (``memory.index``), never by
reading the whole memory, then ranks them by edit distance:

1. Exact matches by the digest of the whitespace-normalised source.
2. The query's index terms, rarest first (``memory.index.frequencies``):
   the rare ones are asked for together (any of them) until their posting
   lists would pass ``BUDGET`` entries; a term held by more entries than
   that is never asked for alone. When even the rarest term is common, entries
   holding any two of the four rarest terms are asked for instead.
3. rapidfuzz's ``fuzz.ratio`` (normalised Indel similarity) scores every
   candidate; the best come back.

Scores: 100 for the same normalised source, 101 when the neighbouring
sentences match too (``context``), otherwise the similarity rounded down
and capped at 99. A pair is used in both directions: an English-to-Chinese
entry answers a Chinese-to-English lookup with its sides swapped.

Entries are found by language (``en``, ``zh-Hant``) and ranked, at the same
score, by how near their variants are to those asked for
(``variant_rank``): an ``en-GB`` lookup shows ``en-GB`` entries first, then
``en``, then other ``en-*``. Of matches with the same two texts in several
variants, the nearest is shown. Each match says its variants and carries
the entry's notes, props and inline codes, sides as the match is oriented.

Inline codes count for nothing in the score, but at the same score an entry
whose codes are those of the query (the same kinds in the same order,
``code_kinds``) comes first, before nearer variants: its codes can be placed
in the sentence. Of entries with the same words and other markup (a plain
and a bold version of one pair) the one fitting the query is shown. Callers
pass the sentence's text with its codes.

The parts live beside this module: ``candidates`` (steps 1 and 2, and
``variant_rank``), ``matches`` (what a lookup answers), ``differences``
(numbers, dates and terms that differ) and ``concordance``; this module
scores and ranks, and is the front door to them all.
"""

from django.db.models import Q

from rapidfuzz import fuzz, process

from core.inline import KINDS, codes_in, from_tokens, to_tokens
from core.statuses import Status
from memory.candidates import BUDGET, candidates, distance, variant_rank, wanted
from memory.concordance import concordance
from memory.differences import differences_between
from memory.languages import memory_language
from memory.matches import ConcordanceHit, Difference, Match
from memory.models import MemoryEntry
from memory.remarks import Remarks, swapped
from memory.text import normalise, text_key

__all__ = [
    "BUDGET",
    "ConcordanceHit",
    "Difference",
    "Match",
    "code_kinds",
    "concordance",
    "exact_targets",
    "query_of",
    "shown",
    "lookup",
    "memory_size",
    "taken_match_score",
    "variant_rank",
]

#: Lowest score worth showing.
MIN_SCORE = 50


def score(query: str, candidate: str) -> int:
    """0 to 100: 100 only for the same normalised text."""
    if query == candidate:
        return 100
    return min(99, int(fuzz.ratio(query, candidate)))


def lookup(
    text: str,
    source_language: str,
    target_language: str,
    *,
    limit: int = 5,
    threshold: int = MIN_SCORE,
    context: int | None = None,
    differences: bool = True,
) -> list[Match]:
    """The best memory matches for ``text``, best first.

    ``context`` is the digest of the sentence's neighbours
    (``memory.store.context_digest``): a 100 % match with the same context
    scores 101. Matches below ``threshold`` are left out. The languages may
    be variants (``en-GB``): the nearest variants come first.
    """
    norm = normalise(text)
    if not norm:
        return []
    source = memory_language(source_language)
    target = memory_language(target_language)
    variants = (wanted(source_language), wanted(target_language))
    found = candidates(norm, source, target, variants)
    if not found:
        return []
    normalised = [normalise(m.source) for m in found]
    best = process.extract(
        norm,
        normalised,
        scorer=fuzz.ratio,
        limit=max(limit * 4, 20),
        score_cutoff=max(threshold - 1, 0),
    )
    results = []
    for candidate, _ratio, index in best:
        match = found[index]
        match.score = score(norm, candidate)
        if (
            match.score == 100
            and context is not None
            and not match.reverse
            and match.context == context
        ):
            match.score = 101
        if match.score >= threshold:
            results.append(match)
    kinds = code_kinds(text)
    results.sort(
        key=lambda m: (
            -m.score,
            code_kinds(m.source) != kinds,
            distance(m, *variants),
            m.status != Status.APPROVED,
            -m.changed_at.timestamp(),
        )
    )
    results = _distinct(results)[:limit]
    _add_remarks(results)
    if differences:
        for match in results:
            if match.score < 100:
                match.differences = differences_between(text, match.source, source)
    return results


def code_kinds(text: str) -> list[str]:
    """The kinds of ``text``'s inline codes in order: what must line up for a
    match's codes to be placed in a sentence (``core.inline.map_codes``)."""
    return [kind for _number, kind in codes_in(text)]


def _distinct(matches: list[Match]) -> list[Match]:
    """The first of matches with the same two texts (in other variants, or
    with other markup: sorted first, the one whose codes fit the query's)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for match in matches:
        texts = (normalise(match.source), normalise(match.target))
        if texts not in seen:
            seen.add(texts)
            kept.append(match)
    return kept


def _add_remarks(matches: list[Match]) -> None:
    """Give each match its entry's notes, props (turned as it is) and codes."""
    held = {
        pk: (Remarks(notes, props), codes)
        for pk, notes, props, codes in MemoryEntry.objects.filter(
            pk__in=[m.entry_id for m in matches]
        ).values_list("pk", "notes", "props", "codes")
    }
    for match in matches:
        remarks, codes = held.get(match.entry_id, (Remarks(), {}))
        if match.reverse:
            remarks = swapped(remarks)
        match.notes, match.props = remarks.notes, remarks.props
        match.codes = codes or {}


def taken_match_score(
    entry_id: int, source: str, source_language: str, target_language: str, text: str
) -> int | None:
    """The score of memory entry ``entry_id`` for ``source`` if ``text`` is its
    translation as stored, else None (the translator changed it, or it is no
    match for this sentence at all)."""
    entry = MemoryEntry.objects.filter(pk=entry_id).first()
    if entry is None:
        return None
    (language, theirs), (other, translation) = entry.oriented(
        memory_language(source_language)
    )
    if (language, other) != (
        memory_language(source_language),
        memory_language(target_language),
    ):
        return None
    if normalise(translation) != normalise(text):
        return None
    return score(normalise(source), normalise(theirs))


def memory_size(source_language: str, target_language: str) -> int:
    """How many entries serve this language pair (in either direction)."""
    source = memory_language(source_language)
    target = memory_language(target_language)
    return MemoryEntry.objects.filter(
        Q(source_language=source, target_language=target)
        | Q(source_language=target, target_language=source)
    ).count()


#: Source texts asked for per query by ``exact_targets``.
EXACT_BATCH = 500


def exact_targets(
    source_language: str, target_language: str, texts
) -> dict[str, set[str]]:
    """The targets the memory holds, in one direction, for each of ``texts``
    with the same normalised source: {text: targets}; texts it lacks are
    left out."""
    source_language = memory_language(source_language)
    target_language = memory_language(target_language)
    keyed = {text_key(source_language, normalise(text)): text for text in texts}
    keys = list(keyed)
    known: dict[str, set[str]] = {}
    for start in range(0, len(keys), EXACT_BATCH):
        rows = MemoryEntry.objects.filter(
            source_language=source_language,
            target_language=target_language,
            source_key__in=keys[start : start + EXACT_BATCH],
        ).values_list("source_key", "target")
        for key, target in rows:
            known.setdefault(keyed[key], set()).add(target)
    return known


#: Every code a query's tokens may name.
_ANY_CODE = {(number, kind) for number in range(1, 0x1000) for kind in KINDS}


def query_of(line: str) -> str:
    """A query with its tokens (``⟨1⟩``, ``⟨/1⟩``, ``⟨1/⟩``) as inline codes,
    so that entries with the same codes come first."""
    return from_tokens(line, _ANY_CODE)


def shown(row: dict, codes: dict) -> dict:
    """``row`` with its texts' inline codes as tokens, and a ``codes`` field
    (``core.inline.codes_to_json``) for those it holds, when it holds any."""
    held = {n for text in (row["source"], row["target"]) for n, _ in codes_in(text)}
    if not held:
        return row
    row = row | {"source": to_tokens(row["source"]), "target": to_tokens(row["target"])}
    row["codes"] = {n: c for n, c in codes.items() if int(n) in held}
    return row
