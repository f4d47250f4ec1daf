"""XLIFF inline codes: elements into coded text (``core.inline``) and back.

Read, for one unit (``InlineReader``; numbers count from 1 in the order the
source shows its codes, and the target takes the source's number for the
same ``id``, a code the source lacks getting a new one):

- placeholders: 1.x ``<ph>``, ``<x/>``; 2.0 ``<ph/>``;
- pairs (one number, an opening and a closing character): 1.x ``<g>``,
  ``<bpt>``/``<ept>`` (by ``rid``, else ``id``), ``<bx/>``/``<ex/>``; 2.0
  ``<pc>``, ``<sc/>``/``<ec startRef/>``; an opening or closing half alone
  (1.x ``<it pos>``, 2.0 ``isolated="yes"``, an ``ept`` without its ``bpt``)
  is a lone opening or closing;
- what a code stands for: its native data (1.x the text inside ``ph``,
  ``bpt``, ``ept``, ``it``, ``sub`` included; 2.0 the ``<originalData>`` its
  ``dataRef`` names), its type (1.x ``ctype``; 2.0 ``subType`` ``xlf:b``,
  ``xlf:i``, ``xlf:u``, ``xlf:lb`` as bold, italic, underline, lb, else
  ``type``; 1.x ``underlined`` as underline, ``x-wb-<type>`` as ``<type>``)
  and its label (``disp``, ``equiv``, ``equiv-text``, else the
  element's name); the workbench's own attributes (``wb:type``,
  ``wb:format``) give back the code an export started from;
- annotations (1.x ``<mrk>``, 2.0 ``<mrk>``, ``<sm/>``/``<em/>``) keep their
  text and are not codes: they mark terms, comments or segments, which the
  workbench does not keep on a sentence;
- 2.0 ``<cp hex>`` gives its character unless XML forbids it; comments and
  processing instructions give nothing.

White space: unless ``xml:space="preserve"`` holds (on the element or an
ancestor), a run of white space holding a line break is the indentation of
pretty-printed XML: it is dropped at either end of the text (codes aside),
between two codes and just inside a pair, and is one space elsewhere.

Written (XLIFF 2.0, ``write_inline``): a placeholder as ``<ph/>``, a pair
as ``<pc>`` when it nests, else ``<sc/>``/``<ec/>`` (``isolated="yes"`` for
a half alone); ``id`` is the code's number, native markup goes to the
unit's ``<originalData>`` (``dataRef``, ``dataRefStart``, ``dataRefEnd``),
the label to ``disp``/``dispStart``, a bold, italic, underline or line
break to ``type="fmt"`` with its ``xlf:`` subType, links and images to
``type="link"``/``"image"``, and the exact type and format to ``wb:type``
and ``wb:format``, so that reading the file gives back the same codes.
"""

import re
from dataclasses import replace

from django.utils.translation import gettext_noop

from lxml import etree

from core.inline import (
    CLOSING,
    OPENING,
    PLACEHOLDER,
    Code,
    code_char,
    codes_in,
    parse_char,
    reserved_in,
)
from formats import FormatError

__all__ = [
    "WB_NS",
    "InlineReader",
    "data_entries",
    "fold_indentation",
    "original_data",
    "write_inline",
]

WB_NS = "urn:translation-workbench:inline"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_WB_TYPE, _WB_FORMAT = f"{{{WB_NS}}}type", f"{{{WB_NS}}}format"
_SUBTYPES = {"xlf:b": "bold", "xlf:i": "italic", "xlf:u": "underline", "xlf:lb": "lb"}
_FMT = {value: key for key, value in _SUBTYPES.items()}
_TYPES_20 = {"link": "link", "image": "image"}
_WB_CTYPE = "x-wb-"  # the 1.2 writer's ctype for a type 1.2 has no name for
_CTYPES = {"underlined": "underline", "x-html-a": "link", "x-html-img": "image"}
_ALIASES = {
    "pair": ("it-open", "it-close"),
    "it-open": ("pair",),
    "it-close": ("pair",),
}
_INDENT = re.compile("[ \t\r\n]*\n[ \t\r\n]*")
_CODE = re.compile("[\U000f0000-\U000f2fff]")


