"""What a quality check reports: one ``Finding`` per problem.

The checks live with what they check: ``translations.qa`` (numbers,
brackets, script) and ``glossary.qa`` (terms); both return these.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    check: str
    message: str
    start: int = -1
    end: int = -1
