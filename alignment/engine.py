"""Sentence alignment of two versions of one text: the beads and their
confidence.

A bead is the smallest pair of sentence groups that translate each other:
1-1, 1-2, 2-1, 2-2, or one-sided, 1-0 (English only) and 0-1 (Chinese
only). ``align`` chooses the sequence of beads of least cost by dynamic
programming over the two sentence lists, in order, where a bead's cost is,
in nats (a negative log-probability):

- its **prior** (how often such a bead occurs, ``PRIORS``);
- for a two-sided bead, the **length** cost of Gale and Church (1993): the
  Chinese characters of the group against ``RATIO`` times the English
  characters, with a variance of ``VARIANCE`` per character
  (``alignment.lengths``, fitted on published English–Chinese pairs);
- minus ``ANCHOR_BONUS`` for each **anchor** both groups hold
  (``alignment.anchors``: numbers, dates and times as values, Latin words,
  glossary concepts, list items, the kind of closing line); since each
  anchor of a path is either matched in its bead or not, rewarding the
  matched ones is the same as charging the others;
- ``MISMATCH_PENALTY`` for each **firm** anchor (a number read firmly, a
  time, a list item) one group holds and the other does not: a translation
  states them, so a group with a figure the other lacks is probably paired
  with the wrong sentence (a phone number only the Chinese version gives);
- minus ``LEXICON_BONUS`` times the share of the English group's ordinary
  words whose CC-CEDICT rendering is in the Chinese group, less the share
  found by chance ``LEXICON_BASE`` (``alignment.lexicon``), and minus
  ``LEXICON_CHINESE_BONUS`` times the share of the Chinese group's Han
  characters inside such a rendering, less ``LEXICON_CHINESE_BASE``: the
  same test from the Chinese side, so that a Chinese sentence the English
  does not say (a hotline, a website) is not added to a bead for free;
- minus ``MEMORY_BONUS`` when the **memory** already holds the bead's
  English group with its Chinese group as a pair (the caller's
  ``remembered``: an earlier alignment, an approved translation);
- ``CLOSING_PENALTY`` for a bead that pairs a closing line (``Ends/…``,
  ``完``, the date line, ``Issued at HKT``) with prose, or puts ``NNNN``,
  which only the English version carries, on a two-sided bead.

A long pair is searched in a band around the diagonal of the lattice
(``BAND``), and whole when the best path comes near the band's edge. A
text longer than ``LONG`` sentences whose paragraphs the caller marks is
aligned paragraph by paragraph first (the paragraphs as units, by the same
costs), then sentence by sentence inside each pair of paragraph groups, so
that a long document costs about as much as its paragraphs.

The **confidence** of a bead is its posterior probability among every
path (forward and backward sums over the same lattice): a bead that the
next best paths agree on is near 1, one they dispute is lower, and a page
shows the low ones for review.
"""

import math
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from alignment.anchors import Anchors, TermFinder, anchors_of, latin_words
from alignment.lengths import RATIO, VARIANCE, chinese_length
from alignment.lexicon import Evidence, evidence

#: Bead shapes (English sentences, Chinese sentences) and their priors.
PRIORS = {
    (1, 1): 0.66,
    (1, 2): 0.09,
    (2, 1): 0.11,
    (2, 2): 0.02,
    (1, 0): 0.05,
    (0, 1): 0.05,
}
COSTS = {shape: -math.log(p) for shape, p in PRIORS.items()}


def set_priors(priors: dict) -> None:
    """Replace the priors (for a fit)."""
    PRIORS.update(priors)
    COSTS.update({shape: -math.log(p) for shape, p in PRIORS.items()})


