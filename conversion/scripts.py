"""Tell Traditional from Simplified Chinese text by the characters it uses.

A character counts as Traditional when OpenCC folds it to another character
(``glossary.folding.script_table``: t2s and the Hong Kong and Taiwan
variant tables), and as Simplified when it is what such a Traditional
character folds to, is in GB 2312 and is not in Big5 (后, 台, 里, 干 are
Simplified forms but also ordinary Traditional characters, and Big5 holds
them, so they prove nothing). Most Chinese characters are the same in both
scripts and are not counted.

A few characters are counted on the wrong side by such tables (著 in
Simplified text, 税 in Hong Kong text), so the verdict is a clear majority
of enough counted characters, or ``None``.
"""

from dataclasses import dataclass
from functools import lru_cache

from glossary.folding import script_table

HANT = "zh-Hant"
HANS = "zh-Hans"
MIN_EVIDENCE = 2  # counted characters before a verdict
MAJORITY = 0.8  # the share of them one script must hold


@dataclass(frozen=True)
class ScriptCount:
    """How many characters of a text exist only in one script."""

    traditional: int
    simplified: int


def _encodes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=1)
def _script_characters() -> tuple[frozenset[str], frozenset[str]]:
    """Return (Traditional-only, Simplified-only) characters, built once."""
    table = script_table()
    traditional = frozenset(chr(code) for code in table)
    simplified = frozenset(
        char
        for char in set(table.values())
        if ord(char) not in table
        and _encodes(char, "gb2312")
        and not _encodes(char, "big5")
    )
    return traditional, simplified


def count_scripts(text: str) -> ScriptCount:
    """Count the characters of ``text`` that exist only in one script."""
    traditional, simplified = _script_characters()
    return ScriptCount(
        traditional=sum(1 for char in text if char in traditional),
        simplified=sum(1 for char in text if char in simplified),
    )


def script_of(count: ScriptCount, *, min_evidence: int = MIN_EVIDENCE) -> str | None:
    """Return the script a count shows, or ``None`` when it shows neither."""
    total = count.traditional + count.simplified
    if total < max(min_evidence, 1):
        return None
    if count.traditional >= MAJORITY * total:
        return HANT
    if count.simplified >= MAJORITY * total:
        return HANS
    return None


def chinese_script(text: str, *, min_evidence: int = MIN_EVIDENCE) -> str | None:
    """Return "zh-Hant" or "zh-Hans" for the script ``text`` is written in.

    ``None`` when the text has too few characters that differ between the
    scripts (fewer than ``min_evidence``: "保存", Latin text) or mixes them
    with no clear majority.
    """
    return script_of(count_scripts(text), min_evidence=min_evidence)
