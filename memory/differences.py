"""The numbers, dates and glossary terms a match's source lacks or adds."""

from core.numbers import numbers_in, unmatched
from glossary.matching import find_terms
from memory.matches import Difference

__all__ = ["differences_between"]


def _kind(number) -> str:
    """A month or weekday name is a date; digits and numerals are numbers."""
    if (
        number.kind == "weekday"
        or number.surface[:1].isascii()
        and number.surface[:1].isalpha()
    ):
        return "date"
    return "number"


def differences_between(query: str, source: str, language: str) -> list[Difference]:
    """The numbers, dates and glossary terms one text has and the other lacks.

    Numbers are read by ``core.numbers``: 二十五 = 25, 1.2億 = 120,000,000,
    19:30 = 7.30pm; a month or weekday name is a "date" difference.
    """
    found = []
    ours, theirs = numbers_in(query), numbers_in(source)
    for kind in ("number", "date"):
        mine = [n for n in ours if _kind(n) == kind]
        other = [n for n in theirs if _kind(n) == kind]
        lacking = [n.surface for n in unmatched(mine, other)]
        adding = [n.surface for n in unmatched(other, mine)]
        if lacking or adding:
            found.append(Difference(kind, tuple(lacking), tuple(adding)))
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
