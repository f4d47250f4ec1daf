"""Quality checks on one translated sentence.

Each check returns ``Finding`` objects naming the check and saying, in the
user's language, what is wrong. Checks here need no database: an empty
translation, a source copied unchanged, numbers that differ, unbalanced
brackets or quotes, inline codes missing, extra or turned inside out, and
the script check (Simplified characters in a zh-Hant translation,
Traditional ones in zh-Hans). The glossary check lives in
``glossary.qa``; ``check_translation`` runs them all.
"""

import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache

from django.utils.translation import gettext as _

from conversion.engine import opencc_converter
from core.inline import CLOSING, OPENING, code_problems, token
from core.qa import Finding
from glossary.qa import check_terms


@lru_cache(maxsize=1)
def simplified_only() -> frozenset[str]:
    """Characters written only in Simplified Chinese (CC-CEDICT, via zhon).

    Kept only where OpenCC's Hong Kong conversion changes the character, so
    that forms Hong Kong also writes (着) are not flagged.
    """
    from zhon import cedict

    hk = opencc_converter("s2hk")
    chars = set(cedict.simplified) - set(cedict.traditional)
    return frozenset(c for c in chars if hk.convert(c) != c)


@lru_cache(maxsize=1)
def traditional_only() -> frozenset[str]:
    """Characters written only in Traditional Chinese that t2s would change."""
    from zhon import cedict

    t2s = opencc_converter("t2s")
    chars = set(cedict.traditional) - set(cedict.simplified)
    return frozenset(c for c in chars if t2s.convert(c) != c)


def check_script(text: str, language: str) -> list[Finding]:
    """Flag characters of the other Chinese script, naming them."""
    if language == "zh-Hant":
        wrong, message = (
            simplified_only(),
            _("Simplified characters in a Traditional Chinese translation: %(chars)s"),
        )
    elif language == "zh-Hans":
        wrong, message = (
            traditional_only(),
            _("Traditional characters in a Simplified Chinese translation: %(chars)s"),
        )
    else:
        return []
    found = [(i, c) for i, c in enumerate(text) if c in wrong]
    if not found:
        return []
    names = "、".join(dict.fromkeys(c for _i, c in found))
    return [
        Finding("script", message % {"chars": names}, found[0][0], found[-1][0] + 1)
    ]


def _blank(text: str) -> bool:
    return not (text or "").replace("\u200b", "").replace("\ufeff", "").strip()


def check_empty(source: str, target: str) -> list[Finding]:
    """Flag a blank translation of a sentence that has text."""
    if _blank(target) and not _blank(source):
        return [Finding("empty", _("The translation is empty."))]
    return []


def check_unchanged(
    source: str, target: str, source_language: str, target_language: str
) -> list[Finding]:
    """Flag a translation into another language that is a copy of the source.

    Languages count as different when their primary subtags differ, so a
    zh-Hans/zh-Hant pair (often identical) is not flagged. A sentence of
    digits and punctuation only ("2024.", "(1)") may stay as it is; one with
    any letter or CJK character is flagged, proper nouns ("Xinhua") included,
    since a name usually has a rendering in the other language.
    """
    if source_language.split("-")[0].lower() == target_language.split("-")[0].lower():
        return []
    if " ".join(source.split()) != " ".join(target.split()) or _blank(target):
        return []
    if not any(c.isalpha() for c in target):
        return []
    return [
        Finding(
            "unchanged",
            _("The translation is the same as the source text."),
            0,
            len(target),
        )
    ]


