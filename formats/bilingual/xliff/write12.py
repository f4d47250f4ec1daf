"""Write XLIFF 1.2, the version most CAT tools exchange (``write.py`` writes 2.0).

``write`` streams one document (``lxml.etree.xmlfile``, constant memory)
that validates against the OASIS XLIFF 1.2 strict schema. Strict allows
attributes of other namespaces only when a schema declares them, so the
file holds nothing but 1.2's own elements and attributes.

Layout: a ``<file original=… source-language target-language
datatype="plaintext" tool-id product-name="d<document>">`` per
``Unit.file``, in the order the units come (``original`` is the file's
name, else the title, else the document id), each with a ``<header><tool>``
and a ``<body>`` of ``<trans-unit id=… xml:space="preserve">`` holding
``<source>``, ``<target state>`` and ``<note>``\\ s. The reader takes the
document back from ``product-name`` of a file whose ``tool-id`` is the
workbench's, so that a re-import knows its own export.

Statuses (``state`` of ``<target>``; the reader's mapping is in ``write.py``)::

    status        written                              read back
    untranslated  no <target>                          untranslated
    draft         needs-review-translation             draft
    rejected      needs-translation                    draft
    translated    translated                           translated
    approved      final, and approved="yes"            approved

A unit whose target is empty is written without ``<target>``. Ids are the
keys as they are (1.2 ids are any string; the 1.x reader takes them as
they are); the empty key, which no XLIFF file can give, is written ``_``.
Notes go as ``<note>``, comments as ``<note from="comment">``, references
as ``<note from="reference">`` (read back into the same fields).

Inline codes are 1.2's own elements, chosen so that reading the file gives
back the same codes (kind, native markup, type, label):

- a code read from XLIFF 1.x goes back as the element it was (its label is
  the element's name, or its ``equiv-text``);
- otherwise a placeholder with native markup is ``<ph>`` holding it, else
  ``<x/>``; a pair with native markup is ``<bpt>``/``<ept>`` holding it,
  else ``<g>`` when it nests, else ``<bx/>``/``<ex/>``; a half alone is
  ``<it pos>`` holding its markup, else ``<bx/>``/``<ex/>``;
- the type goes to ``ctype``: bold, italic, underline (``underlined``),
  link on pairs, image, lb, pb on placeholders, ``x-…`` types as they are,
  and any other as ``x-wb-<type>`` (which the reader turns back);
  ``<ex>`` and ``<ept>`` have no ``ctype``: a closing alone with a type is
  ``<it pos="close">``;
- the label goes to ``equiv-text`` unless it is the element's name.

Not kept: the format a code came from (``Code.format``: 1.2 has no place
for it, so it reads back as ``xliff``) and an empty label (read back as
the element's name).
"""

import re
from collections.abc import Iterable, Iterator
from itertools import groupby

from lxml import etree

from core.inline import CLOSING, OPENING, PLACEHOLDER, Code, codes_in, parse_char
from formats.bilingual.units import Unit
from formats.bilingual.xliff.inline import _nesting
from formats.bilingual.xliff.read import NS12, TOOL_ID, XML_NS, strip_forbidden
from formats.bilingual.xliff.write import _Buffer

__all__ = ["write"]

_NSMAP = {None: NS12, "xml": XML_NS}
_STATES = {
    "draft": "needs-review-translation",
    "rejected": "needs-translation",
    "translated": "translated",
    "approved": "final",
}
_PAIR_CTYPES = {"bold": "bold", "italic": "italic", "underline": "underlined"}
_PAIR_CTYPES["link"] = "link"
_PLACEHOLDER_CTYPES = {"image": "image", "lb": "lb", "pb": "pb"}
_EXTENSION = re.compile(r"x-\S+")
_CODE = re.compile("[\U000f0000-\U000f2fff]")
_CHUNK_SIZE = 64 * 1024
_PRESERVE = {f"{{{XML_NS}}}space": "preserve"}


def _q(name: str) -> str:
    return f"{{{NS12}}}{name}"


