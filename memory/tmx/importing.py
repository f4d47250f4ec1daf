"""A TMX file into the memory, streamed, all or nothing, with a counted
account of what could not be kept (``memory.tmx`` says more)."""

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from conversion.scripts import ScriptCount, count_scripts, script_of
from core.languages import BARE_CHINESE
from formats.bilingual.tmx import TmxHeader, TmxUnit, iter_units
from memory import index as memory_index
from memory.store import BATCH, Pair, store
from memory.tmx.pairs import unit_pairs

__all__ = [
    "NOT_KEPT",
    "ImportCounts",
    "describe_import",
    "import_tmx",
    "not_kept_text",
]

#: Why a piece of a file was not kept, for people.
NOT_KEPT = {
    "units_with_one_language": ngettext_lazy(
        "%(count)d unit with fewer than two languages",
        "%(count)d units with fewer than two languages",
        "count",
    ),
    "units_without_the_pair": ngettext_lazy(
        "%(count)d unit without both languages asked for",
        "%(count)d units without both languages asked for",
        "count",
    ),
    "variants_outside_the_pair": ngettext_lazy(
        "%(count)d variant in a language not asked for",
        "%(count)d variants in languages not asked for",
        "count",
    ),
    "empty_segments": ngettext_lazy(
        "%(count)d empty segment", "%(count)d empty segments", "count"
    ),
    "unknown_languages": ngettext_lazy(
        "%(count)d variant whose xml:lang is not a language code",
        "%(count)d variants whose xml:lang is not a language code",
        "count",
    ),
    "unreadable_dates": ngettext_lazy(
        "%(count)d date not in the TMX form",
        "%(count)d dates not in the TMX form",
        "count",
    ),
    "attributes_outside_tmx": ngettext_lazy(
        "%(count)d attribute TMX 1.4 does not define",
        "%(count)d attributes TMX 1.4 does not define",
        "count",
    ),
    "code_markup_of_other_variants": ngettext_lazy(
        "%(count)d inline code whose markup in another language differs "
        "(the first language's is kept)",
        "%(count)d inline codes whose markup in another language differs "
        "(the first language's is kept)",
        "count",
    ),
    "header_notes": ngettext_lazy(
        "%(count)d note in the header", "%(count)d notes in the header", "count"
    ),
    "header_props": ngettext_lazy(
        "%(count)d prop in the header", "%(count)d props in the header", "count"
    ),
    "user_defined_encodings": ngettext_lazy(
        "%(count)d user-defined encoding",
        "%(count)d user-defined encodings",
        "count",
    ),
}


@dataclass
class ImportCounts:
    units: int = 0
    added: int = 0
    merged: int = 0
    skipped: int = 0
    #: What was not kept, by reason (``NOT_KEPT``).
    not_kept: Counter = field(default_factory=Counter)
    #: Bare zh variants by the script they were filed under ("both": either).
    bare_chinese: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict:
        counts = {
            "units": self.units,
            "added": self.added,
            "merged": self.merged,
            "skipped": self.skipped,
            "not_kept": {
                reason: self.not_kept[reason]
                for reason in NOT_KEPT
                if self.not_kept[reason]
            },
        }
        if self.bare_chinese:
            counts["bare_chinese"] = dict(sorted(self.bare_chinese.items()))
        return counts


def not_kept_text(not_kept: dict[str, int]) -> str:
    """What was not kept, for people: "2 empty segments, 1 note in the header".

    ``not_kept`` is the counts by reason, as ``ImportCounts.as_dict`` gives.
    """
    return ", ".join(
        str(label % {"count": not_kept[reason]})
        for reason, label in NOT_KEPT.items()
        if not_kept.get(reason)
    )


def describe_import(name: str, result: dict) -> str:
    """The line that tells what a TMX import did, from its JSON counts."""
    values = {"name": name, **result}
    message = (
        ngettext(
            "%(name)s: %(units)d unit read, %(added)d entries added, "
            "%(merged)d already in the memory, %(skipped)d units without two "
            "languages.",
            "%(name)s: %(units)d units read, %(added)d entries added, "
            "%(merged)d already in the memory, %(skipped)d units without two "
            "languages.",
            values["units"],
        )
        % values
    )
    if result.get("not_kept"):
        message += " " + _("Not kept: %(pieces)s.") % {
            "pieces": not_kept_text(result["not_kept"])
        }
    both = result.get("bare_chinese", {}).get("both", 0)
    if both:
        message += " " + ngettext(
            "%(both)d text marked only zh, the same in both scripts, was filed "
            "under both.",
            "%(both)d texts marked only zh, the same in both scripts, were filed "
            "under both.",
            both,
        ) % {"both": both}
    return message


def import_tmx(
    stream: BinaryIO,
    *,
    origin: str,
    source_language: str | None = None,
    target_language: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportCounts:
    """Stream a TMX file into the memory, all of it or nothing.

    ``progress`` is called with the number of units read so far, every
    batch. Raises ``FormatError`` (and stores nothing) on a bad file.
    """
    counts = ImportCounts()
    header = TmxHeader()
    bare = ScriptCount(0, 0)  # the characters of the file's bare zh variants
    waiting: list[TmxUnit] = []  # units with a bare zh their text cannot place

    def pairs_of(unit: TmxUnit, chinese: str | None = None) -> list[Pair]:
        made = unit_pairs(
            unit,
            origin=origin,
            source_language=source_language,
            target_language=target_language,
            not_kept=counts.not_kept,
            chinese=chinese,
            bare_chinese=counts.bare_chinese,
        )
        if not made:
            counts.skipped += 1
        return made

    def stored(pairs: list[Pair]) -> None:
        added, merged, _ = store(pairs)
        counts.added += added
        counts.merged += merged

    with transaction.atomic():
        memory_index.prepare_bulk_load()
        for batch in _batches(iter_units(stream, header=header)):
            pairs = []
            for unit in batch:
                counts.not_kept["code_markup_of_other_variants"] += (
                    unit.codes_markup_differing
                )
                unsure = False
                for tuv in unit.tuvs:
                    if tuv.language.lower() == BARE_CHINESE and tuv.text.strip():
                        found = count_scripts(tuv.text)
                        bare = ScriptCount(
                            bare.traditional + found.traditional,
                            bare.simplified + found.simplified,
                        )
                        unsure = unsure or script_of(found) is None
                if unsure:
                    waiting.append(unit)
                else:
                    pairs.extend(pairs_of(unit))
            stored(pairs)
            counts.units += len(batch)
            if progress:
                progress(counts.units)
        verdict = script_of(bare)
        for start in range(0, len(waiting), BATCH):
            stored(
                [
                    pair
                    for unit in waiting[start : start + BATCH]
                    for pair in pairs_of(unit, verdict)
                ]
            )
        counts.not_kept.update(
            header_notes=len(header.notes),
            header_props=len(header.props),
            user_defined_encodings=header.udes,
        )
        if counts.added:
            memory_index.refresh_statistics()
    return counts


def _batches(units: Iterator[TmxUnit]) -> Iterator[list[TmxUnit]]:
    batch: list[TmxUnit] = []
    for unit in units:
        batch.append(unit)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
