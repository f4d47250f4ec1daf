"""Quality checks on one translated sentence.

Each check returns ``Finding`` objects naming the check and saying, in the
user's language, what is wrong. Checks here need no database: an empty
translation, a source copied unchanged, numbers that differ, unbalanced
brackets or quotes, inline codes missing, extra or turned inside out, and
the script check (Simplified characters in a zh-Hant translation,
Traditional ones in zh-Hans). The glossary check lives in
``glossary.qa``; ``check_translation`` runs them all.
"""

from functools import lru_cache

from django.utils.translation import gettext_noop

from conversion.engine import opencc_converter
from core.inline import CLOSING, OPENING, code_problems, token
from core.numbers import numbers_in, unmatched
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
            gettext_noop(
                "Simplified characters in a Traditional Chinese translation: %(chars)s"
            ),
        )
    elif language == "zh-Hans":
        wrong, message = (
            traditional_only(),
            gettext_noop(
                "Traditional characters in a Simplified Chinese translation: %(chars)s"
            ),
        )
    else:
        return []
    found = [(i, c) for i, c in enumerate(text) if c in wrong]
    if not found:
        return []
    names = "、".join(dict.fromkeys(c for _i, c in found))
    return [Finding("script", message, {"chars": names}, found[0][0], found[-1][0] + 1)]


def _blank(text: str) -> bool:
    return not (text or "").replace("\u200b", "").replace("\ufeff", "").strip()


def check_empty(source: str, target: str) -> list[Finding]:
    """Flag a blank translation of a sentence that has text."""
    if _blank(target) and not _blank(source):
        return [Finding("empty", gettext_noop("The translation is empty."))]
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
            gettext_noop("The translation is the same as the source text."),
            {},
            0,
            len(target),
        )
    ]


def check_numbers(source: str, target: str) -> list[Finding]:
    """Flag a translation whose numbers are not those of the source.

    Compared as multisets of values read by ``core.numbers.numbers_in``:
    1,234 = 1234 = １２３４, 14.90 = 14.9, 6th = 6, 15% = 百分之十五, 1.2
    billion = 12億 = 十二億, 三月二十五日 = March 25, 二○二五年 = 2025,
    下午二時三十分 = 2.30pm = 14:30, 星期五 = Friday, 第二次 = second. A lone
    Chinese numeral (三名, 一些) or an English number word (three) may stand
    for a number but is never reported itself. Decimal commas (14,92) of
    other languages are not read.
    """
    source_numbers, target_numbers = numbers_in(source), numbers_in(target)
    lost = [(n.surface, n.start) for n in unmatched(source_numbers, target_numbers)]
    extra = [(n.surface, n.start) for n in unmatched(target_numbers, source_numbers)]
    if not lost and not extra:
        return []
    names = {
        "missing": ", ".join(s for s, _p in lost),
        "extra": ", ".join(s for s, _p in extra),
    }
    if lost and extra:
        message = gettext_noop("Numbers differ: missing %(missing)s; extra %(extra)s")
    elif lost:
        message = gettext_noop("Numbers differ: missing %(missing)s")
        del names["extra"]
    else:
        message = gettext_noop("Numbers differ: extra %(extra)s")
        del names["missing"]
    start = extra[0][1] if extra else -1
    end = start + len(extra[0][0]) if extra else -1
    return [Finding("numbers", message, names, start, end)]


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
            message = gettext_noop("Opening %(mark)s without a closing %(other)s.")
        elif direction == "close":
            message = gettext_noop("Closing %(mark)s without an opening %(other)s.")
        else:
            message = gettext_noop("Odd number of straight quotation marks %(mark)s.")
        other = _PAIRS.get(mark) or _OPENERS.get(mark) or mark
        values = (
            {"mark": mark, "other": other} if direction != "odd" else {"mark": mark}
        )
        findings[mark, direction] = Finding("brackets", message, values, i, i + 1)
    return list(findings.values())


def check_codes(source: str, target: str) -> list[Finding]:
    """Flag inline codes missing from the translation, extra, or inside out.

    The codes may move, as words do; each of the source's must be there once,
    none other, and a pair must open before it closes.
    """
    problems = code_problems(source, target)
    findings = []
    for kind, message in (
        (
            "missing",
            gettext_noop("Codes of the source missing from the translation: %(codes)s"),
        ),
        (
            "extra",
            gettext_noop(
                "Codes in the translation that the source does not have: %(codes)s"
            ),
        ),
        ("misordered", gettext_noop("Codes that close before they open: %(codes)s")),
    ):
        found = problems[kind]
        if kind == "misordered":
            found = [c for n, _k in found for c in ((n, OPENING), (n, CLOSING))]
        if found:
            tokens = " ".join(token(number, code) for number, code in found)
            findings.append(Finding("codes", message, {"codes": tokens}))
    return findings


def check_translation(
    *,
    source: str,
    source_language: str,
    target: str,
    target_language: str,
    with_glossary: bool = True,
    matcher=None,
) -> list[Finding]:
    """Run every check on one sentence and its translation.

    Findings come in a fixed order of checks (empty, unchanged, numbers,
    brackets, codes, script, glossary), each check's own in text order. An empty
    translation is reported alone; a blank pair gives no findings.
    ``matcher`` is the glossary's, for a caller checking many sentences.
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
            matcher=matcher,
        )
    return findings
