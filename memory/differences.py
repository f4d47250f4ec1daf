"""The numbers, dates and glossary terms a match's source lacks or adds."""

import re
from collections import Counter

from glossary.matching import find_terms
from memory.matches import Difference

__all__ = ["differences_between"]

_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)


def differences_between(query: str, source: str, language: str) -> list[Difference]:
    """The numbers, dates and glossary terms one text has and the other lacks."""
    found = []
    for kind, pattern in (("number", _NUMBER), ("date", _MONTH)):
        ours = Counter(pattern.findall(query))
        theirs = Counter(pattern.findall(source))
        if ours != theirs:
            found.append(
                Difference(
                    kind,
                    tuple((ours - theirs).elements()),
                    tuple((theirs - ours).elements()),
                )
            )
    ours = {m.concept_id: m.text for m in find_terms(query, language)}
    theirs = {m.concept_id: m.text for m in find_terms(source, language)}
    if ours.keys() != theirs.keys():
        found.append(
            Difference(
                "term",
                tuple(ours[c] for c in ours.keys() - theirs.keys()),
                tuple(theirs[c] for c in theirs.keys() - ours.keys()),
            )
        )
    return found
