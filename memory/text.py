"""The forms of a sentence the translation memory stores, indexes and compares.

Pure functions, no database:

- ``normalise`` drops inline codes (``core.inline.plain``: a sentence that
  differs from another only in markup is the same sentence to the memory)
  and collapses whitespace (and applies NFKC, so full-width digits and
  letters read as their ASCII forms). Two sources with the same normalised
  form are a 100 % match.
- ``text_key`` is a stable 63-bit digest of a language and a normalised text,
  for exact lookups by B-tree; ``pair_key`` does the same for a pair of
  texts in either order, and finds duplicates.
- ``index_terms`` are the words the candidate index holds: lower-cased words
  and numbers, and for Chinese (written without spaces) the overlapping
  character pairs, the way the CJK analysers of Lucene and Elasticsearch
  index it. They are plain ASCII or CJK word characters, so SQLite FTS5's
  ``unicode61`` tokenizer takes them as they are, and PostgreSQL stores their
  ``hashtext`` in an ``int4[]``, in any database locale (``pg_trgm`` ignores
  CJK under a C locale; this does not).
"""

import hashlib
import re
import unicodedata

from core.inline import plain

__all__ = ["index_terms", "normalise", "pair_key", "text_key"]

_CJK = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff\U00030000-\U0003134f"
)
_TOKEN = re.compile("[%s]+|[^\\W_%s]+" % (_CJK, _CJK))
_CJK_RUN = re.compile("[%s]" % _CJK)
_WORD = re.compile("[^\\W_]+")


def normalise(text: str) -> str:
    """Return ``text`` without inline codes, runs of whitespace made one space,
    ends trimmed."""
    return " ".join(unicodedata.normalize("NFKC", plain(text)).split())


def text_key(language: str, normalised: str) -> int:
    """A signed 63-bit digest of a language and a normalised text."""
    digest = hashlib.blake2b(
        ("%s\0%s" % (language, normalised)).encode("utf-8", "surrogatepass"),
        digest_size=8,
    ).digest()
    return int.from_bytes(digest, "big") >> 1


def pair_key(first: int, second: int) -> int:
    """The key of a pair of text keys, the same in either order."""
    low, high = sorted((first, second))
    digest = hashlib.blake2b(
        low.to_bytes(8, "big") + high.to_bytes(8, "big"), digest_size=8
    ).digest()
    return int.from_bytes(digest, "big") >> 1


def index_terms(text: str) -> list[str]:
    """The distinct index terms of ``text``: words and pairs of words.

    Latin words and numbers come lower-cased, and each adjacent pair joined
    by ``_`` (``secretary_for``); Chinese comes as overlapping character
    pairs, which already hold the order of its characters. The word pairs
    are what tell apart two sentences made of
    the same common words: in a memory of templates, "the" and "Secretary"
    are everywhere, "the_Secretary" less so, and "Secretary_Hong" in one
    sentence.
    """
    lowered = text.lower()
    if not _CJK_RUN.search(lowered):
        words = _WORD.findall(lowered)
        terms = words + list(map("_".join, zip(words, words[1:], strict=False)))
        return list(dict.fromkeys(terms))
    words = []
    terms = []
    for token in _TOKEN.findall(lowered):
        if _CJK_RUN.match(token):
            if len(token) < 3:
                terms.append(token)
            else:
                terms.extend(token[i : i + 2] for i in range(len(token) - 1))
        else:
            words.append(token)
    terms.extend(words)
    terms.extend(map("_".join, zip(words, words[1:], strict=False)))
    return list(dict.fromkeys(terms))
