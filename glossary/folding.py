"""Fold text for term matching, keeping a map back to the original offsets.

Folding makes these spellings equal (``docs/architecture.md``, "Glossary
matching"):

- full- and half-width forms and other compatibility characters (NFKC);
- upper and lower case (``casefold``), unless the caller asks to keep case;
- straight and curly apostrophes (``'``, ``’``, ``‘``, ``ʼ``, ``＇``);
- hyphen, space and no space: hyphens, dashes and whitespace (line breaks
  included) are dropped, so "Co-operation Zone", "Cooperation Zone" and
  "Co-operation\\nZone" fold to the same letters;
- Traditional and Simplified Chinese: every Traditional (and Hong Kong or
  Taiwan variant) character becomes its Simplified form, one character for
  one, from OpenCC's own character tables.
"""

import unicodedata
from functools import lru_cache

APOSTROPHES = "'’‘ʼ′`´＇"
DROPPED = set("-‐‑‒–—―﹘﹣－_") | {chr(c) for c in range(0x2000, 0x200C)}
CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@lru_cache(maxsize=1)
def script_table() -> dict[int, str]:
    """Return Traditional -> Simplified for every single CJK character.

    Built once per process from OpenCC (t2s, then the Hong Kong and Taiwan
    variant tables); about 0.2 s.
    """
    import opencc

    converters = [opencc.OpenCC(name) for name in ("t2s", "hk2s", "tw2s")]
    table = {}
    for low, high in CJK_RANGES:
        for code in range(low, high):
            char = chr(code)
            for converter in converters:
                folded = converter.convert(char)
                if folded != char and len(folded) == 1:
                    table[code] = folded
                    break
    return table


@lru_cache(maxsize=65536)
def _fold_char(char: str, keep_case: bool) -> str:
    if char in APOSTROPHES:
        return "'"
    if char.isspace() or char in DROPPED:
        return ""
    folded = unicodedata.normalize("NFKC", char)
    if not keep_case:
        folded = folded.casefold()
    out = []
    table = script_table()
    for part in folded:
        if part.isspace() or part in DROPPED:
            continue
        out.append("'" if part in APOSTROPHES else table.get(ord(part), part))
    return "".join(out)


def fold(text: str, *, keep_case: bool = False) -> tuple[str, list[int]]:
    """Return the folded text and, for each folded character, its source index."""
    chars: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        if char.isascii() and char.isalnum():
            chars.append(char if keep_case else char.lower())
            index.append(position)
            continue
        folded = _fold_char(char, keep_case)
        for part in folded:
            chars.append(part)
            index.append(position)
    return "".join(chars), index


def fold_term(text: str, *, keep_case: bool = False) -> str:
    """Return the folded form of a term, as stored in the automaton."""
    return fold(text, keep_case=keep_case)[0]