#: Nats each anchor both sides of a bead hold takes off its cost.
ANCHOR_BONUS = 5.0
#: Nats a two-sided bead loses when every English word with a dictionary
#: rendering finds one in the Chinese group (in proportion to the share).
LEXICON_BONUS = 12.0
#: The share of words two unrelated sentences have in common by chance: a
#: pair covering less pays for it.
LEXICON_BASE = 0.15
#: The same for the share of the Chinese group's Han characters inside a
#: rendering of one of the English group's words, and the share found by
#: chance (a Chinese sentence the English does not render pays for it).
#: Tuned on the gold set, leave-one-out (``benchmarks/alignment.py``,
#: ``ours_cross_validated``); the base is the mean share of unrelated pairs.
LEXICON_CHINESE_BONUS = 18.0
LEXICON_CHINESE_BASE = 0.1
#: Nats per firm anchor (a number read firmly, a time, a list item) one
#: group of a two-sided bead holds and the other does not (tuned as above).
MISMATCH_PENALTY = 2.0
#: Nats a two-sided bead loses when the memory holds it as a pair.
MEMORY_BONUS = 20.0
#: Nats added to a bead that pairs a closing line with prose.
CLOSING_PENALTY = 12.0
#: Half the width, in sentences, of the band around the diagonal searched
#: in a long pair: at least ``BAND``, or ``BAND_SHARE`` of the longer side,
#: but at first no more than ``BAND_MAX`` (doubled while the best path
#: comes near its edge), so that a long text costs in proportion to its
#: length, not to its square.
BAND = 20
BAND_SHARE = 0.1
BAND_MAX = 60
#: Nats per character of a one-sided sentence (a long sentence left out of
#: the other version is rarer than a caption).
ONE_SIDED_PER_CHAR = 0.01


#: What the memory pairs with each English text asked: text -> Chinese texts.
Remembered = Callable[[Sequence[str]], dict[str, Collection[str]]]


@dataclass(frozen=True)
class Bead:
    """English sentences ``source`` and Chinese sentences ``target`` (indices)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.source), len(self.target))

    def as_dict(self) -> dict:
        return {
            "source": list(self.source),
            "target": list(self.target),
            "confidence": round(self.confidence, 3),
        }


def _length_cost(english: int, chinese: int) -> float:
    """Gale and Church's cost of ``chinese`` characters for ``english`` ones."""
    mean = (english + chinese / RATIO) / 2
    if mean <= 0:
        return 0.0
    delta = abs(chinese - RATIO * english) / math.sqrt(mean * VARIANCE)
    tail = math.erfc(delta / math.sqrt(2))
    return -math.log(max(tail, 1e-300))


def _merged(anchors: Sequence[Anchors], firm: bool = False) -> dict:
    """The anchor values of a group of sentences, with their counts."""
    if len(anchors) == 1:
        return anchors[0].firm if firm else anchors[0].values
    out: dict = {}
    for one in anchors:
        for value, count in (one.firm if firm else one.values).items():
            out[value] = out.get(value, 0) + count
    return out


def _shared(a: dict, b: dict) -> int:
    """How many values (with their counts) two groups hold both."""
    if not a or not b:
        return 0
    if len(a) > len(b):
        a, b = b, a
    return sum(min(n, b[k]) for k, n in a.items() if k in b)


#: English lines the Chinese version never carries: always a bead of their own.
ONE_SIDED = ("nnnn", "caption")
_CLOSING_PAIRS = {
    ("ends", "ends"),
    ("ends", "date"),
    ("issued", "issued"),
    ("photo", "photo"),
}
#: Lines that may stand alone in either version (a caption one carries).
MAY_STAND_ALONE = ("photo",)


def _closing_cost(left: Sequence[Anchors], right: Sequence[Anchors]) -> float:
    kinds_left = [a.closing for a in left]
    kinds_right = [a.closing for a in right]
    if not any(kinds_left) and not any(kinds_right):
        return 0.0
    if any(kind in ONE_SIDED for kind in kinds_left):
        return CLOSING_PENALTY
    if not all(kinds_left) or not all(kinds_right):
        return CLOSING_PENALTY  # a closing line with prose
    if all((a, b) in _CLOSING_PAIRS for a in kinds_left for b in kinds_right):
        return -ANCHOR_BONUS * len(kinds_right)
    return CLOSING_PENALTY


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    if top == -math.inf:
        return top
    return top + math.log(sum(math.exp(v - top) for v in values))


def _band(n: int, m: int, width: float | None) -> list[tuple[int, int]]:
    """Per English position, the first and last Chinese positions visited."""
    if width is None:
        return [(0, m)] * (n + 1)
    rows = []
    for i in range(n + 1):
        middle = i * m / n
        rows.append(
            (max(0, math.floor(middle - width)), min(m, math.ceil(middle + width)))
        )
    return rows


