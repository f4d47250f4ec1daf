"""What a sentence holds that its translation must hold too: anchors.

An anchor is a value both versions of a sentence state whatever their
language, so that two sentence groups sharing anchors probably translate
each other, and an anchor on one side only counts against a pairing:

- numbers, dates, times, weekdays and amounts, as ``core.numbers`` reads
  them in English and in Chinese (the reader of the quality check: ``$3.5
  billion`` and ``35億元``, ``7.30pm`` and ``晚上7時30分``, ``19 per cent``
  and ``百分之十九`` give the same values, and so do ``40 per cent`` and
  ``四成``); soft numbers below 3 (``one``, ``一`` in ``一些``) are left out;
  the numbers read firmly (in figures, or a Chinese numeral with its
  measure word: not ``九`` in ``九龍``), from 3 up, and every time and
  weekday, are ``firm``: a translation states them, so a pairing that leaves
  one unmatched is unlikely;
- the number of a list item, ``(1)``, ``(a)``, ``(ii)`` or ``1.`` opening an
  English sentence, ``（一）``, ``(a)`` or ``一、`` a Chinese one (firm too);
- Latin words of the Chinese text (names, codes, acronyms: ``HKTDC``,
  ``G/IC``, ``5G``) found in the English text too;
- terms: whatever the caller's ``terms`` function finds, as identifiers the
  two sides share (the glossary's concepts, from its matcher: a concept
  found in the English sentence and in the Chinese one is an anchor);
- the kind of closing line (``core.releases``): ``Ends/…`` with ``完`` and
  the date line, ``Issued at HKT`` with ``香港時間``, and ``NNNN`` and
  ``(with photos)``, which the Chinese version does not carry; a photo's
  caption (``Photo shows…``, ``圖示…``) pairs only with a caption.
"""

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from core.numbers import numbers_in

#: A function that names the concepts a text holds in a language.
TermFinder = Callable[[str, str], Sequence[object]]

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9/&.\-]*[A-Za-z0-9]|[A-Za-z]")
_NNNN = re.compile(r"^\s*NNNN\s*$")
_CAPTION = re.compile(
    r"^\s*\(\s*with (?:photos?|videos?|photos? and videos?|a photo)\s*\)\s*$", re.I
)
_PHOTO_EN = re.compile(r"^\s*(?:Photos?|Pictures?)\s*\d*\s*(?:shows?\b|:)", re.I)
_PHOTO_ZH = re.compile(r"^\s*[圖图](?:示|片\s*\d*\s*[:：]|\s*\d*\s*[:：])")
_ENDS = re.compile(r"^\s*(?:Ends\s*/|[-–—－]\s*Ends?\s*[-–—－]|Ends\.?\s*$)", re.I)
_ISSUED = re.compile(r"^\s*Issued at HKT", re.I)
_END_ZH = re.compile(r"^\s*[（(]?完[）)]?\s*$")
_DATE_ZH = re.compile(
    r"^\s*(?:\d{4}|[○〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月"
    r"[\d一二三四五六七八九十]{1,3}日\s*(?:[（(]星期.[）)])?\s*$"
)
_TIME_ZH = re.compile(r"^\s*香港[時时][間间]")
_ITEM_EN = re.compile(
    r"^\s*(?:\(([0-9]{1,2}|[a-z]|[ivx]{1,4})\)|([0-9]{1,2})\.(?=\s))\s*"
)
_ITEM_ZH = re.compile(
    r"^\s*(?:[（(]([一二三四五六七八九十]{1,3}|[0-9]{1,2}|[a-z]|[ivx]{1,4})[）)]"
    r"|([一二三四五六七八九十]{1,3})、)\s*"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7}
