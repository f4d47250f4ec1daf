"""What a glossary file holds: concepts, their terms, and the values they use.

Every bad input raises ``formats.FormatError`` with a message that names the
line or the concept.

Texts are normalised the same way on reading and writing (``clean_text``):
control characters are dropped and whitespace runs, line breaks included,
become one space. TBX files are often pretty-printed, and XML cannot tell
indentation from content, so a line break inside a definition or a note does
not survive either format.
"""

import re
from dataclasses import dataclass, field

__all__ = [
    "APPROVALS",
    "USAGES",
    "ConceptUnit",
    "USAGE_NOT_STATED",
    "TermUnit",
    "clean_text",
    "flag_from_text",
    "usage_from_text",
]

#: Usage values, most recommended first.
USAGES = ("preferred", "admitted", "deprecated", "forbidden")
#: Approval values; ``None`` on a term means the file does not say.
APPROVALS = ("proposed", "approved", "rejected")

#: Kept in ``TermUnit.extra`` of a term whose file gave it no status: its
#: ``usage`` is the default, which an export does not state either.
USAGE_NOT_STATED = {"field": "usage", "text": "unstated"}

_USAGE_ALIASES = {
    "preferred": (
        "preferred",
        "preferredterm",
        "preferredterm-admn-sts",
        "standardizedterm",
        "standardizedterm-admn-sts",
        "legalterm",
        "regulatedterm",
    ),
    "admitted": ("admitted", "admittedterm", "admittedterm-admn-sts"),
    "deprecated": (
        "deprecated",
        "deprecatedterm",
        "deprecatedterm-admn-sts",
        "superseded",
        "supersededterm",
        "supersededterm-admn-sts",
        "notrecommended",
        "obsolete",
    ),
    "forbidden": (
        "forbidden",
        "x-forbidden",
        "forbiddenterm",
        "forbiddenterm-admn-sts",
    ),
}
_USAGE_BY_ALIAS = {
    alias: usage for usage, aliases in _USAGE_ALIASES.items() for alias in aliases
}
_FLAGS = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}
# C0 controls but tab, line feed and carriage return, which are whitespace.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


@dataclass
class TermUnit:
    """One term of a concept in one language."""

    language: str  # normalised BCP 47 (zh-Hant, zh-Hans, en, ...)
    text: str
    usage: str = "preferred"  # preferred | admitted | deprecated | forbidden
    approval: str | None = None  # proposed | approved | rejected | None
    case_sensitive: bool = False
    #: Data categories kept as they came (TBX ``partOfSpeech``, ``context``...):
    #: ``{"tag", "type", "text", "attrs", "children"}`` in document order.
    extra: list[dict] = field(default_factory=list)


@dataclass
class ConceptUnit:
    """One concept: its terms in every language and what describes it."""

    identifier: str = ""  # CSV ``id`` column, TBX conceptEntry/termEntry id
    terms: list[TermUnit] = field(default_factory=list)
    domain: str = ""  # subject field
    definitions: dict[str, str] = field(default_factory=dict)  # language -> text
    notes: dict[str, str] = field(default_factory=dict)  # language -> text
    #: Concept and language-section data categories kept as they came, like
    #: ``TermUnit.extra``; one of a language section also has ``"lang"``.
    extra: list[dict] = field(default_factory=list)
    #: What the reader could not keep: data category or column -> how many.
    not_kept: dict[str, int] = field(default_factory=dict)
    #: CSV columns the reader does not map, by header name -> values left out.
    columns_not_kept: dict[str, int] = field(default_factory=dict)


def clean_text(text: str) -> str:
    """Return ``text`` without control characters, whitespace runs as one space."""
    return " ".join(_CONTROL.sub("", text).split())


def usage_from_text(value: str) -> str | None:
    """Return the usage that ``value`` names, or None if it names none.

    Accept our own values and TBX statuses in any case: ``preferredTerm-admn-sts``,
    ``supersededTerm`` (deprecated), ``legalTerm`` (preferred), ``obsolete``...
    """
    return _USAGE_BY_ALIAS.get(value.strip().lower())


def flag_from_text(value: str) -> bool | None:
    """Read yes/no, true/false, 1/0 or empty (no); return None for anything else."""
    value = value.strip().lower()
    return _FLAGS.get(value) if value else False
