"""Stable sentence keys: the PO msgctxt, XLIFF unit id and TMX prop."""

import hashlib
import re
import unicodedata

from core.inline import plain

_SPACE = re.compile(r"\s+")


def normalise_source(text: str) -> str:
    """Return text in NFC with runs of whitespace folded to one space.

    Inline codes are left out, so a sentence keeps its key when only its
    markup changes (or a code before it in the paragraph renumbers its own).
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFC", plain(text))).strip()


def sentence_keys(sources: list[str]) -> list[str]:
    """Return one key per sentence: a content hash, numbered on repeats.

    The key depends only on the sentence and how many identical sentences
    came before it in the document, so an unchanged sentence keeps its key
    when a new version is imported.
    """
    seen: dict[str, int] = {}
    keys = []
    for source in sources:
        digest = hashlib.sha1(normalise_source(source).encode("utf-8")).hexdigest()
        base = digest[:12]
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else "%s.%d" % (base, seen[base]))
    return keys
