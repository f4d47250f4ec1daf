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
the entry's notes and props, sides as the match is oriented.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rapidfuzz import fuzz, process

from core.languages import usage
from core.statuses import Status
from glossary.matching import find_terms
from memory import index as memory_index
from memory.models import MemoryEntry
from memory.remarks import Remarks, swapped
from memory.store import memory_language, memory_variant
from memory.text import index_terms, normalise, text_key

__all__ = [
    "BUDGET",
    "ConcordanceHit",
    "Difference",
    "Match",
    "concordance",
    "lookup",
    "memory_size",
    "taken_match_score",
    "variant_rank",
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
#: Pages of 500 index hits concordance reads per side and direction, at most.
CONCORDANCE_PAGES = 20
#: Lowest score worth showing.
MIN_SCORE = 50

_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)


@dataclass(frozen=True)
class Difference:
    """Something that differs between the query and a match's source."""

    kind: str  # "number", "date" or "term"
    query: tuple[str, ...]
    match: tuple[str, ...]

    @property
    def label(self) -> str:
        return str(_KIND_LABELS[self.kind])


_KIND_LABELS = {
    "number": _("numbers"),
    "date": _("dates"),
    "term": _("glossary terms"),
}


@dataclass
class Match:
    """A memory entry as an answer to a query, oriented like the query."""

    entry_id: int
    score: int
    source: str
    target: str
    origin: str
    source_kind: str
    status: str
    changed_at: datetime
    differences: list[Difference] = field(default_factory=list)
    #: The entry's context digest (of its source's neighbours).
    context: int | None = None
    #: The variants of the two sides as the entry keeps them (``en-GB``).
    source_language: str = ""
    target_language: str = ""
    #: The entry's notes and props, ``side`` as this match is oriented.
    notes: list[dict] = field(default_factory=list)
    props: list[dict] = field(default_factory=list)
    #: The entry answers with its sides swapped.
    reverse: bool = False

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "source": self.source,
            "target": self.target,
            "origin": self.origin,
            "source_language": self.source_language,
            "target_language": self.target_language,
            "notes": self.notes,
            "props": self.props,
        }

    def swap(self) -> None:
        """Answer with the entry's sides the other way round."""
        self.source, self.target = self.target, self.source
        self.source_language, self.target_language = (
            self.target_language,
            self.source_language,
        )
        self.reverse = not self.reverse


@dataclass(frozen=True)
class ConcordanceHit:
    entry_id: int
    source: str
    target: str
    origin: str
    changed_at: datetime
    source_language: str = ""
    target_language: str = ""


def _row_match(row: tuple, reverse: bool) -> Match:
    (
        entry_id, source, target, status, kind, origin, context, changed_at,
        source_variant, target_variant,
    ) = row  # fmt: skip
    match = Match(
        entry_id,
        0,
        source,
        target,
        origin,
        kind,
        status,
        changed_at,
        context=context,
        source_language=source_variant,
        target_language=target_variant,
    )
    if reverse:
        match.swap()
    return match


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


def _wanted(code: str) -> str:
    try:
        return memory_variant(code)
    except ValueError:
        return code


def _distance(match: Match, source: str, target: str) -> int:
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
    return [_row_match(r, False) for r in forward] + [
        _row_match(r, True) for r in backward
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
                found.setdefault(row[0], _row_match(row, reverse))
    if source == target and variants:
        for match in found.values():
            now = _distance(match, *variants)
            match.swap()
            if _distance(match, *variants) >= now:
                match.swap()
    return list(found.values())


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
    variants = (_wanted(source_language), _wanted(target_language))
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
    results.sort(
        key=lambda m: (
            -m.score,
            _distance(m, *variants),
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


def _distinct(matches: list[Match]) -> list[Match]:
    """The first of matches with the same two texts (in other variants)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for match in matches:
        texts = (normalise(match.source), normalise(match.target))
        if texts not in seen:
            seen.add(texts)
            kept.append(match)
    return kept


def _add_remarks(matches: list[Match]) -> None:
    """Give each match its entry's notes and props, turned as it is."""
    held = {
        pk: Remarks(notes, props)
        for pk, notes, props in MemoryEntry.objects.filter(
            pk__in=[m.entry_id for m in matches]
        ).values_list("pk", "notes", "props")
    }
    for match in matches:
        remarks = held.get(match.entry_id, Remarks())
        if match.reverse:
            remarks = swapped(remarks)
        match.notes, match.props = remarks.notes, remarks.props


def differences_between(query: str, source: str, language: str) -> list[Difference]:
    """The numbers, dates and glossary terms one text has and the other lacks."""
    found = []
    for kind, pattern in (("number", _NUMBER), ("date", _MONTH)):
        ours = Counter(pattern.findall(query))
        theirs = Counter(pattern.findall(source))
        if ours != theirs:
            found.append(
                Difference(
                    kind,
                    tuple((ours - theirs).elements()),
                    tuple((theirs - ours).elements()),
                )
            )
    ours = {m.concept_id: m.text for m in find_terms(query, language)}
    theirs = {m.concept_id: m.text for m in find_terms(source, language)}
    if ours.keys() != theirs.keys():
        found.append(
            Difference(
                "term",
                tuple(ours[c] for c in ours.keys() - theirs.keys()),
                tuple(theirs[c] for c in theirs.keys() - ours.keys()),
            )
        )
    return found


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
    oriented as ``source_language`` to ``target_language``.
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
                    m = _row_match(row, reverse)
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
    return hits


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
            )
        )
    return hits


def memory_size(source_language: str, target_language: str) -> int:
    """How many entries serve this language pair (in either direction)."""
    source = memory_language(source_language)
    target = memory_language(target_language)
    return MemoryEntry.objects.filter(
        Q(source_language=source, target_language=target)
        | Q(source_language=target, target_language=source)
    ).count()
