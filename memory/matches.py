"""What a memory lookup answers: matches, concordance hits, differences."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from core.statuses import Status

__all__ = ["ConcordanceHit", "Difference", "Match", "row_match"]


@dataclass(frozen=True)
class Difference:
    """Something that differs between the query and a match's source."""

    kind: str  # "number", "date" or "term"
    query: tuple[str, ...]
    match: tuple[str, ...]

    @property
    def label(self) -> str:
        return str(_KIND_LABELS[self.kind])


_KIND_LABELS = {
    "number": _("numbers"),
    "date": _("dates"),
    "term": _("glossary terms"),
}


@dataclass
class Match:
    """A memory entry as an answer to a query, oriented like the query."""

    entry_id: int
    score: int
    source: str
    target: str
    origin: str
    source_kind: str
    status: str
    changed_at: datetime
    differences: list[Difference] = field(default_factory=list)
    #: The entry's context digest (of its source's neighbours).
    context: int | None = None
    #: The variants of the two sides as the entry keeps them (``en-GB``).
    source_language: str = ""
    target_language: str = ""
    #: The entry's notes and props, ``side`` as this match is oriented.
    notes: list[dict] = field(default_factory=list)
    props: list[dict] = field(default_factory=list)
    #: The entry answers with its sides swapped.
    reverse: bool = False
    #: What each inline code in the two texts stands for, as the entry keeps
    #: it (``core.inline.codes_to_json``; both sides share the numbers).
    codes: dict = field(default_factory=dict)

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "source": self.source,
            "target": self.target,
            "origin": self.origin,
            "source_language": self.source_language,
            "target_language": self.target_language,
            "notes": self.notes,
            "props": self.props,
        }

    def swap(self) -> None:
        """Answer with the entry's sides the other way round."""
        self.source, self.target = self.target, self.source
        self.source_language, self.target_language = (
            self.target_language,
            self.source_language,
        )
        self.reverse = not self.reverse


@dataclass(frozen=True)
class ConcordanceHit:
    entry_id: int
    source: str
    target: str
    origin: str
    changed_at: datetime
    source_language: str = ""
    target_language: str = ""
    #: What each inline code stands for (``core.inline.codes_to_json``).
    codes: dict = field(default_factory=dict)


def row_match(row: tuple, reverse: bool) -> Match:
    (
        entry_id, source, target, status, kind, origin, context, changed_at,
        source_variant, target_variant,
    ) = row  # fmt: skip
    match = Match(
        entry_id,
        0,
        source,
        target,
        origin,
        kind,
        status,
        changed_at,
        context=context,
        source_language=source_variant,
        target_language=target_variant,
    )
    if reverse:
        match.swap()
    return match