def align_anchored(
    english_lengths: Sequence[int],
    chinese_lengths: Sequence[int],
    english: Sequence[Anchors],
    chinese: Sequence[Anchors],
    lexical: Evidence | None = None,
    remembered: Collection[tuple[int, int, int, int]] = (),
) -> list[Bead]:
    """Align two sentence lists given their lengths and anchors.

    ``lexical`` holds what the lexicon finds of each English sentence in
    each Chinese one (``alignment.lexicon.evidence``). ``remembered`` holds
    the beads the memory knows, keyed as the lattice is: (English end,
    Chinese end, English count, Chinese count).

    A long pair is searched in a band around the diagonal (``BAND``,
    ``BAND_SHARE``, ``BAND_MAX``); when the best path comes near the band's
    edge, in a band twice as wide, up to the whole lattice.
    """
    n, m = len(english_lengths), len(chinese_lengths)
    scorer = _Scorer(english_lengths, chinese_lengths, english, chinese, lexical)
    width = max(BAND, min(BAND_SHARE * max(n, m), BAND_MAX))
    while n and m and 2 * width < max(n, m):
        rows = _band(n, m, width)
        beads = _search(n, m, scorer, remembered, rows)
        if beads is not None and not _near_edge(beads, rows, n, m):
            return beads
        width *= 2
    beads = _search(n, m, scorer, remembered, _band(n, m, None))
    assert beads is not None
    return beads


def _near_edge(beads: list[Bead], rows: list[tuple[int, int]], n: int, m: int) -> bool:
    """Whether a path passes within a few cells of the band's edge."""
    margin = 3
    i = j = 0
    for bead in beads:
        i += len(bead.source)
        j += len(bead.target)
        low, high = rows[i]
        if (low > 0 and j - low < margin) or (high < m and high - j < margin):
            return True
    return False


class _Scorer:
    """The cost of each bead of a pair, computed once when first asked."""

    def __init__(
        self,
        english_lengths: Sequence[int],
        chinese_lengths: Sequence[int],
        english: Sequence[Anchors],
        chinese: Sequence[Anchors],
        lexical: Evidence | None,
    ) -> None:
        self.english_groups = _groups_of(english_lengths, english)
        self.chinese_groups = _groups_of(chinese_lengths, chinese)
        self.english_lengths = english_lengths
        self.chinese_lengths = chinese_lengths
        self.english = english
        self.chinese = chinese
        self.lexical = lexical
        self.costs: dict[tuple[int, int, int, int], float] = {}

    def coverage(self, first: int, last: int, start: int, end: int) -> float:
        """The English words and Chinese characters the lexicon pairs."""
        lexical = self.lexical
        if lexical is None:
            return 0.0
        english_bits, chinese_bits = lexical.english, lexical.chinese
        found = 0
        for i in range(first, last):
            mask = 0
            for j in range(start, end):
                mask |= english_bits.get((i, j), 0)
            found += mask.bit_count()
        words = sum(lexical.words[first:last])
        score = LEXICON_BONUS * ((found / words if words else 0.0) - LEXICON_BASE)
        if LEXICON_CHINESE_BONUS:
            found = 0
            for j in range(start, end):
                mask = 0
                for i in range(first, last):
                    mask |= chinese_bits.get((i, j), 0)
                found += mask.bit_count()
            characters = sum(lexical.characters[start:end])
            share = found / characters if characters else 0.0
            score += LEXICON_CHINESE_BONUS * (share - LEXICON_CHINESE_BASE)
        return score

    def __call__(self, i: int, j: int, di: int, dj: int) -> float:
        key = (i, j, di, dj)
        cost = self.costs.get(key)
        if cost is not None:
            return cost
        cost = COSTS[(di, dj)]
        if di and dj:
            length, values, firm, firm_count = self.english_groups[(i, di)]
            length2, values2, firm2, firm_count2 = self.chinese_groups[(j, dj)]
            cost += _length_cost(length, length2)
            cost -= ANCHOR_BONUS * _shared(values, values2)
            if MISMATCH_PENALTY and (firm_count or firm_count2):
                # a firm value the other group holds, even softly, is matched
                unmatched = firm_count - _shared(firm, values2)
                unmatched += firm_count2 - _shared(firm2, values)
                cost += MISMATCH_PENALTY * unmatched
            cost -= self.coverage(i - di, i, j - dj, j)
            cost += _closing_cost(self.english[i - di : i], self.chinese[j - dj : j])
        elif di:
            cost += ONE_SIDED_PER_CHAR * self.english_lengths[i - 1]
            closing = self.english[i - 1].closing
            if closing in ONE_SIDED:
                cost -= ANCHOR_BONUS  # what the Chinese version never carries
            elif closing not in ("", *MAY_STAND_ALONE):
                cost += CLOSING_PENALTY
        else:
            cost += ONE_SIDED_PER_CHAR * self.chinese_lengths[j - 1] / RATIO
            if self.chinese[j - 1].closing not in ("", *MAY_STAND_ALONE):
                cost += CLOSING_PENALTY
        self.costs[key] = cost
        return cost


