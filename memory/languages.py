"""The language and the variant the memory files each side of a pair under."""

import functools

from core.languages import normalise as normalise_language
from core.languages import variant

__all__ = ["memory_language", "memory_variant"]


@functools.lru_cache(maxsize=512)
def memory_language(code: str) -> str:
    """The language code the memory files text under, for lookups.

    Chinese keeps its script (``zh-Hant``, ``zh-Hans``); other languages
    keep their primary subtag only, so ``en-US`` and ``en-GB`` sentences
    serve an ``en`` document (an entry keeps its variant beside it, and
    lookups prefer the one asked for). Raises ``UnknownLanguage``, and
    ``ScriptNotNamed`` for a bare ``zh``: only its text can tell its script.
    """
    code = normalise_language(code)
    return code if code.startswith("zh-") else code.split("-")[0]


@functools.lru_cache(maxsize=512)
def memory_variant(code: str, *, bare_chinese: bool = False) -> str:
    """The tag an entry keeps for a side: ``code`` in canonical case, whole.

    Raises ``UnknownLanguage``, and ``ScriptNotNamed`` for a bare ``zh``
    unless ``bare_chinese`` (a file's, whose text tells its script).
    """
    tag = variant(code)
    if not bare_chinese:
        memory_language(tag)
    return tag