#: Full-width digits and the full-width full stop, mapped one character to one
#: so positions in the mapped text are positions in the original.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_MONTHS = (
    "January February March April May June July August September October "
    "November December"
).split()
_MONTH_NUMBER = {m: i for i, m in enumerate(_MONTHS, 1)} | {
    m[:3]: i for i, m in enumerate(_MONTHS, 1)
}
_MONTH_NUMBER["Sept"] = 9
#: Scale words after a number: "1.2 billion" and "12億" are both 1200000000.
_SCALES = {"thousand": 3, "million": 6, "billion": 9, "bn": 9, "trillion": 12}
_SCALES |= {"萬億": 12, "万亿": 12, "千億": 11, "千亿": 11, "百億": 10, "百亿": 10}
_SCALES |= {"億": 8, "亿": 8, "千萬": 7, "千万": 7, "百萬": 6, "百万": 6}
_SCALES |= {"萬": 4, "万": 4}
_NUMBER = re.compile(
    # The exponent of km2, m3: not a number of the sentence.
    r"(?<=m)[23](?![0-9])"
    # A time 3.30pm is hour 3, minute 30 (下午3時30分), not 3.3.
    r"|(?P<hour>[0-9]{1,2})\.(?P<minute>[0-5][0-9])(?=\s?[aApP]\.?[mM](?![a-z]))"
    r"|(?P<number>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
    r"(?:\s?(?P<scale>(?i:thousand|million|billion|trillion|bn)(?![a-z])"
    r"|萬億|万亿|[千百][億亿萬万]|[億亿萬万]))?"
    r"|\b(?P<month>" + "|".join(_MONTHS) + r")\b"
    r"|\b(?P<abbr>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\.?\s?[0-9])"
)


def _numbers(text: str) -> list[tuple[Decimal, str, int]]:
    """Return (value, surface text, position) for each number in ``text``."""
    mapped = text.translate(_FULL_WIDTH)
    found = []
    for m in _NUMBER.finditer(mapped):
        if m["hour"]:
            found.append((Decimal(m["hour"]), m["hour"], m.start()))
            found.append((Decimal(m["minute"]), m["minute"], m.start("minute")))
        elif m["number"]:
            digits = mapped[m.start() : m.start("scale")] if m["scale"] else m[0]
            value = Decimal(digits.strip().replace(",", ""))
            if m["scale"]:
                value = value.scaleb(_SCALES[m["scale"].lower()])
            found.append((value.normalize(), text[m.start() : m.end()], m.start()))
        elif m["month"] or m["abbr"]:
            name = m["month"] or m["abbr"]
            # "May" opening a sentence is usually the verb ("May I ...").
            dated = mapped[m.end() :].lstrip()[:1].isdigit()
            if name == "May" and not mapped[: m.start()].strip() and not dated:
                continue
            found.append((Decimal(_MONTH_NUMBER[name]), name, m.start()))
    return found


def check_numbers(source: str, target: str) -> list[Finding]:
    """Flag a translation whose numbers are not those of the source.

    Compared as multisets of values: 1,234 = 1234 = １２３４, 14.90 = 14.9,
    6th = 6, 15% = 15 per cent = 百分之15, 3.30pm = 3時30分, 1.2 billion =
    12億, and an English month name counts as its number (February 6 =
    2月6日). Chinese numerals (十四, 三名) and English number words (six) are
    not read, nor decimal commas (14,92) of other languages.
    """
    source_numbers, target_numbers = _numbers(source), _numbers(target)
    missing = Counter(v for v, _s, _p in source_numbers)
    missing.subtract(v for v, _s, _p in target_numbers)
    if not any(missing.values()):
        return []

    def named(numbers, wanted) -> list[tuple[str, int]]:
        out = []
        for value, surface, position in numbers:
            if wanted[value] > 0:
                wanted[value] -= 1
                out.append((surface, position))
        return out

    lost = named(source_numbers, +missing)
    extra = named(target_numbers, -missing)
    names = {
        "missing": ", ".join(s for s, _p in lost),
        "extra": ", ".join(s for s, _p in extra),
    }
    if lost and extra:
        message = _("Numbers differ: missing %(missing)s; extra %(extra)s")
    elif lost:
        message = _("Numbers differ: missing %(missing)s")
    else:
        message = _("Numbers differ: extra %(extra)s")
    start = extra[0][1] if extra else -1
    end = start + len(extra[0][0]) if extra else -1
    return [Finding("numbers", message % names, start, end)]


_PAIRS = dict(zip("([{（［｛「『《〈【〔“‘", ")]}）］｝」』》〉】〕”’", strict=True))
_OPENERS = {close: open_ for open_, close in _PAIRS.items()}
_QUOTES = set('“”‘’「」『』"')