_ROMAN |= {"viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12}
_DIGITS = "一二三四五六七八九"
#: A Chinese share in tenths: 四成 is 40 per cent (not 四成員, 三成為).
_TENTHS = re.compile(r"成(?![員员為为立功本績绩])")


@dataclass(frozen=True)
class Anchors:
    """The anchors of one sentence, each a hashable value with a count."""

    values: Counter = field(default_factory=Counter)
    #: "ends", "date", "issued", "nnnn", "caption" ("(with photos)"), "photo"
    #: (a photo's caption: "Photo shows …", "圖示…"), or ""
    closing: str = ""
    #: the values a translation cannot leave out (firm numbers, list items)
    firm: Counter = field(default_factory=Counter)

    def __bool__(self) -> bool:
        return bool(self.values) or bool(self.closing)


def closing_kind(text: str, side: str) -> str:
    """Which closing line ``text`` is, if any (``side`` is "en" or "zh")."""
    if side == "en":
        if _NNNN.match(text):
            return "nnnn"
        if _CAPTION.match(text):
            return "caption"
        if _PHOTO_EN.match(text):
            return "photo"
        if _ENDS.match(text):
            return "ends"
        if _ISSUED.match(text):
            return "issued"
        return ""
    if _END_ZH.match(text):
        return "ends"
    if _PHOTO_ZH.match(text):
        return "photo"
    if _DATE_ZH.match(text):
        return "date"
    if _TIME_ZH.match(text):
        return "issued"
    return ""


def anchors_of(
    text: str,
    side: str,
    *,
    language: str,
    latin: frozenset[str] = frozenset(),
    terms: TermFinder | None = None,
) -> Anchors:
    """The anchors of one sentence on ``side`` ("en" or "zh").

    ``latin`` is the set of Latin words of the other side's text (for the
    English side: the Latin words found in the Chinese text), so that only
    words both sides show count.
    """
    values: Counter = Counter()
    firm: Counter = Counter()
    item = list_item(text, side)
    if item is not None:
        values[("item", item)] += 1
        firm[("item", item)] += 1
        text = (_ITEM_EN if side == "en" else _ITEM_ZH).sub("", text, count=1)
    for number in numbers_in(text):
        # a soft number (a lone 一, "one") only when it cannot be an article
        if not number.soft or number.value >= 3:
            # 19 per cent and 百分之十九 are the same value, whatever the kind
            kind = number.kind if number.kind in ("time", "weekday") else "number"
            value = number.value
            end = number.start + len(number.surface)
            if side == "zh" and kind == "number" and _TENTHS.match(text, end):
                if value <= 10:
                    value *= 10
            key = ("n", kind, value)
            values[key] += 1
            if kind != "number" or (not number.soft and value >= 3):
                firm[key] += 1
    words = _LATIN.findall(text)
    for word in words:
        if word in latin and (len(word) > 1 or word.isupper()):
            values[("w", word)] += 1
    if terms is not None:
        for concept in terms(text, language):
            values[("t", concept)] += 1
    return Anchors(values, closing_kind(text, side), firm)


def list_item(text: str, side: str) -> int | None:
    """The number of the list item ``text`` opens, if it opens one."""
    found = (_ITEM_EN if side == "en" else _ITEM_ZH).match(text)
    if found is None:
        return None
    mark = found[1] or found[2]
    if mark.isdigit():
        return int(mark)
    if mark in _ROMAN:
        return _ROMAN[mark]
    if len(mark) == 1 and mark.isascii():
        return ord(mark) - ord("a") + 1
    return _chinese_count(mark)


def _chinese_count(numeral: str) -> int:
    """一 to 九十九 as a number."""
    if "十" not in numeral:
        return _DIGITS.index(numeral[-1]) + 1
    tens, _, units = numeral.partition("十")
    return (_DIGITS.index(tens) + 1 if tens else 1) * 10 + (
        _DIGITS.index(units) + 1 if units else 0
    )


def latin_words(texts: Sequence[str]) -> frozenset[str]:
    """Every Latin word of the texts (for the Chinese side of a document)."""
    return frozenset(word for text in texts for word in _LATIN.findall(text))
