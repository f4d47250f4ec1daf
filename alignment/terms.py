"""Bilingual term candidates from aligned sentence pairs.

The names a glossary needs (offices, titles, bodies: "Secretary for …",
"… Authority", "… Bureau", "… Council", "… Department", "… Zone") are, in
English, runs of capitalised words, with "for", "of", "and", "the" inside;
those whose last word names a body or holding a title word are kept
(places, events and other names only when asked). Each such run found in
at least ``min_count`` pairs is paired with the
Chinese character run (2 to ``LONGEST`` characters, Han only) that co-occurs
with it best across the pairs, by the Dice coefficient: twice the pairs
holding both, over the pairs holding each. Among runs as good (a name
seen twice co-occurs as well with every run around it), the one whose
the English words' CC-CEDICT renderings are found in most wins, then the
longest (``前海管理局`` over ``管理局``), less a person's name after a
title (``醫務衞生局局長陳耀明教授`` is ``醫務衞生局局長``). People's names ("Chan
Yiu-ming") are not terms and are left out. A candidate keeps its evidence:
the pairs it was seen in.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from alignment.lexicon import english_words, renderings

#: The longest Chinese term considered, in characters.
LONGEST = 16
#: Words that may join the capitalised words of a name.
JOINERS = frozenset({"for", "of", "and", "the", "on", "in"})
#: Capitalised words that start sentences more often than names.
NOT_NAMES = frozenset(
    """The A An This That These Those He She It They We In On At For Of And
    But Mr Mrs Ms Dr Professor Photo Photos Ends Issued""".split()
)

#: The last words of the names of bodies (offices, bureaux, councils, the
#: zones they run) and of the schemes they run under an official name.
BODY_WORDS = frozenset(
    """Authority Bureau Council Department Zone Office Commission Committee
    Board Centre Center Observatory Government Agency Corporation Secretariat
    Force Service Services Administration Registry Institute Tribunal Court
    Unit Division Branch Team Panel Academy Hospital Library Museum Fund
    Scheme Strategy Programme Program Plan Policy Ordinance Initiative
    Regulation Regulations Bill""".split()
)
#: The words that make a name a title: "Secretary for …", "Chief Executive".
TITLE_WORDS = frozenset(
    """Secretary Director Commissioner Chairman Chairperson Chairwoman
    Executive Officer Controller Ombudsman Registrar President Minister Mayor
    Consul Judge Principal Adviser Advisor Postmaster Auditor Treasurer
    Governor Chancellor Commander""".split()
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'&-]*")
#: A Chinese title word followed by a person's name (and an honorific): a
#: title precedes the name in Chinese, so the name is cut off the term.
_TITLE_THEN_NAME = re.compile(
    r"(局長|局长|司長|司长|署長|署长|處長|处长|主席|專員|专员|議員|议员)"
    r"[\u4e00-\u9fff]{1,5}$"
)
#: A romanised Cantonese given name: "Yiu-ming", "Ka-fai".
_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True)
class Candidate:
    english: str
    chinese: str
    count: int  # pairs holding both
    score: float  # Dice
    evidence: tuple[int, ...]  # the pairs, by index

    def as_dict(self) -> dict:
        return {
            "english": self.english,
            "chinese": self.chinese,
            "count": self.count,
            "score": round(self.score, 3),
            "evidence": list(self.evidence),
        }


def english_names(text: str) -> set[str]:
    """The runs of capitalised words (two or more) of an English text."""
    names: set[str] = set()
    run: list[str] = []

    def close() -> None:
        while run and run[-1] in JOINERS:
            run.pop()
        # "the X and the Y" names two things; "X and Y Affairs" one
        for part in " ".join(run).split(" and the "):
            words = part.split()
            capitalised = [w for w in words if w[0].isupper() and w not in NOT_NAMES]
            if len(capitalised) >= 2 and not any(_GIVEN_NAME.match(w) for w in words):
                names.add(part)
        run.clear()

    for match in _TOKEN.finditer(text):
        word = match.group()
        gap = text[match.start() - 2 : match.start()] if run else ""
        if run and any(mark in gap for mark in ',.;:()"“”'):
            close()
        if word[0].isupper() and (word not in NOT_NAMES or run):
            run.append(word)
        elif run and word in JOINERS:
            run.append(word)
        else:
            close()
    close()
    return names


def is_office_title_or_body(name: str) -> bool:
    """Whether a name is that of an office, a title or a body (or a scheme
    one runs): its last word names a body ("… Authority", "… Bureau"), or a
    word of it a title ("Secretary for …", "Chief Executive"). Places,
    events and other names ("Hong Kong", "Kwun Tong", "Harbourfront Arts
    Festival") are not."""
    words = name.split()
    return words[-1] in BODY_WORDS or any(word in TITLE_WORDS for word in words)


def _chinese_runs(text: str) -> set[str]:
    runs = set()
    for han in _HAN.findall(text):
        for size in range(2, min(LONGEST, len(han)) + 1):
            for start in range(len(han) - size + 1):
                runs.add(han[start : start + size])
    return runs


def term_candidates(
    pairs: Sequence[tuple[str, str]], *, min_count: int = 2, every_name: bool = False
) -> list[Candidate]:
    """The candidates of (English, Chinese) pairs, best first: the names of
    offices, titles and bodies (``is_office_title_or_body``), or with
    ``every_name`` every name (places and events too)."""
    english_in: dict[str, list[int]] = defaultdict(list)
    chinese_of: list[set[str]] = []
    chinese_count: Counter = Counter()
    for index, (english, chinese) in enumerate(pairs):
        for name in english_names(english):
            english_in[name].append(index)
        runs = _chinese_runs(chinese)
        chinese_of.append(runs)
        chinese_count.update(runs)
    found = []
    for name, where in english_in.items():
        if len(where) < min_count:
            continue
        if not every_name and not is_office_title_or_body(name):
            continue
        together: Counter = Counter()
        for index in where:
            together.update(chinese_of[index])
        words = [r for word in english_words(name) if (r := renderings(word))]
        best = None
        for chinese, both in together.items():
            if both < min_count:
                continue
            dice = round(2 * both / (len(where) + chinese_count[chinese]), 6)
            rank = (dice, _covered(chinese, words), len(chinese))
            if best is None or rank > best[0]:
                best = (rank, chinese, both)
        if best is None:
            continue
        (dice, _, _), chinese, both = best
        title = _TITLE_THEN_NAME.search(chinese)
        if title:
            chinese = chinese[: title.end(1)]
        evidence = tuple(i for i in where if chinese in chinese_of[i])
        found.append(Candidate(name, chinese, both, dice, evidence))
    found.sort(key=lambda c: (-c.score * c.count, -c.count, c.english))
    return found


def _covered(chinese: str, words: list[frozenset[str]]) -> float:
    """How many of the English words have a rendering in a Chinese run."""
    marked = [False] * len(chinese)
    found = 0
    for choices in words:
        hit = False
        for rendering in choices:
            start = chinese.find(rendering)
            while start >= 0:
                hit = True
                for k in range(start, start + len(rendering)):
                    marked[k] = True
                start = chinese.find(rendering, start + 1)
        found += hit
    return found