def _local(element: etree._Element) -> tuple[str | None, str]:
    if not isinstance(element.tag, str):
        return None, ""
    name = etree.QName(element)
    return name.namespace, name.localname


class InlineReader:
    """Read the source and target texts of one unit, numbering its codes."""

    def __init__(self, namespace: str | None, data: dict[str, str] | None = None):
        self.namespace = namespace
        self.data = data or {}  # XLIFF 2.0 <originalData>, by id
        self.codes: dict[int, Code] = {}
        self._source: dict[tuple[str, str], int] = {}  # (role, id) -> number
        # what each side's codes so far got, for the closings to come (a pair
        # may span the segments of a unit)
        self._sides: dict[bool, dict[tuple[str, str], int]] = {True: {}, False: {}}
        self._reading_source = True

    def source(self, element: etree._Element | None) -> str:
        """Return the coded text of a ``<source>``, numbering its codes."""
        self._reading_source = True
        return self._read(element)

    def target(self, element: etree._Element | None) -> str:
        """Return the coded text of a ``<target>`` in its source's numbers."""
        self._reading_source = False
        return self._read(element)

    def _read(self, element: etree._Element | None) -> str:
        if element is None:
            return ""
        text = "".join(self._parts(element))
        if not _preserved(element):
            text = fold_indentation(text)
        return text

    def _parts(self, element: etree._Element):
        yield _checked(element.text, element)
        for child in element:
            namespace, name = _local(child)
            if namespace == self.namespace and name:
                yield from self._child(child, name)
            elif name:  # another namespace's element: its text
                yield from self._parts(child)
            yield _checked(child.tail, child)

    def _child(self, child: etree._Element, name: str):
        if name == "cp":
            yield _cp(child)
        elif name in ("ph", "x"):
            yield self._code(child, "ph", PLACEHOLDER)
        elif name in ("g", "pc"):
            yield self._code(child, "pair", OPENING)
            yield from self._parts(child)
            yield self._code(child, "pair", CLOSING)
        elif name in ("bpt", "bx") or (name == "sc" and child.get("isolated") != "yes"):
            yield self._code(child, "pair", OPENING, child.get("rid"))
        elif name in ("ept", "ex"):
            yield self._code(child, "pair", CLOSING, child.get("rid"))
        elif name == "ec" and child.get("isolated") != "yes":
            yield self._code(child, "pair", CLOSING, child.get("startRef"))
        elif name == "it":
            kind = CLOSING if child.get("pos") == "close" else OPENING
            yield self._code(child, "it-" + kind, kind)
        elif name in ("sc", "ec"):  # isolated
            kind = OPENING if name == "sc" else CLOSING
            yield self._code(child, "it-" + kind, kind)
        elif name in ("mrk", "sub"):
            yield from self._parts(child)
        # sm, em, and anything else without text of its own: nothing

    def _code(
        self, element: etree._Element, role: str, kind: str, ref: str | None = None
    ) -> str:
        """Return the character of one code, numbering it as it is first seen."""
        key = (role, ref or element.get("id", ""))
        seen = self._sides[self._reading_source]
        number = seen.get(key) if kind == CLOSING else None
        if number is None and not self._reading_source:
            # the same id, whether the halves come as a pair or alone
            for role_ in (role, *_ALIASES.get(role, ())):
                number = number or self._source.get((role_, key[1]))
        if number is None:
            number = max(self.codes, default=0) + 1
            self.codes[number] = self._describe(element, number, kind)
            if self._reading_source:
                self._source[key] = number
        elif kind == CLOSING and self.codes[number].kind == OPENING:
            self._close(element, number)
        seen[key] = number
        return code_char(number, kind)

    def _close(self, element: etree._Element, number: int) -> None:
        """Note a pair's closing markup on its code, once."""
        code = self.codes[number]
        if not code.closing:
            closing = self._native(element, "dataRef")
            if closing:
                self.codes[number] = replace(code, closing=closing)

    def _describe(self, element: etree._Element, number: int, kind: str) -> Code:
        _namespace, name = _local(element)
        start = "Start" if name == "pc" else ""
        subtype = element.get("subType", "")
        type_ = (
            element.get(_WB_TYPE)
            or _SUBTYPES.get(subtype)
            or element.get("type")
            or _ctype_type(element.get("ctype", ""))
        )
        native = self._native(element, "dataRef" + start)
        closing = self.data.get(element.get("dataRefEnd", ""), "")
        if kind == CLOSING:  # a closing alone: its markup is a closing's
            native, closing = "", native
        return Code(
            number=number,
            kind=kind,
            type=type_,
            native=native,
            closing=closing,
            label=element.get("disp" + start)
            or element.get("equiv" + start)
            or element.get("equiv-text")
            or name,
            format=element.get(_WB_FORMAT, "xliff"),
        )

    def _native(self, element: etree._Element, reference: str) -> str:
        """Return the native data of a code: 2.0 by reference, 1.x inside it."""
        if element.get(reference):
            return self.data.get(element.get(reference), "")
        _namespace, name = _local(element)
        if name in ("ph", "bpt", "ept", "it") and self.namespace != _NS20:
            return "".join(element.itertext())
        return ""


