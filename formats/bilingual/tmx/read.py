"""Read TMX 1.1 to 1.4 translation memories as a stream of ``TmxUnit``.

``iter_units`` feeds the file in 64 KB chunks to lxml's pull parser and drops
each ``tu`` (and what came before it) once read, so memory stays constant
however large the file (200,000 units, 74 MB: about 3 s, under 1 MB traced by
``tracemalloc``). libxml2 reads the declared encoding, UTF-8 or UTF-16 with or
without a byte order mark. A variant's language is ``xml:lang`` or TMX 1.1's
``lang=``: ``Tuv.language`` keeps it whole in canonical case (``EN-gb`` ->
``en-GB``, ``zh-tw`` -> ``zh-TW``, ``zh`` stays ``zh``); the simple view
``TmxUnit.variants`` is keyed by the normalised language (``zh-TW`` ->
``zh-Hant``; a bare ``zh`` is kept bare, since only the text can tell its
script; a code that is no language tag is kept as written), the first
variant of a language in it.

The text of a ``seg`` is its text with its inline elements (``<bpt>``,
``<ept>``, ``<ph>``, ``<it>``, ``<ut>``, ``<hi>``) as inline codes
(``core.inline``), numbered alike in every variant of a ``tu``; what they
stand for is in ``TmxUnit.codes`` (``inline.py`` says how).
Every ``note`` and ``prop`` of the ``tu`` and of each ``tuv`` is read, in
order, with its ``xml:lang`` and ``o-encoding``, and every attribute of both
as written (``TmxUnit.attributes``, ``Tuv.attributes``); the header's notes,
props and user-defined encodings fill a ``TmxHeader`` when one is asked for.
Dates (``YYYYMMDDThhmmssZ``) come from the ``tu``, else from its variants (the
earliest creation, the latest change); other date forms are left to the
attributes.

Outside input is parsed with ``resolve_entities=False``, ``no_network``, no
DTD loading and ``huge_tree=False``. A file that declares entities is refused
before any of it is parsed: the chunks up to the root element (so at least
the first 64 KB, comments and CDATA included) are searched for ``<!ENTITY`` in
ASCII-compatible, UTF-16 and UTF-32 forms, and the internal DTD is checked
when the root element starts (other encodings).
An entity reference left undeclared by a DTD that is never loaded is refused
too. Refusals are ``FormatError``: empty input, malformed XML (``line N:
...``; libxml2 may give one line too many past line 65,535), a root other
than ``tmx``, a variant without a language.
"""

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from io import BytesIO
from typing import BinaryIO

from django.utils.translation import gettext_noop

from lxml import etree

from core.languages import BARE_CHINESE, UnknownLanguage, normalise, variant
from formats import FormatError
from formats.bilingual.tmx.inline import TuCodes
from formats.bilingual.tmx.units import XML_LANG, Note, Prop, TmxHeader, TmxUnit, Tuv
from formats.bilingual.units import STATUSES, Unit

__all__ = ["iter_units", "parse", "units_for"]

CHUNK = 64 * 1024
_CODECS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_ENTITY = tuple("<!ENTITY".encode(codec) for codec in _CODECS)
_OVERLAP = max(len(mark) for mark in _ENTITY)
_DATE = re.compile(r"(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z")
_POSITION = re.compile(r", line \d+, column \d+$")
_Stamp = tuple[datetime | None, str]


def parse(data: bytes) -> list[TmxUnit]:
    """Return every translation unit of the TMX document ``data``."""
    return list(iter_units(BytesIO(data)))


