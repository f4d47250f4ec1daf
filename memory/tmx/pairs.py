"""The pairs a TMX unit gives the memory, with what it says about them
(``memory.tmx`` says how variants, a bare ``zh`` and remarks are taken)."""

import itertools
from collections import Counter
from dataclasses import dataclass

from conversion.scripts import HANS, HANT, chinese_script, count_scripts, script_of
from core.inline import codes_to_json
from core.languages import BARE_CHINESE, UnknownLanguage
from core.statuses import Status
from formats.bilingual.tmx import (
    SEGTYPES,
    TU_ATTRIBUTES,
    TUV_ATTRIBUTES,
    Note,
    Prop,
    TmxUnit,
)
from memory.models import MemorySource
from memory.remarks import Remarks
from memory.store import (
    DIGEST,
    STORED_STATUSES,
    Pair,
    memory_language,
    memory_variant,
)

__all__ = ["WORKBENCH_PROPS", "unit_pairs"]

#: The props the workbench writes and reads back into an entry's fields.
WORKBENCH_PROPS = frozenset({"x-status", "x-origin", "x-key", "x-context"})
_UNIT_FIELDS = frozenset({"creationdate", "changedate"})


@dataclass
class _Side:
    """A variant on its way into pairs."""

    language: str  # what the memory files it under (a bare zh: its script)
    tag: str  # as written, canonical case
    text: str
    notes: list[dict]
    props: list[dict]
    attributes: dict[str, str]


def unit_pairs(
    unit: TmxUnit,
    *,
    origin: str,
    source_language: str | None = None,
    target_language: str | None = None,
    not_kept: Counter | None = None,
    chinese: str | None = None,
    bare_chinese: Counter | None = None,
) -> list[Pair]:
    """The pairs a TMX unit gives: every two of its variants, in file order.

    A unit in English, Traditional and Simplified Chinese gives three pairs,
    each usable both ways, so a zh-Hant to zh-Hans lookup finds it too; one
    in ``en-US``, ``en-GB`` and ``fr`` gives three as well.

    With ``source_language`` and ``target_language``, only pairs of those.
    ``chinese`` is the script of a bare ``zh`` variant whose own text cannot
    tell it (``None``: let its characters decide). What is not kept is
    counted in ``not_kept``, how bare ``zh`` variants were filed in
    ``bare_chinese``.
    """
    counts = not_kept if not_kept is not None else Counter()
    filed = bare_chinese if bare_chinese is not None else Counter()
    sides = _sides(unit, counts, chinese, filed)
    if source_language and target_language:
        wanted = {source_language, target_language}
        outside = [side for side in sides if side.language not in wanted]
        counts["variants_outside_the_pair"] += len(outside)
        sources = [side for side in sides if side.language == source_language]
        targets = [side for side in sides if side.language == target_language]
        if not (sources and targets):
            counts["units_without_the_pair"] += 1
            return []
        couples = list(itertools.product(sources, targets))
    else:
        couples = [
            (first, second)
            for first, second in itertools.combinations(sides, 2)
            if first.tag != second.tag
        ]
        if not couples:
            counts["units_with_one_language"] += 1
            return []
    key = (unit.props.get("x-key") or unit.tuid)[:255]
    author = (unit.changed_by or unit.created_by)[:150]
    unit_remarks = _unit_remarks(unit, counts, key, author)
    status = unit.props.get("x-status", "")
    context = unit.props.get("x-context", "").strip()
    return [
        Pair(
            source_language=source.language,
            source_variant=source.tag,
            source=source.text,
            target_language=target.language,
            target_variant=target.tag,
            target=target.text,
            source_kind=MemorySource.IMPORT,
            origin=(unit.props.get("x-origin") or origin)[:255],
            status=status if status in STORED_STATUSES else Status.TRANSLATED,
            key=key,
            context=int(context) if DIGEST.fullmatch(context) else None,
            author=author,
            created_at=unit.created_at,
            changed_at=unit.changed_at,
            dated=bool(unit.created_at or unit.changed_at),
            remarks=_pair_remarks(unit_remarks, source, target),
            codes=codes_to_json(unit.codes),
        )
        for source, target in couples
    ]