def _groups_of(
    lengths: Sequence[int], anchors: Sequence[Anchors]
) -> dict[tuple[int, int], tuple[int, dict, dict, int]]:
    """(end, count) -> length, anchor values, firm values and their count."""
    out = {}
    for end in range(1, len(lengths) + 1):
        for count in (1, 2):
            if count > end:
                continue
            group = anchors[end - count : end]
            firm = _merged(group, firm=True)
            out[(end, count)] = (
                sum(lengths[end - count : end]),
                _merged(group),
                firm,
                sum(firm.values()),
            )
    return out


def _search(
    n: int,
    m: int,
    bead_cost: _Scorer,
    remembered: Collection[tuple[int, int, int, int]],
    rows: list[tuple[int, int]],
) -> list[Bead] | None:
    """The best path through the lattice's cells in ``rows``, with each
    bead's posterior; None when no path stays inside."""
    shapes = list(PRIORS)
    inf = math.inf
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    forward = [[-inf] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    forward[0][0] = 0.0
    used: dict[tuple[int, int, int, int], float] = {}
    for i in range(n + 1):
        low, high = rows[i]
        for j in range(low, high + 1):
            if i == 0 and j == 0:
                continue
            lowest, choice, terms = inf, None, []
            for di, dj in shapes:
                if di > i or dj > j:
                    continue
                before = best[i - di][j - dj]
                if before == inf:
                    continue
                cost = bead_cost(i, j, di, dj)
                if di and dj and (i, j, di, dj) in remembered:
                    cost -= MEMORY_BONUS
                used[(i, j, di, dj)] = cost
                if before + cost < lowest:
                    lowest, choice = before + cost, (di, dj)
                terms.append(forward[i - di][j - dj] - cost)
            best[i][j], back[i][j] = lowest, choice
            forward[i][j] = _logsumexp(terms) if terms else -inf
    if best[n][m] == inf:
        return None
    backward = [[-inf] * (m + 1) for _ in range(n + 1)]
    backward[n][m] = 0.0
    for i in range(n, -1, -1):
        low, high = rows[i]
        for j in range(high, low - 1, -1):
            if i == n and j == m:
                continue
            terms = []
            for di, dj in shapes:
                cost = used.get((i + di, j + dj, di, dj))
                if cost is not None:
                    terms.append(backward[i + di][j + dj] - cost)
            backward[i][j] = _logsumexp(terms) if terms else -inf
    total = forward[n][m]
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        cost = used[(i, j, di, dj)]
        posterior = math.exp(forward[i - di][j - dj] - cost + backward[i][j] - total)
        beads.append(
            Bead(
                tuple(range(i - di, i)),
                tuple(range(j - dj, j)),
                min(1.0, max(0.0, posterior)),
            )
        )
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def align(
    english: Sequence[str],
    chinese: Sequence[str],
    *,
    chinese_language: str = "zh-Hant",
    terms: TermFinder | None = None,
    remembered: Remembered | None = None,
    paragraphs: tuple[Sequence[int], Sequence[int]] | None = None,
) -> list[Bead]:
    """Align English sentences with their Chinese version; the beads, in order.

    ``terms(text, language)`` names the glossary concepts a text holds (the
    workbench passes its matcher); without it only numbers, Latin words and
    closing lines anchor. ``remembered(english_texts)`` answers, for each
    English group asked (one sentence, or two joined by a space), the
    Chinese texts the memory pairs with it. ``paragraphs``, the paragraph of
    each English and each Chinese sentence, lets a long text be aligned
    paragraph by paragraph first.
    """
    if paragraphs is not None and max(len(english), len(chinese)) > LONG:
        return _by_paragraphs(
            english,
            chinese,
            paragraphs,
            chinese_language=chinese_language,
            terms=terms,
            remembered=remembered,
        )
    in_chinese, in_english = latin_words(chinese), latin_words(english)
    english_anchors = [
        anchors_of(text, "en", language="en", latin=in_chinese, terms=terms)
        for text in english
    ]
    chinese_anchors = [
        anchors_of(text, "zh", language=chinese_language, latin=in_english, terms=terms)
        for text in chinese
    ]
    return align_anchored(
        [len(text) for text in english],
        [chinese_length(text) for text in chinese],
        english_anchors,
        chinese_anchors,
        evidence(english, chinese),
        _remembered_beads(english, chinese, remembered) if remembered else (),
    )


#: Sentences on a side beyond which a text whose paragraphs are marked is
#: aligned paragraph by paragraph first.
LONG = 300


def _runs(paragraph_of: Sequence[int]) -> list[list[int]]:
    """The sentence indices of each paragraph, in order (a paragraph is a
    run of sentences with the same mark)."""
    runs: list[list[int]] = []
    for index, mark in enumerate(paragraph_of):
        if runs and paragraph_of[runs[-1][-1]] == mark:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _by_paragraphs(
    english: Sequence[str],
    chinese: Sequence[str],
    paragraphs: tuple[Sequence[int], Sequence[int]],
    **options,
) -> list[Bead]:
    """Paragraphs aligned as units, then the sentences of each paragraph
    bead; a sentence bead's confidence is its own times its paragraph
    bead's."""
    english_runs, chinese_runs = _runs(paragraphs[0]), _runs(paragraphs[1])
    if (
        len(paragraphs[0]) != len(english)
        or len(paragraphs[1]) != len(chinese)
        or len(english_runs) < 2
        or len(chinese_runs) < 2
    ):
        return align(english, chinese, **options)
    outer = align(
        [" ".join(english[i] for i in run) for run in english_runs],
        ["".join(chinese[j] for j in run) for run in chinese_runs],
        chinese_language=options["chinese_language"],
        terms=options["terms"],
    )
    beads: list[Bead] = []
    for group in outer:
        source = [i for p in group.source for i in english_runs[p]]
        target = [j for p in group.target for j in chinese_runs[p]]
        if not (source and target):
            beads += [Bead((i,), (), group.confidence) for i in source]
            beads += [Bead((), (j,), group.confidence) for j in target]
            continue
        for bead in align(
            [english[i] for i in source], [chinese[j] for j in target], **options
        ):
            beads.append(
                Bead(
                    tuple(source[k] for k in bead.source),
                    tuple(target[k] for k in bead.target),
                    bead.confidence * group.confidence,
                )
            )
    return beads


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _groups(texts: Sequence[str], joiner: str) -> dict[tuple[int, int], str]:
    """(end, count) -> the text of each group of one or two sentences."""
    out = {}
    for end in range(1, len(texts) + 1):
        out[(end, 1)] = texts[end - 1]
        if end >= 2:
            out[(end, 2)] = joiner.join(texts[end - 2 : end])
    return out


def _remembered_beads(
    english: Sequence[str], chinese: Sequence[str], remembered: Remembered
) -> set[tuple[int, int, int, int]]:
    """The two-sided beads whose texts the memory holds as a pair."""
    english_groups = _groups(english, " ")
    known = remembered(sorted(set(english_groups.values())))
    if not any(known.values()):
        return set()
    where: dict[str, list[tuple[int, int]]] = {}
    for (end, count), text in _groups(chinese, "").items():
        where.setdefault(_squash(text), []).append((end, count))
    beads = set()
    for (i, di), text in english_groups.items():
        for target in known.get(text, ()):
            for j, dj in where.get(_squash(target), ()):
                beads.add((i, j, di, dj))
    return beads


#: The signature of an aligner, for the benchmarks' baselines.
Aligner = Callable[[Sequence[str], Sequence[str]], list[Bead]]
