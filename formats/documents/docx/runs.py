"""The runs of one Word paragraph as coded text, and translated text back.

Reading (``read_paragraph``) merges adjacent runs of the same formatting
(spelling language and proofing marks aside) and takes the formatting that
holds most of the paragraph's text as its base: text in the base has no
code, text formatted otherwise is a pair whose native markup is its run
properties (typed ``bold``, ``italic``, ``underline``, ``code`` when that is
the one difference, else ``x-docx-format``). A hyperlink, a simple field, a
smart tag or an inline content control is a pair around its runs (a link's
label is its address), with a base formatting of its own. What a run holds
besides text (a picture, a field's code, a footnote mark, a page break, a
symbol, an embedded object) is a placeholder holding those runs whole;
bookmarks and comment ranges are kept at the paragraph's start or end.
Tabs, line breaks and no-break hyphens are text (``\\t``, ``\\n``, U+2011).
Tracked insertions are read as text and tracked deletions left out (both
counted): the translation accepts them.

Writing (``write_paragraph``) reads the original paragraph again, empties
it and rebuilds its runs from the translated text: each stretch of text in
the run properties of the codes around it, hyperlinks and fields as they
were (same relationship ids), placeholders as the runs they held.
"""

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_noop

from lxml import etree

from core.inline import Code, plain, reserved_in
from formats import FormatError
from formats.documents.coded import CodedText, events

