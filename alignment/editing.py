"""A reviewer's corrections to an alignment: pure functions over beads.

Each takes the beads (in order, every sentence of each side in exactly one
bead, indices rising) and the index of the bead acted on, and returns the
new beads, still a monotone partition of both sides. A bead a person
shaped has confidence 1.0. An action that cannot apply (merging the last
bead, splitting a one-sentence bead, moving from an empty side) raises
``CannotEdit`` and changes nothing.

- ``merge``: the bead and the next become one.
- ``split``: the bead's first sentence of each side stays; the rest of each
  side becomes the next bead (a side with one sentence gives it to the
  first part, so ``1-2`` becomes ``1-1`` and ``0-1``); a ``1-1`` bead
  splits into its two sides, as ``one_sided``.
- ``move_down``: the bead's last sentence of one side moves to the start of
  the next bead (which is made if the bead is the last).
- ``move_up``: the next bead's first sentence of one side moves to the end
  of this bead.
- ``one_sided``: each sentence of the bead becomes its own one-sided bead,
  English first (a caption, a note only one version carries).
"""

from collections.abc import Sequence

from alignment.engine import Bead

SIDES = ("source", "target")


class CannotEdit(ValueError):
    """The action does not apply to this bead."""


def _at(beads: Sequence[Bead], index: int) -> Bead:
    if not 0 <= index < len(beads):
        raise CannotEdit("no bead %d" % index)
    return beads[index]


def _bead(source, target) -> Bead:
    return Bead(tuple(source), tuple(target), 1.0)


def _replace(
    beads: Sequence[Bead], start: int, end: int, new: list[Bead]
) -> list[Bead]:
    """``beads[start:end]`` replaced by the non-empty beads of ``new``."""
    kept = [bead for bead in new if bead.source or bead.target]
    return [*beads[:start], *kept, *beads[end:]]


def merge(beads: Sequence[Bead], index: int) -> list[Bead]:
    bead = _at(beads, index)
    if index + 1 >= len(beads):
        raise CannotEdit("the last bead has no next one")
    after = beads[index + 1]
    return _replace(
        beads,
        index,
        index + 2,
        [_bead(bead.source + after.source, bead.target + after.target)],
    )


def split(beads: Sequence[Bead], index: int) -> list[Bead]:
    bead = _at(beads, index)
    if len(bead.source) + len(bead.target) < 2:
        raise CannotEdit("a bead of one sentence cannot be split")
    if len(bead.source) == 1 and len(bead.target) == 1:
        # a 1-1 bead splits into its two sides, each on its own
        return one_sided(beads, index)
    first = _bead(bead.source[:1], bead.target[:1])
    rest = _bead(bead.source[1:], bead.target[1:])
    return _replace(beads, index, index + 1, [first, rest])


def move_down(beads: Sequence[Bead], index: int, side: str) -> list[Bead]:
    bead = _at(beads, index)
    mine = getattr(bead, _side(side))
    if not mine:
        raise CannotEdit("the bead has no sentence on that side")
    moved = mine[-1:]
    shrunk = _with(bead, side, mine[:-1])
    if index + 1 < len(beads):
        after = beads[index + 1]
        grown = _with(after, side, moved + getattr(after, _side(side)))
        return _replace(beads, index, index + 2, [shrunk, grown])
    return _replace(
        beads, index, index + 1, [shrunk, _with(_bead((), ()), side, moved)]
    )


def move_up(beads: Sequence[Bead], index: int, side: str) -> list[Bead]:
    bead = _at(beads, index)
    if index + 1 >= len(beads):
        raise CannotEdit("the last bead has no next one")
    after = beads[index + 1]
    theirs = getattr(after, _side(side))
    if not theirs:
        raise CannotEdit("the next bead has no sentence on that side")
    grown = _with(bead, side, getattr(bead, _side(side)) + theirs[:1])
    shrunk = _with(after, side, theirs[1:])
    return _replace(beads, index, index + 2, [grown, shrunk])


def one_sided(beads: Sequence[Bead], index: int) -> list[Bead]:
    bead = _at(beads, index)
    if not bead.source or not bead.target:
        raise CannotEdit("the bead is one-sided already")
    return _replace(
        beads,
        index,
        index + 1,
        [_bead((i,), ()) for i in bead.source] + [_bead((), (j,)) for j in bead.target],
    )


def _side(side: str) -> str:
    if side not in SIDES:
        raise CannotEdit("no side %r" % side)
    return side


def _with(bead: Bead, side: str, sentences) -> Bead:
    source = tuple(sentences) if side == "source" else bead.source
    target = tuple(sentences) if side == "target" else bead.target
    return _bead(source, target)


ACTIONS = {
    "merge": merge,
    "split": split,
    "one_sided": one_sided,
    "source_down": lambda beads, i: move_down(beads, i, "source"),
    "source_up": lambda beads, i: move_up(beads, i, "source"),
    "target_down": lambda beads, i: move_down(beads, i, "target"),
    "target_up": lambda beads, i: move_up(beads, i, "target"),
}


def edit(beads: Sequence[Bead], action: str, index: int) -> list[Bead]:
    """Apply the named action (``ACTIONS``) to the bead at ``index``."""
    if action not in ACTIONS:
        raise CannotEdit("no action %r" % action)
    return ACTIONS[action](beads, index)


def is_partition(beads: Sequence[Bead], english: int, chinese: int) -> bool:
    """Whether ``beads`` cover ``english`` and ``chinese`` sentences, in
    order, each once."""
    source = [i for bead in beads for i in bead.source]
    target = [j for bead in beads for j in bead.target]
    return (
        source == list(range(english))
        and target == list(range(chinese))
        and all(bead.source or bead.target for bead in beads)
    )
