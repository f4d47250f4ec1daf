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
  glossary concepts, the kind of closing line); since each anchor of a
  path is either matched in its bead or not, rewarding the matched ones is
  the same as charging the others;
- minus ``LEXICON_BONUS`` times the share of the English group's ordinary
  words whose CC-CEDICT rendering is in the Chinese group
  (``alignment.lexicon``);
- minus ``MEMORY_BONUS`` when the **memory** already holds the bead's
  English group with its Chinese group as a pair (the caller's
  ``remembered``: an earlier alignment, an approved translation);
- ``CLOSING_PENALTY`` for a bead that pairs a closing line (``Ends/…``,
  ``完``, the date line, ``Issued at HKT``) with prose, or puts ``NNNN``,
  which only the English version carries, on a two-sided bead.

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
from alignment.lexicon import chinese_ngrams, covered, english_words, renderings

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
#: Nats a two-sided bead loses when the memory holds it as a pair.
MEMORY_BONUS = 20.0
#: Nats added to a bead that pairs a closing line with prose.
CLOSING_PENALTY = 12.0
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


def _matched(left: Sequence[Anchors], right: Sequence[Anchors]) -> int:
    if len(left) == 1 and len(right) == 1:
        a, b = left[0].values, right[0].values
        if not a or not b:
            return 0
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        return sum(min(n, large[k]) for k, n in small.items() if k in large)
    a = left[0].values.copy()
    for more in left[1:]:
        a.update(more.values)
    b = right[0].values.copy()
    for more in right[1:]:
        b.update(more.values)
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


def align_anchored(
    english_lengths: Sequence[int],
    chinese_lengths: Sequence[int],
    english: Sequence[Anchors],
    chinese: Sequence[Anchors],
    english_vocabulary: Sequence[list[frozenset[str]]] | None = None,
    chinese_vocabulary: Sequence[frozenset[str]] | None = None,
    remembered: Collection[tuple[int, int, int, int]] = (),
) -> list[Bead]:
    """Align two sentence lists given their lengths and anchors.

    ``english_vocabulary`` holds, per English sentence, the renderings of
    each of its ordinary words; ``chinese_vocabulary``, per Chinese
    sentence, its character n-grams (``alignment.lexicon``).
    ``remembered`` holds the beads the memory knows, keyed as the lattice
    is: (English end, Chinese end, English count, Chinese count).
    """
    n, m = len(english_lengths), len(chinese_lengths)
    cost_of: dict[tuple[int, int, int, int], float] = {}
    masks: dict[tuple[int, int], int] = {}

    def coverage(first: int, last: int, start: int, end: int) -> float:
        if english_vocabulary is None or chinese_vocabulary is None:
            return 0.0
        found = words = 0
        for i in range(first, last):
            mask = 0
            for j in range(start, end):
                pair = masks.get((i, j))
                if pair is None:
                    pair = covered(english_vocabulary[i], chinese_vocabulary[j])
                    masks[(i, j)] = pair
                mask |= pair
            found += mask.bit_count()
            words += len(english_vocabulary[i])
        return found / words if words else 0.0

    def bead_cost(i: int, j: int, di: int, dj: int) -> float:
        key = (i, j, di, dj)
        cost = cost_of.get(key)
        if cost is not None:
            return cost
        cost = COSTS[(di, dj)]
        if di and dj:
            left, right = english[i - di : i], chinese[j - dj : j]
            cost += _length_cost(
                sum(english_lengths[i - di : i]), sum(chinese_lengths[j - dj : j])
            )
            cost -= ANCHOR_BONUS * _matched(left, right)
            cost -= LEXICON_BONUS * (coverage(i - di, i, j - dj, j) - LEXICON_BASE)
            cost += _closing_cost(left, right)
            if key in remembered:
                cost -= MEMORY_BONUS
        elif di:
            cost += ONE_SIDED_PER_CHAR * english_lengths[i - 1]
            if english[i - 1].closing in ONE_SIDED:
                cost -= ANCHOR_BONUS  # what the Chinese version never carries
            elif english[i - 1].closing not in ("", *MAY_STAND_ALONE):
                cost += CLOSING_PENALTY
        else:
            cost += ONE_SIDED_PER_CHAR * chinese_lengths[j - 1] / RATIO
            if chinese[j - 1].closing not in ("", *MAY_STAND_ALONE):
                cost += CLOSING_PENALTY
        cost_of[key] = cost
        return cost

    shapes = list(PRIORS)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    forward = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    forward[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            lowest, choice, terms = math.inf, None, []
            for di, dj in shapes:
                if di > i or dj > j:
                    continue
                before = best[i - di][j - dj]
                if before == math.inf:
                    continue
                cost = bead_cost(i, j, di, dj)
                if before + cost < lowest:
                    lowest, choice = before + cost, (di, dj)
                terms.append(forward[i - di][j - dj] - cost)
            best[i][j], back[i][j] = lowest, choice
            forward[i][j] = _logsumexp(terms) if terms else -math.inf
    backward = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    backward[n][m] = 0.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            terms = [
                backward[i + di][j + dj] - cost_of[(i + di, j + dj, di, dj)]
                for di, dj in shapes
                if i + di <= n and j + dj <= m and (i + di, j + dj, di, dj) in cost_of
            ]
            backward[i][j] = _logsumexp(terms) if terms else -math.inf
    total = forward[n][m]
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        cost = cost_of[(i, j, di, dj)]
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
) -> list[Bead]:
    """Align English sentences with their Chinese version; the beads, in order.

    ``terms(text, language)`` names the glossary concepts a text holds (the
    workbench passes its matcher); without it only numbers, Latin words and
    closing lines anchor. ``remembered(english_texts)`` answers, for each
    English group asked (one sentence, or two joined by a space), the
    Chinese texts the memory pairs with it.
    """
    in_chinese, in_english = latin_words(chinese), latin_words(english)
    english_anchors = [
        anchors_of(text, "en", language="en", latin=in_chinese, terms=terms)
        for text in english
    ]
    chinese_anchors = [
        anchors_of(text, "zh", language=chinese_language, latin=in_english, terms=terms)
        for text in chinese
    ]
    vocabulary = [
        [found for word in english_words(text) if (found := renderings(word))]
        for text in english
    ]
    return align_anchored(
        [len(text) for text in english],
        [chinese_length(text) for text in chinese],
        english_anchors,
        chinese_anchors,
        vocabulary,
        [chinese_ngrams(text) for text in chinese],
        _remembered_beads(english, chinese, remembered) if remembered else (),
    )


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