__all__ = ["Reading", "read_paragraph", "write_paragraph"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_P, _PPR, _R, _RPR, _T = (f"{_W}{n}" for n in ("p", "pPr", "r", "rPr", "t"))
_HYPERLINK, _SDT, _SDT_CONTENT = f"{_W}hyperlink", f"{_W}sdt", f"{_W}sdtContent"
_WRAPPERS = {_HYPERLINK, f"{_W}fldSimple", f"{_W}smartTag", f"{_W}customXml", _SDT}
_ACCEPTED = {f"{_W}ins", f"{_W}moveTo"}
_REJECTED = {f"{_W}del", f"{_W}moveFrom"}
_BEFORE = {f"{_W}{n}" for n in ("bookmarkStart", "commentRangeStart", "permStart")}
_BEFORE |= {f"{_W}moveFromRangeStart", f"{_W}moveToRangeStart"}
_AFTER = {f"{_W}{n}" for n in ("bookmarkEnd", "commentRangeEnd", "permEnd")}
_AFTER |= {f"{_W}moveFromRangeEnd", f"{_W}moveToRangeEnd"}
_DROPPED = {f"{_W}proofErr", f"{_W}lastRenderedPageBreak"}
_CHARS = {f"{_W}tab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "\u2011"}
_CHARS |= {f"{_W}softHyphen": "\u00ad"}
_ELEMENTS = {"\t": "tab", "\n": "br", "\u2011": "noBreakHyphen", "\u00ad": "softHyphen"}
_SPLIT = re.compile("([\t\n\u2011\u00ad])")
_BR = f"{_W}br"
_NOISE = {f"{_W}{n}" for n in ("lang", "noProof", "proofErr", "webHidden")}
_TEXT_BOX = f"{_W}txbxContent"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MONOSPACE = ("courier", "consolas", "menlo", "monaco", "mono", "code", "verbatim")
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Reading:
    """A paragraph read: its coded text and what writing it back needs."""

    text: str
    codes: dict[int, Code]
    base: object = None  # the run properties most of the text has
    shells: dict[int, object] = field(default_factory=dict)  # wrappers, emptied
    properties: dict[int, object] = field(default_factory=dict)  # rPr by code
    objects: dict[int, list] = field(default_factory=dict)  # runs by placeholder
    before: list = field(default_factory=list)
    after: list = field(default_factory=list)
    tracked: int = 0
    text_boxes: int = 0


@dataclass
class _Piece:
    context: tuple  # the wrapper elements around it, outermost first
    text: str = ""
    properties: object = None
    elements: list = field(default_factory=list)  # an object's runs


def read_paragraph(paragraph, links: dict[str, str]) -> Reading:
    """Read ``paragraph`` (a ``w:p``); ``links`` maps relationship ids to URLs."""
    pieces: list[_Piece] = []
    reading = Reading("", {})
    _collect(paragraph, (), pieces, reading)
    bases = _bases(pieces)
    reading.base = bases.get(None, (None,))[0]
    coded = CodedText("docx")
    open_wrappers: list[tuple[object, int]] = []
    formatted: tuple[str, int] | None = None
    for piece in pieces:
        depth = 0
        while (
            depth < len(open_wrappers)
            and depth < len(piece.context)
            and open_wrappers[depth][0] is piece.context[depth]
        ):
            depth += 1
        if depth < len(open_wrappers) or len(piece.context) > depth:
            formatted = _close_format(coded, formatted, reading)
        while len(open_wrappers) > depth:
            wrapper, number = open_wrappers.pop()
            coded.close(number, _closing(wrapper))
        for wrapper in piece.context[depth:]:
            number = coded.open(*_wrapper_code(wrapper, links))
            reading.shells[number] = _shell(wrapper)
            reading.properties[number] = bases.get(id(wrapper), (None,))[0]
            open_wrappers.append((wrapper, number))
        inner = id(piece.context[-1]) if piece.context else None
        base_properties, base_key = bases.get(inner, (None, ""))
        if piece.elements:
            number = coded.placeholder(*_object_code(piece.elements))
            reading.objects[number] = piece.elements
            reading.text_boxes += sum(
                1
                for e in piece.elements
                for box in e.iter(_TEXT_BOX)
                if not any(a.tag == _FALLBACK for a in box.iterancestors())
            )  # a box in mc:Fallback is the same box again, for older Words
            continue
        key = _key(piece.properties)
        if not piece.text.strip():
            coded.text(piece.text)  # a space takes the formatting around it
            continue
        if formatted is not None and formatted[0] != key:
            formatted = _close_format(coded, formatted, reading)
        if formatted is None and key != base_key:
            type_, label = _format_type(piece.properties, base_properties)
            native = etree.tostring(_properties_or_empty(piece.properties))
            number = coded.open(type_, native.decode(), label)
            reading.properties[number] = piece.properties
            formatted = (key, number)
        coded.text(piece.text)
    _close_format(coded, formatted, reading)
    while open_wrappers:
        wrapper, number = open_wrappers.pop()
        coded.close(number, _closing(wrapper))
    reading.text = coded.value()
    reading.codes = coded.codes
    return reading


def write_paragraph(paragraph, text: str, links: dict[str, str]) -> None:
    """Replace the content of ``paragraph`` by ``text`` (coded as it reads)."""
    reading = read_paragraph(paragraph, links)
    for child in list(paragraph):
        if child.tag != _PPR:
            paragraph.remove(child)
    for element in reading.before:
        paragraph.append(element)
    stack: list[tuple[object, object, int]] = [(paragraph, reading.base, 0)]
    for kind, value in events(text, reading.codes):
        holder, properties, _number = stack[-1]
        if kind == "text":
            _add_runs(holder, value, properties)  # type: ignore[arg-type]
            continue
        number = value.number  # type: ignore[union-attr]
        if kind == "ph":
            for element in reading.objects.get(number, []):
                holder.append(copy.deepcopy(element))  # type: ignore[attr-defined]
        elif kind == "open":
            inner = holder
            if number in reading.shells:
                shell = copy.deepcopy(reading.shells[number])
                holder.append(shell)  # type: ignore[attr-defined]
                inner = shell.find(_SDT_CONTENT) if shell.tag == _SDT else shell
            stack.append((inner, reading.properties.get(number), number))
        elif kind == "close" and len(stack) > 1 and stack[-1][2] == number:
            stack.pop()
    for element in reading.after:
        paragraph.append(element)


def _collect(container, context: tuple, pieces: list[_Piece], reading) -> None:
    """Gather the text and objects under ``container`` into ``pieces``."""
    for child in container:
        tag = child.tag
        if not isinstance(tag, str) or tag in (_PPR, *_DROPPED):
            continue
        if tag == _R:
            _run(child, context, pieces)
        elif tag in _WRAPPERS:
            content = child.find(_SDT_CONTENT) if tag == _SDT else child
            if content is not None:
                _collect(content, (*context, child), pieces, reading)
        elif tag in _ACCEPTED:
            reading.tracked += 1
            _collect(child, context, pieces, reading)
        elif tag in _REJECTED:
            reading.tracked += 1
        elif tag in _BEFORE:
            reading.before.append(child)
        elif tag in _AFTER:
            reading.after.append(child)
        else:
            _object(pieces, context, child)


def _run(run, context: tuple, pieces: list[_Piece]) -> None:
    """Add the text and objects of one run."""
    properties = run.find(_RPR)
    for child in run:
        tag = child.tag
        if child is properties or not isinstance(tag, str) or tag in _DROPPED:
            continue
        if tag == _T:
            text = child.text or ""
            if reserved_in(text) >= 0:
                raise FormatError(
                    gettext_noop(
                        "the text “%(text)s” holds a character reserved for "
                        "inline codes (U+F0000 to U+F2FFF)"
                    ),
                    text=plain(text)[:40],
                )
        elif tag in _CHARS:
            text = _CHARS[tag]
        elif tag == _BR and child.get(f"{_W}type") in (None, "textWrapping"):
            text = "\n"
        else:
            holder = copy.deepcopy(run)
            for other in list(holder):
                if other.tag != _RPR:
                    holder.remove(other)
            holder.append(copy.deepcopy(child))
            _object(pieces, context, holder)
            continue
        last = pieces[-1] if pieces else None
        if (
            last is not None
            and not last.elements
            and last.context == context
            and _key(last.properties) == _key(properties)
        ):
            last.text += text
        else:
            pieces.append(_Piece(context, text, properties))


def _object(pieces: list[_Piece], context: tuple, element) -> None:
    """Add ``element`` as an object, joined to an object just before it."""
    last = pieces[-1] if pieces else None
    if last is not None and last.elements and last.context == context:
        last.elements.append(element)
    else:
        pieces.append(_Piece(context, elements=[element]))


def _bases(pieces: list[_Piece]) -> dict:
    """Return, per wrapper (``id``; None for the paragraph), its base formatting.

    The base is the formatting that holds most of the text directly inside.
    """
    counts: dict[object, Counter] = {}
    first: dict[tuple, object] = {}
    for piece in pieces:
        if piece.elements:
            continue
        inner = id(piece.context[-1]) if piece.context else None
        key = _key(piece.properties)
        counts.setdefault(inner, Counter())[key] += len(piece.text.strip()) or 0.5
        first.setdefault((inner, key), piece.properties)
    return {
        inner: (first[(inner, key)], key)
        for inner, counter in counts.items()
        for key in [counter.most_common(1)[0][0]]
    }


def _close_format(coded: CodedText, formatted, reading: Reading) -> None:
    """Close the formatting pair open in ``formatted``, if one is."""
    if formatted is not None:
        coded.close(formatted[1], "</w:rPr>")


def _key(properties) -> str:
    """Return what tells two runs' formatting apart (noise left out)."""
    if properties is None:
        return ""
    kept = copy.deepcopy(properties)
    for child in list(kept):
        if child.tag in _NOISE:
            kept.remove(child)
        elif child.tag == f"{_W}rFonts":
            child.attrib.pop(f"{_W}hint", None)
            if not child.attrib:
                kept.remove(child)
    for name in list(kept.attrib):
        kept.attrib.pop(name)
    if len(kept) == 0:
        return ""
    return etree.tostring(kept, method="c14n").decode()


def _features(properties) -> set[str]:
    """Return the kinds of formatting ``properties`` switch on."""
    found: set[str] = set()
    if properties is None:
        return found
    for child in properties:
        name = etree.QName(child).localname
        value = child.get(f"{_W}val", "true")
        if name in ("b", "i", "u", "strike") and value not in ("0", "false", "none"):
            found.add({"b": "bold", "i": "italic", "u": "underline"}.get(name, name))
        elif name == "rStyle" and any(m in value.lower() for m in _MONOSPACE):
            found.add("code")
        elif name == "rFonts":
            fonts = " ".join(child.attrib.values()).lower()
            if any(m in fonts for m in _MONOSPACE):
                found.add("code")
        elif name == "vertAlign" and value in ("superscript", "subscript"):
            found.add(value[:3])
    return found


def _format_type(properties, base) -> tuple[str, str]:
    """Return the code type and label of text formatted with ``properties``."""
    extra = _features(properties) - _features(base)
    if len(extra) == 1:
        type_ = extra.pop()
        label = {"bold": "b", "italic": "i", "underline": "u"}.get(type_, type_)
        return type_, label
    return "x-docx-format", "fmt"


def _properties_or_empty(properties):
    if properties is not None:
        return properties
    return etree.Element(_RPR, nsmap={"w": _W[1:-1]})


def _wrapper_code(wrapper, links: dict[str, str]) -> tuple[str, str, str]:
    """Return the type, native markup and label of a wrapper's pair."""
    native = etree.tostring(_shell(wrapper)).decode()
    name = etree.QName(wrapper).localname
    if wrapper.tag == _HYPERLINK:
        anchor = wrapper.get(f"{_W}anchor")
        target = links.get(wrapper.get(_R_ID, ""), "")
        label = target + ("#" + anchor if anchor else "")
        return "link", native, label
    if name == "fldSimple":
        return "x-docx-field", native, (wrapper.get(f"{_W}instr") or "").strip()
    return f"x-docx-{name}", native, name


def _closing(wrapper) -> str:
    return f"</w:{etree.QName(wrapper).localname}>"


def _shell(wrapper):
    """Return a copy of ``wrapper`` without its runs (a control keeps its sdtPr)."""
    shell = copy.deepcopy(wrapper)
    content = shell.find(_SDT_CONTENT) if shell.tag == _SDT else shell
    for child in list(content):
        content.remove(child)
    return shell


def _object_code(elements: list) -> tuple[str, str, str]:
    """Return the type, native markup and label of runs kept whole."""
    holder = etree.Element(_P, nsmap={"w": _W[1:-1]})
    for element in elements:
        holder.append(copy.deepcopy(element))
    native = etree.tostring(holder).decode()
    names = [
        etree.QName(child).localname
        for element in elements
        for child in (element if element.tag == _R else [element])
        if child.tag != _RPR
    ]
    if names == ["br"]:
        return "x-docx-break", native, "br"
    if any(name in ("drawing", "pict") for name in names):
        return "image", native, "image"
    if any(name in ("fldChar", "instrText") for name in names):
        return "x-docx-field", native, "field"
    if any(name.endswith("Reference") for name in names):
        return "x-docx-reference", native, "ref"
    return "x-docx-object", native, names[0] if names else "object"


def _add_runs(holder, text: str, properties) -> None:
    """Append runs holding ``text`` in ``properties`` to ``holder``."""
    text = _NOT_XML.sub("", text)
    if not text:
        return
    run = etree.SubElement(holder, _R)
    if properties is not None:
        run.append(copy.deepcopy(properties))
    for part in _SPLIT.split(text):
        if not part:
            continue
        if part in _ELEMENTS:
            etree.SubElement(run, f"{_W}{_ELEMENTS[part]}")
        else:
            element = etree.SubElement(run, _T)
            element.text = part
            if part != part.strip():
                element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