def _bracket_problems(text: str) -> list[tuple[int, str, str]]:
    """Return (position, mark, "open" | "close" | "odd") for each unmatched mark.

    Marks are matched per pair, ignoring how pairs nest. ’ is an apostrophe
    (Hong Kong’s, citizens’) unless it can close an open ‘; straight double
    quotes only need to be even in number.
    """
    opened: dict[str, list[int]] = {o: [] for o in _PAIRS}
    problems = []
    for i, c in enumerate(text):
        if c in _PAIRS:
            opened[c].append(i)
        elif c in _OPENERS:
            stack = opened[_OPENERS[c]]
            inside_word = text[i - 1 : i].isalnum() and text[i + 1 : i + 2].isalpha()
            if c == "’" and (not stack or inside_word):
                continue
            if stack:
                stack.pop()
            else:
                problems.append((i, c, "close"))
    for mark, positions in opened.items():
        problems.extend((i, mark, "open") for i in positions)
    straight = [i for i, c in enumerate(text) if c == '"']
    if len(straight) % 2:
        problems.append((straight[-1], '"', "odd"))
    return sorted(problems)


def _kinds(mark: str, direction: str) -> set[tuple[bool, str]]:
    directions = ("open", "close") if direction == "odd" else (direction,)
    return {(mark in _QUOTES, d) for d in directions}


def check_brackets(target: str, source: str | None = None) -> list[Finding]:
    """Flag unbalanced brackets and quotation marks in the translation.

    One finding per mark and direction, at its first unmatched occurrence.
    Given the ``source``, an imbalance the source shares is not flagged: a
    quotation running over several sentences opens in one and closes in
    another (He said: "We will ... → 他說：「我們會……).
    """
    tolerated: set[tuple[bool, str]] = set()
    for _i, mark, direction in _bracket_problems(source or ""):
        tolerated |= _kinds(mark, direction)
    findings: dict[tuple[str, str], Finding] = {}
    for i, mark, direction in _bracket_problems(target):
        if _kinds(mark, direction) & tolerated or (mark, direction) in findings:
            continue
        if direction == "open":
            message = _("Opening %(mark)s without a closing %(other)s.")
        elif direction == "close":
            message = _("Closing %(mark)s without an opening %(other)s.")
        else:
            message = _("Odd number of straight quotation marks %(mark)s.")
        other = _PAIRS.get(mark) or _OPENERS.get(mark) or mark
        findings[mark, direction] = Finding(
            "brackets", message % {"mark": mark, "other": other}, i, i + 1
        )
    return list(findings.values())


def check_codes(source: str, target: str) -> list[Finding]:
    """Flag inline codes missing from the translation, extra, or inside out.

    The codes may move, as words do; each of the source's must be there once,
    none other, and a pair must open before it closes.
    """
    problems = code_problems(source, target)
    findings = []
    for kind, message in (
        ("missing", _("Codes of the source missing from the translation: %(codes)s")),
        (
            "extra",
            _("Codes in the translation that the source does not have: %(codes)s"),
        ),
        ("misordered", _("Codes that close before they open: %(codes)s")),
    ):
        found = problems[kind]
        if kind == "misordered":
            found = [c for n, _k in found for c in ((n, OPENING), (n, CLOSING))]
        if found:
            tokens = " ".join(token(number, code) for number, code in found)
            findings.append(Finding("codes", message % {"codes": tokens}))
    return findings


def check_translation(
    *,
    source: str,
    source_language: str,
    target: str,
    target_language: str,
    with_glossary: bool = True,
) -> list[Finding]:
    """Run every check on one sentence and its translation.

    Findings come in a fixed order of checks (empty, unchanged, numbers,
    brackets, codes, script, glossary), each check's own in text order. An empty
    translation is reported alone; a blank pair gives no findings.
    """
    empty = check_empty(source, target)
    if empty or _blank(target):
        return empty
    findings = [
        *check_unchanged(source, target, source_language, target_language),
        *check_numbers(source, target),
        *check_brackets(target, source),
        *check_codes(source, target),
        *check_script(target, target_language),
    ]
    if with_glossary:
        findings += check_terms(
            source=source,
            source_language=source_language,
            target=target,
            target_language=target_language,
        )
    return findings
