"""A sentence pair on its way into the memory: its keys and its merge rule."""

import json
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from core.inline import has_codes
from core.statuses import Status
from memory.languages import memory_language, memory_variant
from memory.remarks import Remarks, merged, swapped
from memory.text import normalise, pair_key, text_key

__all__ = ["Pair"]


@dataclass
class Pair:
    """A sentence pair on its way into the memory.

    ``source_language`` and ``target_language`` may be any tag (``en-GB``);
    the pair keeps it as the side's variant and files the side under its
    ``memory_language``. ``source_variant``/``target_variant`` give the tag
    apart, for a bare ``zh`` whose script the text told (``zh-Hant`` as the
    language, ``zh`` as the variant). Two pairs of the same texts in other
    variants are two entries.
    """

    source_language: str
    source: str
    target_language: str
    target: str
    source_kind: str
    origin: str = ""
    status: str = Status.APPROVED
    key: str = ""
    context: int | None = None
    author: str = ""
    created_at: datetime | None = None
    changed_at: datetime | None = None
    #: False for a TMX unit without dates: merging it leaves the dates alone.
    dated: bool = True
    source_variant: str = ""
    target_variant: str = ""
    remarks: Remarks = field(default_factory=Remarks)
    #: What each inline code in the texts stands for (``core.inline``).
    codes: dict = field(default_factory=dict)
    normalised_source: str = field(init=False, repr=False)
    normalised_target: str = field(init=False, repr=False)
    source_key: int = field(init=False)
    target_key: int = field(init=False)
    pair_key: int = field(init=False)

    def __post_init__(self) -> None:
        self.source_variant = memory_variant(
            self.source_variant or self.source_language, bare_chinese=True
        )
        self.target_variant = memory_variant(
            self.target_variant or self.target_language, bare_chinese=True
        )
        self.source_language = memory_language(self.source_language)
        self.target_language = memory_language(self.target_language)
        self.normalised_source = normalise(self.source)
        self.normalised_target = normalise(self.target)
        self.source_key = text_key(self.source_language, self.normalised_source)
        self.target_key = text_key(self.target_language, self.normalised_target)
        self.pair_key = pair_key(
            self._variant_key(self.source_variant, self.source_language, "source"),
            self._variant_key(self.target_variant, self.target_language, "target"),
        )
        if has_codes(self.source) or has_codes(self.target):
            # Lookups ignore codes; the identity of a pair does not: the same
            # words with other markup are another entry, never merged away.
            markup = json.dumps([self.source, self.target, self.codes], sort_keys=True)
            self.pair_key = pair_key(self.pair_key, text_key("codes", markup))
        now = timezone.now()
        self.created_at = self.created_at or self.changed_at or now
        self.changed_at = self.changed_at or self.created_at

    def _variant_key(self, tag: str, language: str, side: str) -> int:
        """The side's text key under its language and variant.

        A side whose variant is its language has its language's key, so
        entries stored before variants were kept keep their pair keys; a
        bare ``zh`` text filed under both scripts is two entries.
        """
        if tag == language:
            return getattr(self, "%s_key" % side)
        return text_key(
            "%s %s" % (language, tag), getattr(self, "normalised_%s" % side)
        )

    def same_way_as(self, source_variant: str, source_key: int) -> bool:
        """Whether an entry with this source side holds the pair this way round."""
        return (source_variant, source_key) == (self.source_variant, self.source_key)

    def merge(self, other: "Pair") -> None:
        if other.dated:
            self.created_at = min(self.created_at, other.created_at)
            self.changed_at = max(self.changed_at, other.changed_at)
        if other.status == Status.APPROVED:
            self.status = Status.APPROVED
        if other.remarks:
            theirs = other.remarks
            if not other.same_way_as(self.source_variant, self.source_key):
                theirs = swapped(theirs)
            self.remarks = merged(self.remarks, theirs)
