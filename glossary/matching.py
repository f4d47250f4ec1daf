"""Term recognition: find approved glossary terms in running text.

An Aho-Corasick automaton (ahocorasick-rs) over folded term forms
(``glossary.folding``) is built once per process and rebuilt only when the
glossary's stamp moves, so every worker notices a change. Rules:

1. Only approved terms are matched; a term matches text in its own language
   family (``zh-Hant`` and ``zh-Hans`` terms both match any Chinese text).
2. Case, width, apostrophes, hyphen / space / no space and Simplified /
   Traditional are folded; a case-sensitive term must also match with its
   own capitalisation.
3. Terms written with Latin letters or digits at an edge need a word
   boundary there (no "Authority" inside "Authorityship"); Chinese terms
   match anywhere in running text.
4. Leftmost-longest wins and matches never overlap.
5. Offsets (``start``, ``end``) refer to the original text.
"""

from dataclasses import dataclass
from threading import Lock

import ahocorasick_rs

from glossary.folding import fold, fold_term
from glossary.models import Term
from glossary.stamps import glossary_stamp


@dataclass(frozen=True)
class TermEntry:
    term_id: int
    concept_id: int
    language: str
    text: str
    case_sensitive: bool
    usage: str = "preferred"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    concept_id: int
    entries: tuple[TermEntry, ...]


def family(language: str) -> str:
    """Return the primary language subtag (``zh-Hant`` -> ``zh``)."""
    return language.split("-")[0].lower()


def _is_word_char(char: str) -> bool:
    return char.isalnum() and not _is_cjk(char)


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


class TermMatcher:
    """An automaton over a fixed set of term entries."""

    def __init__(self, entries: list[TermEntry]):
        keys: dict[str, list[TermEntry]] = {}
        #: Every entry of a concept, so the checks need no query for them.
        self.by_concept: dict[int, list[TermEntry]] = {}
        for entry in entries:
            self.by_concept.setdefault(entry.concept_id, []).append(entry)
            key = fold_term(entry.text)
            if key:
                keys.setdefault(key, []).append(entry)
        self.groups = [tuple(group) for group in keys.values()]
        self.size = len(keys)
        self.automaton = (
            ahocorasick_rs.AhoCorasick(
                list(keys), matchkind=ahocorasick_rs.MatchKind.Standard
            )
            if keys
            else None
        )

    def find(self, text: str, language: str) -> list[Match]:
        """Return the non-overlapping, leftmost-longest term matches in text."""
        if not self.size or not text:
            return []
        folded, index = fold(text)
        wanted = family(language)
        candidates = []
        found = self.automaton.find_matches_as_indexes(folded, overlapping=True)
        for pattern, start, end in found:
            group = self.groups[pattern]
            start_o = index[start]
            end_o = index[end - 1] + 1
            entries = tuple(
                e
                for e in group
                if family(e.language) == wanted and self._fits(e, text, start_o, end_o)
            )
            if entries:
                candidates.append((start_o, -(end_o - start_o), end_o, entries))
        candidates.sort(key=lambda c: (c[0], c[1]))
        out: list[Match] = []
        taken_until = -1
        for start_o, _neg, end_o, entries in candidates:
            if start_o < taken_until:
                continue
            out.append(
                Match(
                    start_o, end_o, text[start_o:end_o], entries[0].concept_id, entries
                )
            )
            taken_until = end_o
        return out

    @staticmethod
    def _fits(entry: TermEntry, text: str, start: int, end: int) -> bool:
        term = entry.text.strip()
        if _is_word_char(term[0]) and start > 0 and _is_word_char(text[start - 1]):
            return False
        if _is_word_char(term[-1]) and end < len(text) and _is_word_char(text[end]):
            return False
        if entry.case_sensitive:
            return fold(text[start:end], keep_case=True)[0] == fold_term(
                term, keep_case=True
            )
        return True


_cache: dict[str, object] = {"stamp": None, "matcher": None}
_lock = Lock()


def current_matcher() -> TermMatcher:
    """Return the matcher for the approved glossary, rebuilt if it changed."""
    stamp = glossary_stamp()
    if _cache["stamp"] != stamp or _cache["matcher"] is None:
        with _lock:
            if _cache["stamp"] != stamp or _cache["matcher"] is None:
                _cache["matcher"] = TermMatcher(load_entries())
                _cache["stamp"] = stamp
    return _cache["matcher"]  # type: ignore[return-value]


def load_entries() -> list[TermEntry]:
    """Read every approved term from the database."""
    return [
        TermEntry(*row)
        for row in Term.objects.approved()
        .values_list("pk", "concept_id", "language", "text", "case_sensitive", "usage")
        .iterator(chunk_size=5000)
    ]


def find_terms(text: str, language: str) -> list[Match]:
    """Return the approved glossary terms found in text (``language`` its code)."""
    return current_matcher().find(text, language)
