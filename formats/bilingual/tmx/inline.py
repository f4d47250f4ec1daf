"""TMX inline codes: a ``seg``'s elements into coded text and back.

Read (``TuCodes``, one per ``tu``; numbers count from 1 in the order the
first variant shows its codes, and the other variants take the same number
for the same code: by ``x`` when the file gives it, else by position among
the codes of its kind):

- ``<ph>`` and ``<ut>`` are placeholders, ``<bpt>``/``<ept>`` (by ``i``) a
  pair, ``<it pos="begin">``/``<it pos="end">`` an opening or closing
  alone, ``<hi>`` a pair around its text;
- the text inside ``bpt``, ``ept``, ``ph``, ``it`` and ``ut`` is the
  original markup (``<b>``): it is the code's native markup (``sub`` text
  included) and, shortened, its label; ``type`` is the code's type.

Written (``fill_seg``): a placeholder as ``<ph x="n">``, a pair as
``<bpt i="n" x="n">``/``<ept i="n">``, a half alone as ``<it>``, each with
its native markup as text and its ``type`` (CDATA in the TMX 1.4b DTD, so a
type read is written back as it was).
"""

from dataclasses import replace

from lxml import etree

from core.inline import (
    CLOSING,
    OPENING,
    PLACEHOLDER,
    Code,
    code_char,
    parse_char,
    reserved_in,
)
from formats import FormatError
from formats.bilingual.xliff.inline import RESERVED

__all__ = ["TuCodes", "fill_seg"]

_LABEL_LENGTH = 24
_TYPES_IN = {"ulined": "underline"}
_TYPES_OUT = {"underline": "ulined"}


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


class TuCodes:
    """Number the codes of one ``tu``'s variants alike."""

    def __init__(self) -> None:
        self.codes: dict[int, Code] = {}
        #: codes of later variants whose markup differs from the first's
        #: (a translated ALT text): the first variant's markup is kept
        self.markup_differing = 0
        self._first: dict[tuple[str, str], int] | None = None

    def text(self, seg: etree._Element) -> str:
        """Return the coded text of ``seg``."""
        self._by_key: dict[tuple[str, str], int] = {}
        self._open: dict[str, int] = {}  # bpt i -> number, in this seg
        self._counts: dict[str, int] = {}
        text = "".join(self._parts(seg))
        if self._first is None:
            self._first = self._by_key
        return text

    def _parts(self, element: etree._Element):
        yield _checked(element.text, element)
        for child in element:
            name = _local(child)
            if name in ("ph", "ut"):
                yield self._code(child, "ph", PLACEHOLDER)
            elif name == "bpt":
                yield self._code(child, "pair", OPENING)
            elif name == "ept":
                yield self._code(child, "pair", CLOSING)
            elif name == "it":
                kind = CLOSING if child.get("pos") == "end" else OPENING
                yield self._code(child, "it-" + kind, kind)
            elif name == "hi":
                yield self._code(child, "hi", OPENING)
                yield from self._parts(child)
                yield self._code(child, "hi", CLOSING)
            elif name:
                yield from self._parts(child)  # sub outside a code: its text
            yield _checked(child.tail, child)

    def _code(self, element: etree._Element, role: str, kind: str) -> str:
        """Return the character of one code, numbered like the first variant's."""
        key = element.get("i", "") if role == "pair" else "hi%d" % id(element)
        if kind == CLOSING and role in ("pair", "hi"):
            number = self._open.pop(key, None)
            if number is not None:
                if role == "pair":
                    self._note_closing(element, number)
                return code_char(number, kind)
        position = self._counts.get(role + kind, 0) + 1
        self._counts[role + kind] = position
        keys = [(role + kind, "#%d" % position)]
        if element.get("x"):
            keys.insert(0, (role + kind, "x" + element.get("x")))
        number = None
        if self._first is not None:
            number = next((self._first[k] for k in keys if k in self._first), None)
        if number is None or number in self._by_key.values():
            number = max(self.codes, default=0) + 1
            self.codes[number] = self._describe(element, number, kind)
        elif kind != CLOSING and _local(element) != "hi":
            if "".join(element.itertext()) != self.codes[number].native:
                self.markup_differing += 1
        for found in keys:
            self._by_key.setdefault(found, number)
        if kind == OPENING and role in ("pair", "hi"):
            self._open[key] = number
        return code_char(number, kind)

    def _note_closing(self, element: etree._Element, number: int) -> None:
        code = self.codes[number]
        closing = "".join(element.itertext())
        if closing and not code.closing:
            self.codes[number] = replace(code, closing=closing)
        elif closing != code.closing:
            self.markup_differing += 1

    @staticmethod
    def _describe(element: etree._Element, number: int, kind: str) -> Code:
        name = _local(element)
        native = "" if name == "hi" else "".join(element.itertext())
        type_ = element.get("type", "")
        type_ = _TYPES_IN.get(type_, type_)
        label = native if len(native) <= _LABEL_LENGTH else native[:_LABEL_LENGTH] + "…"
        return Code(
            number=number,
            kind=kind,
            type=type_,
            native=native if kind != CLOSING else "",
            closing=native if kind == CLOSING else "",
            label=label or type_ or name,
            format="tmx",
        )


def _checked(text: str | None, element: etree._Element) -> str:
    """Return ``text``; refuse text holding the characters codes are made of."""
    if text and reserved_in(text) >= 0:
        raise FormatError(RESERVED, line=element.sourceline or 1)
    return text or ""


def fill_seg(seg: etree._Element, text: str, codes: dict[int, Code]) -> None:
    """Fill the empty ``seg`` with ``text``, its codes as TMX elements."""
    pieces = []  # (code character, the text after it)
    start = 0
    head = None
    for index, char in enumerate(text):
        if parse_char(char):
            if head is None:
                head = text[:index]
            else:
                pieces[-1] = (pieces[-1][0], text[start:index])
            pieces.append((char, ""))
            start = index + 1
    if head is None:
        seg.text = text
        return
    seg.text = head
    pieces[-1] = (pieces[-1][0], text[start:])
    found = [parse_char(char) or (0, PLACEHOLDER) for char, _after in pieces]
    paired = {
        number
        for index, (number, kind) in enumerate(found)
        if kind == OPENING and (number, CLOSING) in found[index + 1 :]
    }
    opened: set[int] = set()
    for (number, kind), (_char, after) in zip(found, pieces, strict=True):
        code = codes.get(number) or Code(number=number, kind=kind)
        type_ = _TYPES_OUT.get(code.type, code.type)
        if kind == PLACEHOLDER:
            element = etree.SubElement(seg, "ph", x=str(number))
            element.text = code.native
        elif kind == OPENING and number in paired and number not in opened:
            element = etree.SubElement(seg, "bpt", i=str(number), x=str(number))
            element.text = code.native
            opened.add(number)
        elif kind == CLOSING and number in opened:
            element = etree.SubElement(seg, "ept", i=str(number))
            element.text = code.closing
            opened.discard(number)
            type_ = ""  # ept has no type
        else:
            position = "begin" if kind == OPENING else "end"
            element = etree.SubElement(seg, "it", pos=position, x=str(number))
            element.text = code.native if kind == OPENING else code.closing
        if type_:
            element.set("type", type_)
        element.tail = after