def write(
    units: Iterable[Unit],
    *,
    source_language: str,
    target_language: str,
    document_id: str,
    title: str = "",
) -> Iterator[bytes]:
    """Yield an XLIFF 1.2 document holding ``units``, in chunks of about 64 kB.

    ``units`` is consumed lazily. Raise ``ValueError`` for a status outside
    ``units.STATUSES``.
    """
    buffer = _Buffer()
    document_id = strip_forbidden(str(document_id))
    common = {"source-language": strip_forbidden(source_language)}
    if target_language:
        common["target-language"] = strip_forbidden(target_language)
    common["datatype"] = "plaintext"
    common["tool-id"] = TOOL_ID
    if document_id:
        common["product-name"] = "d" + document_id
    default = strip_forbidden(title) or document_id or "document"
    groups = groupby(units, key=lambda unit: unit.file)
    first = next(groups, None)
    if first is None:
        first = ("", iter(()))
    with etree.xmlfile(buffer, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(_q("xliff"), version="1.2", nsmap=_NSMAP):
            xf.write("\n")
            for name, group in _chain(first, groups):
                attributes = {"original": strip_forbidden(name) or default} | common
                with xf.element(_q("file"), attrib=attributes):
                    with xf.element(_q("header")):
                        with xf.element(
                            _q("tool"), {"tool-id": TOOL_ID, "tool-name": TOOL_ID}
                        ):
                            pass
                    with xf.element(_q("body")):
                        xf.write("\n")
                        for unit in group:
                            _write_unit(xf, unit)
                            xf.write("\n")
                            if buffer.size >= _CHUNK_SIZE:
                                yield buffer.take()
                xf.write("\n")
    yield buffer.take()


def _chain(first, rest):
    yield first
    yield from rest


def _write_unit(xf: "etree._IncrementalFileWriter", unit: Unit) -> None:
    """Write one ``<trans-unit>``."""
    if unit.status == "untranslated":
        state = None
    else:
        try:
            state = _STATES[unit.status]
        except KeyError:
            raise ValueError(f"unit {unit.key!r} has an unknown status") from None
    target = strip_forbidden(unit.target) if state else ""
    attributes = {"id": strip_forbidden(unit.key) or "_"}
    if target and unit.status == "approved":
        attributes["approved"] = "yes"
    with xf.element(_q("trans-unit"), attributes | _PRESERVE):
        _write_text(xf, "source", strip_forbidden(unit.source), unit.codes, {})
        if target:
            _write_text(xf, "target", target, unit.codes, {"state": state})
        for origin, texts in (
            ("", unit.notes),
            ("comment", unit.comments),
            ("reference", unit.references),
        ):
            for text in map(strip_forbidden, texts):
                if text:
                    with xf.element(_q("note"), {"from": origin} if origin else {}):
                        xf.write(text)


def _write_text(xf, tag: str, text: str, codes: dict[int, Code], attrib) -> None:
    """Write ``text`` as ``<source>``/``<target>``, its codes as 1.2 elements."""
    nested = _nesting(text)
    kinds = codes_in(text)
    opens = {number for number, kind in kinds if kind == OPENING}
    closes = {number for number, kind in kinds if kind == CLOSING}
    with xf.element(_q(tag), attrib):
        stack = []
        start = 0
        for match in _CODE.finditer(text):
            xf.write(text[start : match.start()])
            start = match.end()
            number, kind = parse_char(match.group()) or (0, PLACEHOLDER)
            code = codes.get(number) or Code(number=number, kind=kind)
            if kind == PLACEHOLDER:
                name = _placeholder(code)
                _empty_or_native(xf, name, code, code.native, {})
            elif kind == OPENING and number in closes:
                name = _pair(code, number in nested)
                if name == "g":
                    context = xf.element(_q("g"), _attributes(code, "g"))
                    context.__enter__()
                    stack.append((number, context))
                elif name == "bpt":
                    _empty_or_native(xf, "bpt", code, code.native, {})
                else:
                    _empty_or_native(xf, "bx", code, "", {"rid": str(number)})
            elif kind == OPENING:  # an opening alone in this text
                if code.native or code.label in ("it", "bpt", "ept"):
                    _empty_or_native(xf, "it", code, code.native, {"pos": "open"})
                else:  # no rid: the schema wants an <ex> for every rid
                    _empty_or_native(xf, "bx", code, "", {})
            elif number in opens:  # the closing of a pair
                name = _pair(code, number in nested)
                if name == "g":
                    stack.pop()[1].__exit__(None, None, None)
                else:  # the opening said what the pair is: an id is enough
                    closing = "ept" if name == "bpt" else "ex"
                    attributes = {"id": str(number)}
                    if closing == "ex":
                        attributes["rid"] = str(number)
                    with xf.element(_q(closing), attributes):
                        if closing == "ept" and code.closing:
                            xf.write(strip_forbidden(code.closing))
            else:  # a closing alone in this text
                closing = code.closing or (code.native if code.kind == CLOSING else "")
                if closing or _ctype(code, "it") or code.label in ("it", "bpt", "ept"):
                    _empty_or_native(xf, "it", code, closing, {"pos": "close"})
                else:
                    _empty_or_native(xf, "ex", code, "", {})
        xf.write(text[start:])
        while stack:  # cannot happen: a nested pair closes inside the text
            stack.pop()[1].__exit__(None, None, None)


def _placeholder(code: Code) -> str:
    if code.native or code.label == "ph":
        return "ph"
    return "x"


def _pair(code: Code, nests: bool) -> str:
    """Return ``g``, ``bpt`` or ``bx``: how a pair whose halves both show goes."""
    if code.native or code.closing or code.label in ("bpt", "ept", "it"):
        return "bpt"
    if nests and code.label not in ("bx", "ex"):
        return "g"
    return "bx"


def _empty_or_native(xf, name: str, code: Code, native: str, extra: dict) -> None:
    with xf.element(_q(name), _attributes(code, name) | extra):
        if native:
            xf.write(strip_forbidden(native))


def _attributes(code: Code, name: str) -> dict[str, str]:
    attributes = {"id": str(code.number)}
    ctype = _ctype(code, name)
    if ctype:
        attributes["ctype"] = ctype
    label = strip_forbidden(code.label)
    if label and label != name:
        attributes["equiv-text"] = label
    return attributes


def _ctype(code: Code, name: str) -> str:
    """Return the ``ctype`` that reads back as ``code.type`` ("" for none)."""
    if not code.type or name in ("ex", "ept"):
        return ""
    known = _PLACEHOLDER_CTYPES if name in ("x", "ph") else _PAIR_CTYPES
    if code.type in known:
        return known[code.type]
    if _EXTENSION.fullmatch(code.type) and not code.type.startswith("x-wb-"):
        if code.type not in ("x-html-a", "x-html-img"):  # read as link, image
            return code.type
    if re.search(r"\s", code.type):
        return ""  # not writable as a ctype
    return "x-wb-" + code.type