_NS20 = "urn:oasis:names:tc:xliff:document:2.0"


def _ctype_type(ctype: str) -> str:
    """Return the type a 1.x ``ctype`` stands for (``x-wb-`` is the writer's)."""
    if ctype.startswith(_WB_CTYPE):
        return ctype[len(_WB_CTYPE) :]
    return _CTYPES.get(ctype, ctype)


def _checked(text: str | None, element: etree._Element) -> str:
    """Return ``text``; refuse text holding the characters codes are made of."""
    if text and reserved_in(text) >= 0:
        raise FormatError(RESERVED, line=element.sourceline or 1)
    return text or ""


RESERVED = gettext_noop(
    "line %(line)s: the text holds a character of Unicode's Supplementary"
    " Private Use Area-A (U+F0000 to U+F2FFF), which the workbench keeps for"
    " inline codes"
)


def original_data(unit: etree._Element) -> dict[str, str]:
    """Return the 2.0 ``<originalData>`` of ``unit``: data id -> text."""
    found = {}
    for data in unit.iterfind(f"{{{_NS20}}}originalData/{{{_NS20}}}data"):
        parts = [data.text or ""]
        for child in data:
            parts.append(_cp(child) if _local(child)[1] == "cp" else "")
            parts.append(child.tail or "")
        found[data.get("id", "")] = "".join(parts)
    return found


def _cp(element: etree._Element) -> str:
    try:
        character = chr(int(element.get("hex", ""), 16))
    except (ValueError, OverflowError):
        return ""
    forbidden = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
    return "" if forbidden.match(character) else character


def _preserved(element: etree._Element) -> bool:
    """Return True if ``xml:space="preserve"`` holds for ``element``."""
    for node in (element, *element.iterancestors()):
        value = node.get(XML_SPACE)
        if value is not None:
            return value == "preserve"
    return False


def fold_indentation(text: str) -> str:
    """Drop the indentation of pretty-printed XML from coded ``text``.

    A run of white space holding a line break goes at either end (codes
    aside), between two codes and just inside a pair, and becomes one space
    elsewhere.
    """
    if "\n" not in text:
        return text
    pieces = _INDENT.split(text)
    has_text = [bool(_CODE.sub("", piece).strip()) for piece in pieces]
    out = pieces[0]
    for index, piece in enumerate(pieces[1:], 1):
        before, after = any(has_text[:index]), any(has_text[index:])
        left = parse_char(out[-1]) if out else None
        right = parse_char(piece[0]) if piece else None
        inside = (left and left[1] == OPENING) or (right and right[1] == CLOSING)
        if before and after and not (left and right) and not inside:
            out += " "
        out += piece
    return out


