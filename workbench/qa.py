"""Quality checks on one translated sentence.

Each check returns ``Finding`` objects naming the check and saying, in the
user's language, what is wrong. Checks here: the script check (Simplified
characters in a zh-Hant translation, Traditional ones in zh-Hans). The
glossary check lives in ``glossary.qa``.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Finding:
    check: str
    message: str
    start: int = -1
    end: int = -1


@lru_cache(maxsize=1)
def simplified_only() -> frozenset[str]:
    """Characters written only in Simplified Chinese (CC-CEDICT, via zhon).

    Kept only where OpenCC's Hong Kong conversion changes the character, so
    that forms Hong Kong also writes (着) are not flagged.
    """
    from zhon import cedict

    from workbench.conversion import opencc_converter

    hk = opencc_converter("s2hk")
    chars = set(cedict.simplified) - set(cedict.traditional)
    return frozenset(c for c in chars if hk.convert(c) != c)


@lru_cache(maxsize=1)
def traditional_only() -> frozenset[str]:
    """Characters written only in Traditional Chinese that t2s would change."""
    from zhon import cedict

    from workbench.conversion import opencc_converter

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
