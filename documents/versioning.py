"""Align the sentences of a new document version with the current ones.

Pure: works on keys and texts, never on the database. Rules:

1. A new sentence whose key an existing segment has (active or removed by an
   earlier version) is that segment, unchanged: its translations stay.
2. Among the rest, old and new sentences that stand in the same place of a
   replaced stretch (``difflib`` opcodes over the key sequences) and are
   similar enough (character ratio >= ``CHANGED_MIN_RATIO``) are the same
   sentence, changed: its translations go back to draft.
3. Any other new sentence is added; any other old sentence is removed
   (deactivated, never deleted).
"""

import difflib
from dataclasses import dataclass, field

CHANGED_MIN_RATIO = 0.5


@dataclass(frozen=True)
class OldSentence:
    id: int
    key: str
    source: str
    is_active: bool


@dataclass
class VersionPlan:
    """What becomes of each old segment and each new sentence (by index)."""

    kept: list[tuple[int, int]] = field(default_factory=list)
    changed: list[tuple[int, int]] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)


def similar(a: str, b: str) -> bool:
    """Return True when b reads as an edit of a rather than a new sentence."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= CHANGED_MIN_RATIO
        and matcher.quick_ratio() >= CHANGED_MIN_RATIO
        and matcher.ratio() >= CHANGED_MIN_RATIO
    )


def plan_version(
    old: list[OldSentence], new_keys: list[str], new_sources: list[str]
) -> VersionPlan:
    """Return how the new sentences map onto the old segments."""
    plan = VersionPlan()
    by_key = {s.key: s for s in old}
    matched_old: set[int] = set()
    matched_new: set[int] = set()
    for index, key in enumerate(new_keys):
        segment = by_key.get(key)
        if segment is not None:
            plan.kept.append((segment.id, index))
            matched_old.add(segment.id)
            matched_new.add(index)

    active = [s for s in old if s.is_active]
    opcodes = difflib.SequenceMatcher(
        None, [s.key for s in active], new_keys, autojunk=False
    ).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "replace":
            continue
        olds = [s for s in active[i1:i2] if s.id not in matched_old]
        news = [j for j in range(j1, j2) if j not in matched_new]
        for segment, index in zip(olds, news, strict=False):
            if similar(segment.source, new_sources[index]):
                plan.changed.append((segment.id, index))
                matched_old.add(segment.id)
                matched_new.add(index)

    plan.added = [i for i in range(len(new_keys)) if i not in matched_new]
    plan.removed = [s.id for s in active if s.id not in matched_old]
    return plan