def write_inline(
    xf: "etree._IncrementalFileWriter", tag: str, text: str, codes: dict[int, Code]
) -> None:
    """Write ``text`` as the element ``tag``, its codes as 2.0 inline elements."""
    nested = _nesting(text)
    seen = {number for number, kind in codes_in(text) if kind == OPENING}
    closes = {number for number, kind in codes_in(text) if kind == CLOSING}
    with xf.element(tag, {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}):
        stack = []
        start = 0
        for match in _CODE.finditer(text):
            xf.write(text[start : match.start()])
            start = match.end()
            number, kind = parse_char(match.group()) or (0, PLACEHOLDER)
            code = codes.get(number) or Code(number=number, kind=kind)
            if kind == PLACEHOLDER:
                with xf.element(_q("ph"), _attributes(code, "ph")):
                    pass
            elif kind == OPENING and number in nested:
                context = xf.element(_q("pc"), _attributes(code, "pc"))
                context.__enter__()
                stack.append((number, context))
            elif kind == OPENING:
                attributes = _attributes(code, "sc")
                if number not in closes:
                    attributes["isolated"] = "yes"
                with xf.element(_q("sc"), attributes):
                    pass
            elif stack and stack[-1][0] == number and number in nested:
                stack.pop()[1].__exit__(None, None, None)
            else:
                attributes = _attributes(code, "ec")
                if number in seen:
                    attributes = {"startRef": str(number)} | {
                        k: v for k, v in attributes.items() if k != "id"
                    }
                else:
                    attributes["isolated"] = "yes"
                with xf.element(_q("ec"), attributes):
                    pass
        xf.write(text[start:])
        while stack:  # cannot happen: a nested pair closes inside the text
            stack.pop()[1].__exit__(None, None, None)


def data_entries(texts: list[str], codes: dict[int, Code]) -> list[tuple[str, str]]:
    """Return the ``<originalData>`` entries the codes of ``texts`` refer to."""
    numbers = sorted({n for text in texts for n, _kind in codes_in(text)})
    entries = []
    for number in numbers:
        code = codes.get(number)
        if code and code.native:
            entries.append((f"d{number}", code.native))
        if code and code.closing:
            entries.append((f"d{number}e", code.closing))
    return entries


def _attributes(code: Code, element: str) -> dict[str, str]:
    attributes = {"id": str(code.number)}
    native_ref = f"d{code.number}" if code.native else ""
    closing_ref = f"d{code.number}e" if code.closing else ""
    if element == "pc":
        if native_ref:
            attributes["dataRefStart"] = native_ref
        if closing_ref:
            attributes["dataRefEnd"] = closing_ref
    elif element == "ec" and closing_ref:
        attributes["dataRef"] = closing_ref
    elif element != "ec" and native_ref:
        attributes["dataRef"] = native_ref
    if code.label and element != "ec":
        attributes["dispStart" if element == "pc" else "disp"] = code.label
    if code.type in _FMT:
        attributes["type"] = "fmt"
        attributes["subType"] = _FMT[code.type]
    elif code.type in _TYPES_20:
        attributes["type"] = _TYPES_20[code.type]
    if code.type:
        attributes[_WB_TYPE] = code.type
    if code.format:
        attributes[_WB_FORMAT] = code.format
    return attributes


def _nesting(text: str) -> set[int]:
    """Return the numbers of the pairs of ``text`` that nest (``<pc>``)."""
    stack: list[int] = []
    nested: set[int] = set()
    opened: set[int] = set()
    for number, kind in codes_in(text):
        if kind == OPENING and number not in opened:
            opened.add(number)
            stack.append(number)
        elif kind == CLOSING and number in stack:
            if stack[-1] == number:
                nested.add(number)
            stack.remove(number)
    return nested


def _q(name: str) -> str:
    return f"{{{_NS20}}}{name}"
