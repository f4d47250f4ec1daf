"""What files say about a memory entry: notes, props, attributes, by side.

An entry keeps them as JSON (``MemoryEntry.notes``, ``props``,
``attributes``), in this shape:

- a note: ``{"text": ...}``, with ``"side": "source"`` or ``"target"`` when
  it is about one side (a TMX ``tuv``'s) rather than the pair (a ``tu``'s),
  and ``"lang"`` / ``"encoding"`` (``xml:lang``, ``o-encoding``) when given;
- a prop: the same with its ``"type"``;
- attributes: ``{"unit": {...}, "source": {...}, "target": {...}}``, each
  the attributes of a TMX element as written, a section only when not empty.

Sides are the entry's: a pair met again the other way round (an entry
serves both directions) is ``swapped`` before it is merged, and a lookup
answering the other way round swaps what it shows. Merging (``merged``)
adds the notes and props the entry lacks, in order, and the attributes it
lacks: the first value of an attribute stays, as the first origin does.
"""

from collections.abc import Iterable

__all__ = ["SIDES", "Remarks", "merged", "swapped"]

SIDES = ("source", "target")
_OTHER = {"source": "target", "target": "source"}


class Remarks:
    """The notes, props and attributes of one entry (or of a pair to store)."""

    __slots__ = ("attributes", "notes", "props")

    def __init__(
        self,
        notes: list[dict] | None = None,
        props: list[dict] | None = None,
        attributes: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.notes = notes or []
        self.props = props or []
        self.attributes = attributes or {}

    def __bool__(self) -> bool:
        return bool(self.notes or self.props or self.attributes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Remarks) and (
            (self.notes, self.props, self.attributes)
            == (other.notes, other.props, other.attributes)
        )

    def __repr__(self) -> str:
        return "Remarks(%r, %r, %r)" % (self.notes, self.props, self.attributes)


def swapped(remarks: Remarks) -> Remarks:
    """``remarks`` with source and target exchanged."""
    return Remarks(
        _swap_sides(remarks.notes),
        _swap_sides(remarks.props),
        {_OTHER.get(section, section): values for section, values in
         remarks.attributes.items()},
    )  # fmt: skip


def merged(held: Remarks, new: Remarks) -> Remarks:
    """What an entry holding ``held`` holds once ``new`` is merged into it."""
    attributes = {section: dict(values) for section, values in held.attributes.items()}
    for section, values in new.attributes.items():
        mine = attributes.setdefault(section, {})
        for name, value in values.items():
            mine.setdefault(name, value)
    return Remarks(
        _union(held.notes, new.notes), _union(held.props, new.props), attributes
    )


def _swap_sides(items: Iterable[dict]) -> list[dict]:
    return [
        {**item, "side": _OTHER[item["side"]]} if item.get("side") in _OTHER else item
        for item in items
    ]


def _union(held: list[dict], new: list[dict]) -> list[dict]:
    out = list(held)
    for item in new:
        if item not in out:
            out.append(item)
    return out