def iter_units(
    stream: BinaryIO, *, header: TmxHeader | None = None
) -> Iterator[TmxUnit]:
    """Yield the translation units of a TMX file as it is read.

    ``header``, when given, is filled with the file's header notes, props
    and user-defined encodings as soon as they are read.

    Raises ``FormatError`` when the file is not TMX or cannot be read.
    """
    parser = etree.XMLPullParser(
        events=("start", "end"),
        tag=("{*}tmx", "{*}header", "{*}tu"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    root_seen, number = False, 0
    for event, element in _events(parser, stream):
        if event == "start":
            if not root_seen:
                _check_root(element)
                root_seen = True
            continue
        if element.getparent() is None:
            continue  # the end of <tmx>
        if etree.QName(element).localname == "header":
            if header is not None:
                _read_header(element, header)
            continue
        number += 1
        yield _read_tu(element, number)
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]


def units_for(
    tus: Iterable[TmxUnit], source_language: str, target_language: str
) -> Iterator[Unit]:
    """Yield a ``Unit`` per translation unit holding both languages.

    Units without the target or with an empty source are left out.

    A language is found by its exact code, else (except Chinese, whose
    scripts must not mix) by its primary subtag: ``en`` matches the first
    ``en-US`` or ``en-GB`` variant and ``en-US`` matches ``en``. A Chinese
    script matches a bare ``zh`` variant when the unit has none in that
    script: its text is to be measured by the caller (``zh`` names no
    script). The status
    comes from ``<prop type="x-status">`` (``translated`` when missing or
    unknown; ``untranslated`` for an empty target); the key from
    ``<prop type="x-key">``, else the ``tuid``.
    """
    source_code = normalise(source_language)
    target_code = normalise(target_language)
    for tu in tus:
        source = _variant(tu.variants, source_code)
        target = _variant(tu.variants, target_code)
        if not source or target is None:
            continue
        status = tu.props.get("x-status", "")
        if status not in STATUSES or status == "untranslated":
            status = "translated"
        yield Unit(
            key=tu.props.get("x-key") or tu.tuid,
            source=source,
            target=target,
            status=status if target else "untranslated",
            notes=list(tu.notes),
            created_at=tu.created_at,
            changed_at=tu.changed_at,
            created_by=tu.created_by,
            changed_by=tu.changed_by,
            line=tu.line,
            codes=tu.codes,
        )


def _events(
    parser: etree.XMLPullParser, stream: BinaryIO
) -> Iterator[tuple[str, etree._Element]]:
    """Yield the parser's events, refusing entity declarations in the prolog."""
    in_prolog, seen, tail = True, False, b""
    while chunk := stream.read(CHUNK):
        seen = True
        if in_prolog:
            window = tail + chunk
            if any(mark in window for mark in _ENTITY):
                raise _entities_refused()
            tail = window[-_OVERLAP:]
        try:
            parser.feed(chunk)
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(exc) from exc
        for event in parser.read_events():
            in_prolog = False
            yield event
    if not seen:
        raise FormatError(gettext_noop("the file is empty"))
    try:
        root = parser.close()
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc) from exc
    for event in parser.read_events():
        in_prolog = False
        yield event
    if in_prolog:  # no tmx or tu element anywhere
        _check_root(root)


def _check_root(element: etree._Element) -> None:
    root = element.getroottree().getroot()
    if element is not root or etree.QName(root).localname != "tmx":
        raise FormatError(
            gettext_noop("this is not a TMX file: its root element is <%(root)s>"),
            root=etree.QName(root).localname,
        )
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise _entities_refused()


def _entities_refused() -> FormatError:
    return FormatError(
        gettext_noop("the file declares XML entities, which are refused")
    )


def _syntax_error(exc: etree.XMLSyntaxError) -> FormatError:
    error = _POSITION.sub("", exc.msg or str(exc)).strip()
    if not exc.lineno:  # lxml loses some errors of entity references
        return FormatError(
            gettext_noop("the XML is not well-formed: %(error)s"), error=error
        )
    return FormatError(
        gettext_noop("line %(line)s: the XML is not well-formed: %(error)s"),
        line=exc.lineno,
        error=error,
    )


