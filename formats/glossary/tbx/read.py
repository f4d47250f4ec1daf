"""Read TBX glossaries, v3 and 2008, into concept units.

TBX v3 (root ``tbx``: conceptEntry, langSec, termSec/term) and TBX
2008 (``martif``: termEntry, langSet, tig/term or ntig/termGrp/term), with or
without a namespace: elements are matched by local name, DCT-style elements
(``<min:administrativeStatus>``) too. A term's usage is its first status of
type ``administrativeStatus``, ``normativeAuthorization`` or ``usageStatus``
(see ``usage_from_text``; an unknown value is an error). Definitions, notes
and subject fields are read at concept and language level; a concept-level
text without ``xml:lang`` is in the file's language (``en-US`` counts as
``en`` when the concept's terms are ``en``). Term-level notes that are not
our markers go to the language's note; a term-level definition, which
TBX-Basic forbids (LTAC's ``basic_bad.tbx``), counts as the language's if it
has none. Several texts for one language, or subject fields, are joined with
``"; "``. A concept without a term is an error. (translate-toolkit's
``translate.storage.tbx`` only reads TBX 2008.)

Every other TBX-Basic data category (``categories.py``: part of speech, term
type, context, sources, subsets, cross-references, transactions, a note on a
term...) is kept as it stands in ``extra`` of the concept (with ``lang`` for
a language section's) or of the term, DCT-style elements under their DCA
names; a ``descripGrp`` holding a definition or subject field is kept whole
and its text also read as the concept's. A category outside TBX-Basic, or
one where TBX-Basic does not allow it, or with a value outside its list, is
counted by name in ``not_kept`` (``descrip:Usage note``,
``termNote:partOfSpeech=nominal``). The header and back matter are not read;
anything else in ``<text>`` (``<admin>`` outside ``<body>``) is counted as
``admin (outside any concept)``, and a second ``<term>`` in one termSec
(TBX allows one) as ``term (a second term in one termSec)``.

Transaction dates are ``xsd:date`` in TBX-Basic: ``2005-04-22T14:06:32``
and MultiTerm's ``20010507T10:57:25Z`` are read as ``2005-04-22`` and
``2001-05-07``, each time of day dropped counted as ``date:time-of-day``; a
date that cannot be read is left out of its group and counted as
``date:unreadable`` (the group stays).

What was not said is not invented: a term without a status gets the
default usage (preferred) and ``USAGE_NOT_STATED`` in its ``extra``, so that
an export does not state it either; a note directly in the conceptEntry is
the concept's note in its language and is also kept in the concept's
``extra`` (``{"tag": "note", "text", "attrs": {"xml:lang"}}``) when the
concept has terms in that language, so that the writer puts it back on the
concept rather than in the language section.

Safety. No DTD is loaded, no entity resolved, nothing fetched, and lxml's
limits stay on (``huge_tree=False``: 256 levels, 10 MB text nodes). A file
that declares entities is refused before parsing and again if its parsed DTD
has any; an undeclared entity is refused rather than dropped.

Writing is ``write.py`` beside this module; ``_decode_id`` here reverses
its identifier encoding.
"""

import re
from collections.abc import Iterator
from typing import NoReturn

from django.utils.translation import gettext_noop

from lxml import etree

from core.languages import UnknownLanguage, normalise
from formats import FormatError
from formats.glossary.tbx.categories import (
    ADMINISTRATIVE_STATUSES,
    DCT_ELEMENTS,
    STATUS_OF_USAGE,
    read_date,
)
from formats.glossary.tbx.categories import problem as problem_of
from formats.glossary.units import (
    APPROVALS,
    USAGE_NOT_STATED,
    ConceptUnit,
    TermUnit,
    clean_text,
    flag_from_text,
    usage_from_text,
)

__all__ = ["TBX_NAMESPACE", "parse"]

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization", "usageStatus")
_DCT_CATEGORIES = frozenset((*_STATUS_TYPES, "definition", "subjectField"))
_ENTITY_DECLARATIONS = tuple(
    "<!ENTITY".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_MARKER = re.compile(r"x-(usage|approval|case-sensitive):\s*(.*)", re.IGNORECASE)
_ENCODED_ID = re.compile(r"_((?:[A-Za-z0-9.-]|_x[0-9A-Fa-f]{4,6}_)*)(?:__[0-9]+)?\Z")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4,6})_")
_ERROR = etree.ErrorLevels.ERROR
_ENTITIES = gettext_noop("the file declares XML entities, which are refused")