def _sides(
    unit: TmxUnit, counts: Counter, chinese: str | None, filed: Counter
) -> list[_Side]:
    """The unit's variants worth pairing, in file order.

    Their notes and props are marked as on the source side; a pair marks
    its target's again (``_pair_remarks``).
    """
    sides: list[_Side] = []
    for tuv in unit.tuvs:
        if not tuv.text.strip():
            counts["empty_segments"] += 1
            continue
        try:
            tag = memory_variant(tuv.language, bare_chinese=True)
            languages = _languages(tag, tuv.text, chinese)
        except UnknownLanguage:
            counts["unknown_languages"] += 1
            continue
        if tag == BARE_CHINESE:
            filed["both" if len(languages) > 1 else languages[0]] += 1
        attributes = _kept_attributes(tuv.attributes, TUV_ATTRIBUTES, counts)
        for language in languages:
            _add_side(
                sides,
                _Side(
                    language,
                    tag,
                    tuv.text,
                    [_remark(note, "source") for note in tuv.notes]
                    if tuv.notes
                    else [],
                    [_remark(prop, "source") for prop in tuv.props]
                    if tuv.props
                    else [],
                    dict(attributes),
                ),
            )
    return sides


def _add_side(sides: list[_Side], side: _Side) -> None:
    """Add a side; the same variant twice is one side with what both carry."""
    for held in sides:
        if (held.language, held.tag, held.text) == (side.language, side.tag, side.text):
            held.notes += [n for n in side.notes if n not in held.notes]
            held.props += [p for p in side.props if p not in held.props]
            for name, value in side.attributes.items():
                held.attributes.setdefault(name, value)
            return
    sides.append(side)


def _languages(tag: str, text: str, chinese: str | None) -> list[str]:
    """The languages a variant is filed under.

    A bare ``zh`` goes where its text clearly shows, else where the file's
    bare ``zh`` texts together show (``chinese``), else where its few
    characters of one script point, else, holding none that differ between
    the scripts (or as many of each), under both.
    """
    if tag != BARE_CHINESE:
        return [memory_language(tag)]
    found = (
        chinese_script(text)
        or chinese
        or script_of(count_scripts(text), min_evidence=1)
    )
    return [found] if found else [HANT, HANS]


def _remark(item: Note | Prop, side: str | None) -> dict:
    out = {"type": item.type} if isinstance(item, Prop) else {}
    out["text"] = item.text
    if side:
        out["side"] = side
    if item.lang:
        out["lang"] = item.lang
    if item.encoding:
        out["encoding"] = item.encoding
    return out


def _kept_attributes(
    attributes: dict[str, str], allowed: frozenset[str], counts: Counter
) -> dict[str, str]:
    kept = {}
    for name, value in attributes.items():
        if name in allowed and (name != "segtype" or value in SEGTYPES):
            kept[name] = value
        else:
            counts["attributes_outside_tmx"] += 1
    return kept


def _unit_remarks(unit: TmxUnit, counts: Counter, key: str, author: str) -> Remarks:
    """What the ``tu`` itself says, for every pair it gives.

    What the entry's fields already say is left out: the dates, the ``tuid``
    when it is the entry's key, an id that is the entry's author.
    """
    attributes = {}
    for name, value in _kept_attributes(unit.attributes, TU_ATTRIBUTES, counts).items():
        if name in _UNIT_FIELDS:
            if (name == "creationdate" and unit.created_at is None) or (
                name == "changedate" and unit.changed_at is None
            ):
                counts["unreadable_dates"] += 1
        elif not (
            (name == "tuid" and value == key)
            or (name in ("creationid", "changeid") and value == author)
        ):
            attributes[name] = value
    return Remarks(
        [_remark(note, None) for note in unit.tu_notes],
        [
            _remark(prop, None)
            for prop in unit.tu_props
            if prop.type not in WORKBENCH_PROPS
        ],
        {"unit": attributes} if attributes else {},
    )


def _pair_remarks(unit: Remarks, source: _Side, target: _Side) -> Remarks:
    attributes = dict(unit.attributes)
    for name, side in (("source", source), ("target", target)):
        if side.attributes:
            attributes[name] = side.attributes
    return Remarks(
        [*unit.notes, *source.notes, *_on_target(target.notes)],
        [*unit.props, *source.props, *_on_target(target.props)],
        attributes,
    )


def _on_target(items: list[dict]) -> list[dict]:
    return [{**item, "side": "target"} for item in items]