def _read_tu(element: etree._Element, number: int) -> TmxUnit:
    tuid = element.get("tuid", "")
    entity = next(element.iter(etree.Entity), None)
    if entity is not None:  # undeclared, from a DTD that is never loaded
        raise FormatError(
            gettext_noop("line %(line)s: the entity %(entity)s is refused"),
            line=entity.sourceline or element.sourceline,
            entity=entity.text,
        )
    tuvs: list[Tuv] = []
    notes: list[Note] = []
    props: list[Prop] = []
    numbering = TuCodes()
    for child in element:
        tag = _local(child)
        if tag == "tuv":
            code = (child.get(XML_LANG) or child.get("lang") or "").strip()
            if not code:
                raise FormatError(
                    gettext_noop(
                        "line %(line)s: tu %(tu)s has a tuv without a language"
                    ),
                    line=child.sourceline or element.sourceline,
                    tu=tuid or "#%d" % number,
                )
            tuvs.append(_read_tuv(child, code, numbering))
        elif tag == "prop":
            props.append(_prop(child))
        elif tag == "note":
            notes.append(_note(child))
    created_at, created_by = _stamp(element, "creationdate", "creationid", min)
    changed_at, changed_by = _stamp(element, "changedate", "changeid", max)
    return TmxUnit(
        tuvs=tuvs,
        tu_notes=notes,
        tu_props=props,
        attributes=dict(element.attrib),
        tuid=tuid,
        created_at=created_at,
        changed_at=changed_at,
        created_by=created_by,
        changed_by=changed_by,
        line=element.sourceline or 0,
        codes=numbering.codes,
        codes_markup_differing=numbering.markup_differing,
    )


def _read_tuv(tuv: etree._Element, code: str, numbering: TuCodes) -> Tuv:
    notes: list[Note] = []
    props: list[Prop] = []
    text = ""
    for child in tuv:
        tag = child.tag
        if tag != "seg" and tag != "note" and tag != "prop":
            tag = _local(child)  # namespaced, a comment or an instruction
        if tag == "seg":
            text = numbering.text(child)
        elif tag == "note":
            notes.append(_note(child))
        elif tag == "prop":
            props.append(_prop(child))
    attributes = {}
    if len(tuv.attrib) > 1:  # more than its language
        attributes = {
            name: value
            for name, value in tuv.attrib.items()
            if name != XML_LANG and name != "lang"
        }
    return Tuv(_tag(code), text, notes, props, attributes)


def _read_header(element: etree._Element, header: TmxHeader) -> None:
    header.attributes = dict(element.attrib)
    for child in element:
        tag = _local(child)
        if tag == "note":
            header.notes.append(_note(child))
        elif tag == "prop":
            header.props.append(_prop(child))
        elif tag == "ude":
            header.udes += 1
    element.clear()


def _local(element: etree._Element) -> str:
    """The local name of an element; "" for a comment or processing instruction."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2] if tag[0] == "{" else tag


def _note(element: etree._Element) -> Note:
    return Note(
        element.text or "",
        lang=element.get(XML_LANG) or element.get("lang") or "",
        encoding=element.get("o-encoding", ""),
    )


def _prop(element: etree._Element) -> Prop:
    return Prop(
        element.get("type", ""),
        element.text or "",
        lang=element.get(XML_LANG) or element.get("lang") or "",
        encoding=element.get("o-encoding", ""),
    )


@functools.lru_cache(maxsize=256)
def _tag(code: str) -> str:
    """A variant's code in canonical case, every subtag kept; else as written."""
    try:
        return variant(code)
    except UnknownLanguage:
        return code


def _stamp(
    tu: etree._Element, date: str, who: str, pick: Callable[..., _Stamp]
) -> _Stamp:
    when = _date(tu.get(date))
    if when is not None:
        return when, tu.get(who, "")
    found = [
        (when, tuv.get(who, ""))
        for tuv in tu.iterchildren("{*}tuv")
        if (when := _date(tuv.get(date))) is not None
    ]
    return pick(found) if found else (None, tu.get(who, ""))


@functools.lru_cache(maxsize=1024)  # exports often stamp many units alike
def _date(value: str | None) -> datetime | None:
    match = _DATE.fullmatch((value or "").strip())
    if match is None:
        return None
    try:
        return datetime(*map(int, match.groups()), tzinfo=UTC)
    except ValueError:
        return None


def _variant(variants: dict[str, str], code: str) -> str | None:
    if code in variants:
        return variants[code]
    primary = code.split("-")[0]
    if primary == "zh":
        # A bare zh names no script: the caller measures the text's.
        return variants.get(BARE_CHINESE)
    for other, text in variants.items():
        if other.split("-")[0] == primary:
            return text
    return None