def parse(data: bytes) -> list[ConceptUnit]:
    """Return the concepts of a TBX file; raise ``FormatError`` if bad."""
    root = _load(data)
    code = root.get(XML_LANG) or "en"
    try:
        language = normalise(code)
    except UnknownLanguage:
        raise FormatError(
            gettext_noop('unknown language code "%(code)s" on the root element'),
            code=code,
        ) from None
    entries = root.iter("{*}conceptEntry", "{*}termEntry")
    units = [_concept(entry, n, language) for n, entry in enumerate(entries, 1)]
    outside: dict[str, int] = {}
    for text in _children(root, "text"):
        for child in text:
            name = _local(child)
            if name and name not in ("body", "back"):
                key = "%s (outside any concept)" % name
                outside[key] = outside.get(key, 0) + 1
    for key, count in outside.items():  # counted once, with the first concept
        if units:
            units[0].not_kept[key] = units[0].not_kept.get(key, 0) + count
    return units


def _load(data: bytes) -> etree._Element:
    """Parse ``data`` safely and return its root, a ``tbx`` or ``martif``."""
    if not data.strip():
        raise FormatError(gettext_noop("the file is empty"))
    if any(marker in data for marker in _ENTITY_DECLARATIONS):
        raise FormatError(_ENTITIES)
    if not _starts_with_markup(data):
        raise FormatError(
            gettext_noop("the file is not XML (it does not start with <)")
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        errors = [e for e in parser.error_log if e.level >= _ERROR]
        first = errors[0] if errors else None
        raise FormatError(
            gettext_noop("line %(line)d: the XML is malformed (%(error)s)"),
            line=first.line if first else error.lineno or 1,
            error=first.message if first else error.msg,
        ) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise FormatError(_ENTITIES)
    if _local(root) not in ("tbx", "martif"):
        raise FormatError(
            gettext_noop("not a TBX file (root element %(element)s)"),
            element=_local(root),
        )
    return root


def _starts_with_markup(data: bytes) -> bool:
    """Tell whether ``data``, after any BOM and blanks, starts with ``<``."""
    head = data[:1024].replace(b"\0", b"")  # UTF-16 and UTF-32 ASCII
    return head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").startswith(b"<")


def _local(element: etree._Element) -> str:
    """Return the local name of an element ("" for an entity reference)."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _children(element: etree._Element, *names: str) -> Iterator[etree._Element]:
    """Yield the child elements whose local name is one of ``names``."""
    return (child for child in element if _local(child) in names)


def _text(element: etree._Element) -> str:
    """Return the text of an element and its descendants, entities left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag is etree.Entity:
            raise FormatError(
                gettext_noop("line %(line)d: the entity %(name)s is not declared"),
                line=child.sourceline or 0,
                name=child.text,
            )
        parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _language(code: str | None, label: str) -> str:
    """Return the normalised ``xml:lang`` ``code`` of concept ``label``."""
    if not code:
        raise FormatError(
            gettext_noop("concept %(id)s: a language section has no xml:lang"),
            id=label,
        )
    try:
        return normalise(code)
    except UnknownLanguage:
        raise FormatError(
            gettext_noop('concept %(id)s: unknown language code "%(code)s"'),
            id=label,
            code=code,
        ) from None


def _concept(entry: etree._Element, position: int, default: str) -> ConceptUnit:
    """Read one conceptEntry or termEntry."""
    label = entry.get("id") or "#%d" % position
    unit = ConceptUnit(identifier=_decode_id(entry.get("id") or ""))
    domains: list[str] = []
    sections = [
        (_language(section.get(XML_LANG), label), section)
        for section in _children(entry, "langSec", "langSet")
    ]
    primary = default.partition("-")[0]
    if all(language != default for language, _ in sections) and any(
        language == primary for language, _ in sections
    ):
        default = primary  # <tbx xml:lang="en-US"> with <langSec xml:lang="en">
    _describe(entry, unit, domains, None, default, label)
    _concept_notes(entry, unit, {language for language, _ in sections}, default)
    _keep(entry, "concept", unit, unit.extra, None)
    for language, section in sections:
        _describe(section, unit, domains, language, language, label)
        _keep(section, "lang", unit, unit.extra, language)
        for holder in _children(section, "termSec", "tig", "ntig"):
            term = _term(holder, language, unit, label)
            if term is not None:
                unit.terms.append(term)
    if not unit.terms:
        raise FormatError(gettext_noop("concept %(id)s: it has no term"), id=label)
    unit.domain = "; ".join(dict.fromkeys(domains))
    return unit


def _data(element: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """Yield (type, element) for the descrips and termNotes of an element."""
    for child in element:
        name = _local(child)
        if name in ("descrip", "termNote"):
            yield child.get("type", ""), child
        elif name in ("descripGrp", "termNoteGrp"):
            for item in _children(child, "descrip", "termNote"):
                yield item.get("type", ""), item
        elif name in _DCT_CATEGORIES:
            yield name, child  # DCT style: the element is named by its category


def _describe(
    element: etree._Element,
    unit: ConceptUnit,
    domains: list[str],
    language: str | None,
    default: str,
    label: str,
) -> None:
    """Add the definitions, notes and subject fields of a concept or langSec."""
    notes = [(None, note) for note in _children(element, "note")]
    for category, item in [*_data(element), *notes]:
        text = clean_text(_text(item))
        if not text or category not in ("definition", "subjectField", None):
            continue
        if category == "subjectField":
            domains.append(text)
            continue
        code = item.get(XML_LANG)
        lang = language or (_language(code, label) if code else default)
        _add(unit.definitions if category else unit.notes, lang, text)


def _concept_notes(
    entry: etree._Element, unit: ConceptUnit, languages: set[str], default: str
) -> None:
    """Keep where a concept's own notes stand, so they are written back there.

    ``_describe`` has filed each under its language's notes; one in a
    language the concept has terms in would be written into that language's
    section, so it is also kept in ``extra`` with its language (a note in a
    language without terms goes back on the concept anyway).
    """
    for note in _children(entry, "note"):
        text = clean_text(_text(note))
        code = note.get(XML_LANG)
        language = normalise(code) if code else default
        if text and language in languages:
            unit.extra.append(
                {"tag": "note", "text": text, "attrs": {"xml:lang": language}}
            )


def _add(texts: dict[str, str], language: str, text: str) -> None:
    """Set the text of ``language``, or join it to the one already there."""
    known = texts.get(language)
    if not known:
        texts[language] = text
    elif text not in known.split("; "):
        texts[language] = known + "; " + text


def _term(
    holder: etree._Element, language: str, unit: ConceptUnit, label: str
) -> TermUnit | None:
    """Read a termSec, tig or ntig; return None if it has no term text."""
    parts = [holder, *_children(holder, "termGrp")]
    elements = [t for part in parts for t in _children(part, "term")]
    element = elements[0] if elements else None
    text = clean_text(_text(element)) if element is not None else ""
    if not text:
        return None
    if len(elements) > 1:  # TBX allows one; the others are not read
        name = "term (a second term in one %s)" % _local(holder)
        unit.not_kept[name] = unit.not_kept.get(name, 0) + len(elements) - 1
    term = TermUnit(language, text)
    status = marked = None
    used: set = set()  # the children read into the term's own fields (kept alive)
    for part in parts:
        for category, item in _data(part):
            value = clean_text(_text(item))
            if category in _STATUS_TYPES and status is None:
                status = usage_from_text(value)
                if status is None:
                    _bad_value(label, category, value, text)
                if category != "administrativeStatus" or (
                    value not in ADMINISTRATIVE_STATUSES
                ):  # read as the usage; TBX-Basic cannot say it as it was
                    name = "termNote:%s=%s" % (category, value)
                    unit.not_kept[name] = unit.not_kept.get(name, 0) + 1
                    used.add(item)
                elif value == STATUS_OF_USAGE[status]:
                    used.add(item)
                # else (supersededTerm-admn-sts): kept as it was, in extra
            elif category == "definition" and value:
                _add(unit.definitions, language, value)  # TBX-Basic: langSec's
                used.add(item)
        for note in _children(part, "note"):
            value = clean_text(_text(note))
            marker = _MARKER.fullmatch(value)
            if marker:
                marked = _apply_marker(term, marker, label) or marked
                used.add(note)
    term.usage = marked or status or "preferred"
    for part in parts:
        _keep(part, "term", unit, term.extra, None, used)
    if not (marked or status):  # written back without a status
        term.extra.append(dict(USAGE_NOT_STATED))
    return term


#: Read into the unit's own fields, never into ``extra``.
_OWN = {
    "concept": {("descrip", "definition"), ("descrip", "subjectField"), ("note", "")},
    "lang": {("descrip", "definition"), ("descrip", "subjectField"), ("note", "")},
    "term": {("term", ""), ("termGrp", ""), ("descrip", "definition")},
}
_HOLDERS = {"langSec", "langSet", "termSec", "tig", "ntig"}


def _node(element: etree._Element) -> dict:
    """Return an element as a plain dict: tag, type, text, attrs, children."""
    tag, kind = _local(element), element.get("type", "")
    if tag in DCT_ELEMENTS:
        tag, kind = DCT_ELEMENTS[tag], tag
    node: dict = {"tag": tag}
    if kind:
        node["type"] = kind
    if tag.endswith("Grp"):
        node["children"] = [_node(child) for child in element if _local(child)]
    else:
        node["text"] = clean_text(_text(element))
    attrs = {
        name: value
        for name, value in element.attrib.items()
        if name in ("target", "datatype") or name == XML_LANG
    }
    if XML_LANG in attrs:
        attrs["xml:lang"] = attrs.pop(XML_LANG)
    if attrs:
        node["attrs"] = attrs
    return node


def _keep(
    element: etree._Element,
    level: str,
    unit: ConceptUnit,
    extra: list[dict],
    language: str | None,
    used: set | None = None,
) -> None:
    """Add the element's TBX-Basic categories to ``extra``; count the others."""
    for child in element:
        tag = _local(child)
        if not tag or tag in _HOLDERS or (used and child in used):
            continue
        node = _node(child)
        key = (node["tag"], node.get("type", ""))
        if key in _OWN[level]:
            continue
        _read_dates(node, unit)
        problem = problem_of(node, level)
        if problem:
            unit.not_kept[problem] = unit.not_kept.get(problem, 0) + 1
            continue
        if language:
            node["lang"] = language
        extra.append(node)


def _read_dates(node: dict, unit: ConceptUnit) -> None:
    """Make the dates of a group ``YYYY-MM-DD``, as TBX-Basic wants (xsd:date).

    A time of day is dropped and counted (``date:time-of-day``); a date that
    cannot be read is dropped from its group and counted (``date:unreadable``).
    """
    children = node.get("children")
    if not children:
        return
    kept = []
    for child in children:
        _read_dates(child, unit)
        if child.get("tag") == "date":
            text = child.get("text", "")
            day, timed = read_date(text)
            if day is None:
                unit.not_kept["date:unreadable"] = (
                    unit.not_kept.get("date:unreadable", 0) + 1
                )
                continue
            if timed:
                unit.not_kept["date:time-of-day"] = (
                    unit.not_kept.get("date:time-of-day", 0) + 1
                )
            if day != text:
                child = {**child, "text": day}
        kept.append(child)
    node["children"] = kept


def _apply_marker(term: TermUnit, marker: re.Match, label: str) -> str | None:
    """Apply an ``x-...:`` note to ``term``; return the usage it sets, if any."""
    name, value = marker.group(1).lower(), marker.group(2)
    if name == "usage" and usage_from_text(value):
        return usage_from_text(value)
    if name == "approval" and value.lower() in APPROVALS:
        term.approval = value.lower()
        return None
    if name == "case-sensitive" and value and flag_from_text(value) is not None:
        term.case_sensitive = bool(flag_from_text(value))
        return None
    _bad_value(label, "x-" + name, value, term.text)


def _bad_value(label: str, category: str, value: str, text: str) -> NoReturn:
    """Raise the error for an unknown status or marker value."""
    raise FormatError(
        gettext_noop('concept %(id)s: unknown %(category)s "%(value)s" of "%(term)s"'),
        id=label,
        category=category,
        value=value,
        term=text,
    )


def _decode_id(xml_id: str) -> str:
    """Return the identifier that ``_encode_id`` wrote as ``xml_id``."""
    match = _ENCODED_ID.match(xml_id)
    if not match:
        return xml_id
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), match.group(1))
