"""Read XLIFF 2.0 and 1.x (1.0, 1.1, 1.2) into a ``Catalogue``.

The state mapping is in ``write.py`` beside this module. Reading rules:

- Outside input is parsed with entities, DTD loading, network access and huge
  trees off. A file that declares entities (``<!ENTITY`` in UTF-8, UTF-16 or
  UTF-32, or in the parsed internal subset) is refused, as are empty files,
  files that do not start with ``<``, XML errors (``line N: ...``) and roots
  other than ``<xliff>`` in the 2.0, 1.2, 1.1 or (no namespace) 1.0 form.
- Keys are the 2.0 ``<unit id>`` (ids written by ``escape_key`` are turned
  back into keys; another tool's id of that form, ``_`` then letters, digits
  and ``_<hex>_``, would be too) and the 1.x ``<trans-unit id>``; a 1.x
  ``resname`` goes in ``Unit.context``.
  A missing id, or an id used twice in one ``<file>``, is refused: ids are
  scoped per ``<file>``, as the standard says, so a package of several
  files whose ids restart in each is read whole, each unit noting the
  ``original`` (else the ``id``) of its file in ``Unit.file``.
- Units and trans-units in groups and in every ``<file>`` are read in order;
  those under ``translate="no"`` are not read, their ids listed in
  ``Catalogue.not_translatable``. ``line`` is the unit's line.
- Inline codes become code characters (``core.inline``) with what they
  stand for in ``Unit.codes``, the target's matched to the source's by
  ``id``; annotations keep their text; the indentation of pretty-printed XML
  goes unless ``xml:space="preserve"`` (``inline.py`` says how).
- A 2.0 unit with several segments becomes one unit: sources, and targets,
  are joined with "" together with the ``<ignorable>`` parts between them
  (an ignorable without target gives its source to the target), which is
  how XLIFF 2.0 keeps the spaces between sentences; where a file has no
  ignorable between two segments of a spaced script, one space goes between
  them, so words are never glued together. Targets take the place their
  ``<target order>`` gives them. Status: untranslated if no segment has
  target text, draft if some segment is untranslated or draft, else the
  lowest of the others.
- Notes: 2.0 ``<note category="comment">`` -> comments, ``"reference"`` ->
  references, any other -> notes; 1.x ``<note from="comment">`` ->
  comments, ``from="reference"`` -> references (as ``write12.py`` writes
  them), any other ``<note>`` -> notes. File notes (2.0 ``<file><notes>``,
  1.x ``<header><note>``) and group notes are not units' notes: where each
  is goes in ``Catalogue.file_notes`` and ``group_notes``, for the caller to
  count. A 1.2 ``<alt-trans>``'s target goes in ``Unit.alt_trans``.
- Languages are normalised (``zh-CN`` -> ``zh-Hans``); a missing target
  language is "". The catalogue's document is the digits of a 2.0 ``<file
  id="d<digits>">``, or of the 1.2 ``product-name="d<digits>"`` of a first
  ``<file>`` whose ``tool-id`` is the workbench's, else ""; its title is the
  first file's ``original``.
"""

import codecs
import re
import unicodedata

from django.utils.translation import gettext_noop

from lxml import etree

from core.inline import plain
from core.languages import UnknownLanguage, normalise
from formats import FormatError
from formats.bilingual.units import Catalogue, Unit
from formats.bilingual.xliff.inline import InlineReader, original_data

__all__ = ["NS12", "TOOL_ID", "parse", "strip_forbidden", "unescape_key"]

NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS1 = {NS12, "urn:oasis:names:tc:xliff:document:1.1"}
TOOL_ID = "translation-workbench"  # the 1.2 writer's <file tool-id>
XML_NS = "http://www.w3.org/XML/1998/namespace"

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ENTITY = "<!ENTITY"
_ENTITY_FORMS = tuple(
    _ENTITY.encode(codec)
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ESCAPED_ID = re.compile(r"_(?:[A-Za-z0-9.\-]|_(?:0|[1-9a-f][0-9a-f]{0,5})_)*")
_ESCAPE = re.compile(r"_([0-9a-f]+)_")
_PLAIN_CHAR = re.compile(r"[A-Za-z0-9.\-]")
_POSITION = re.compile(r", line \d+, column \d+$")
_VERSION_1 = re.compile(r"1\.\d")
_DOCUMENT_ID = re.compile(r"d(\d+)")
_RANK = {"untranslated": 0, "draft": 1, "translated": 2, "approved": 3}
_NOTE_FIELDS_1 = {"comment": "comments", "reference": "references"}
_STATUS_20 = {
    None: "translated",
    "initial": "draft",
    "translated": "translated",
    "reviewed": "approved",
    "final": "approved",
}


def parse(data: bytes) -> Catalogue:
    """Return the units of an XLIFF 2.0 or 1.x file; raise ``FormatError``."""
    root = _load(data)
    namespace, name = etree.QName(root).namespace, etree.QName(root).localname
    if name != "xliff":
        raise FormatError(
            gettext_noop("the file is not XLIFF: its root element is <%(element)s>"),
            element=name,
        )
    if namespace == NS20:
        return _parse_20(root)
    if namespace in NS1 or (
        namespace is None and _VERSION_1.match(root.get("version", ""))
    ):
        return _parse_1(root, namespace)
    raise FormatError(
        gettext_noop(
            "the XLIFF version %(version)s (namespace %(namespace)s) is not read;"
            " use XLIFF 2.0 or 1.2"
        ),
        version=root.get("version", "?"),
        namespace=namespace or "-",
    )


def strip_forbidden(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 does not allow."""
    return _FORBIDDEN.sub("", text) if _FORBIDDEN.search(text) else text


def unescape_key(unit_id: str) -> str:
    """Return the key ``escape_key`` wrote as ``unit_id``; other ids unchanged."""
    if not _ESCAPED_ID.fullmatch(unit_id):
        return unit_id
    codes = [int(code, 16) for code in _ESCAPE.findall(unit_id[1:])]
    if any(code > 0x10FFFF or _PLAIN_CHAR.fullmatch(chr(code)) for code in codes):
        return unit_id  # not something escape_key writes
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), unit_id[1:])


def _load(data: bytes) -> etree._Element:
    """Parse ``data`` safely and return the root element."""
    head = _head(data)
    if not head.strip():
        raise FormatError(gettext_noop("the file is empty"))
    if not head.lstrip().startswith("<"):
        raise FormatError(gettext_noop("the file is not XML"))
    if any(form in data for form in _ENTITY_FORMS):
        raise FormatError(
            gettext_noop("the file declares XML entities, which are refused")
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FormatError(
            gettext_noop("line %(line)s: %(error)s"),
            line=exc.lineno or 1,
            error=_POSITION.sub("", exc.msg or "not well-formed XML"),
        ) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise FormatError(
            gettext_noop("the file declares XML entities, which are refused")
        )
    return root


def _head(data: bytes) -> str:
    """Return the first characters of ``data``, decoded well enough to sniff."""
    codec = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, codec = data[len(bom) :], name
            break
    else:
        if data[:2] == b"<\x00":
            codec = "utf-16-le"
        elif data[:2] == b"\x00<":
            codec = "utf-16-be"
    return data[:4096].decode(codec, errors="replace")


def _parse_20(root: etree._Element) -> Catalogue:
    """Read an XLIFF 2.0 document."""
    files = root.findall(_q20("file"))
    catalogue = Catalogue(
        source_language=_language(root, "srcLang"),
        target_language=_language(root, "trgLang"),
        title=files[0].get("original", "") if files else "",
    )
    match = _DOCUMENT_ID.fullmatch(files[0].get("id", "")) if files else None
    catalogue.document = match.group(1) if match else ""
    notes = f"{_q20('notes')}/{_q20('note')}"
    for file in files:
        _where_notes(catalogue, file, file.iterfind(notes), _q20("group"), notes)
    for file, element in _units(files, _q20("unit")):
        if not _translatable(element):
            catalogue.not_translatable.append(unescape_key(_required_id(element)))
            continue
        key = unescape_key(_required_id(element))
        reader = InlineReader(NS20, original_data(element))
        parts = list(element.iterchildren(_q20("segment"), _q20("ignorable")))
        # all sources first: a target may hold a code another segment's source has
        sources = [reader.source(part.find(_q20("source"))) for part in parts]
        targets: list[tuple[int, str]] = []
        statuses: list[str] = []
        for position, (part, source) in enumerate(zip(parts, sources, strict=True), 1):
            target_element = part.find(_q20("target"))
            target = reader.target(target_element)
            order = _order(target_element, position)
            if part.tag == _q20("ignorable"):
                targets.append((order, source if target_element is None else target))
                continue
            targets.append((order, target))
            state = part.get("state")
            statuses.append(
                _STATUS_20.get(state, "draft") if target else "untranslated"
            )
        unit = Unit(
            key=key,
            source=_joined(sources),
            line=element.sourceline or 0,
            file=file,
            codes=reader.codes,
        )
        unit.status = _combine(statuses)
        if unit.status != "untranslated":
            unit.target = _joined([text for _order, text in sorted(targets)])
        for note in element.iterfind(f"{_q20('notes')}/{_q20('note')}"):
            text = "".join(note.itertext())
            category = note.get("category")
            if text and category == "comment":
                unit.comments.append(text)
            elif text and category == "reference":
                unit.references.append(text)
            elif text:
                unit.notes.append(text)
        catalogue.units.append(unit)
    _refuse_duplicates(catalogue)
    return catalogue


def _parse_1(root: etree._Element, namespace: str | None) -> Catalogue:
    """Read an XLIFF 1.x document (1.2, 1.1, or 1.0 without namespace)."""

    def q(name: str) -> str:
        return f"{{{namespace}}}{name}" if namespace else name

    files = root.findall(q("file"))
    catalogue = Catalogue(source_language="", target_language="")
    if files:
        catalogue.title = files[0].get("original", "")
        if files[0].get("tool-id") == TOOL_ID:  # the workbench's own export
            match = _DOCUMENT_ID.fullmatch(files[0].get("product-name", ""))
            catalogue.document = match.group(1) if match else ""
    for file in files:
        for attribute, field in (
            ("source-language", "source_language"),
            ("target-language", "target_language"),
        ):
            code, known = _language(file, attribute), getattr(catalogue, field)
            if code and known and code != known:
                raise FormatError(
                    gettext_noop(
                        "line %(line)s: this <file> is in %(code)s, an earlier"
                        " one in %(other)s; one language pair per file"
                    ),
                    line=file.sourceline,
                    code=code,
                    other=known,
                )
            setattr(catalogue, field, code or known)
    for file in files:
        header_notes = file.iterfind(f"{q('header')}/{q('note')}")
        _where_notes(catalogue, file, header_notes, q("group"), q("note"))
    for file, element in _units(files, q("trans-unit")):
        if not _translatable(element):
            catalogue.not_translatable.append(_required_id(element))
            continue
        reader = InlineReader(namespace)
        unit = Unit(
            key=_required_id(element),
            source=reader.source(element.find(q("source"))),
            line=element.sourceline or 0,
            file=file,
            context=element.get("resname", ""),
        )
        for alternative in element.iterchildren(q("alt-trans")):
            text = _text(alternative.find(q("target")))
            if text:
                unit.alt_trans.append(text)
        target_element = element.find(q("target"))
        target = reader.target(target_element)
        unit.codes = reader.codes
        if target:
            unit.target = target
            unit.status = _status_1(
                None if target_element is None else target_element.get("state"),
                element.get("approved") == "yes",
            )
        for note in element.iterchildren(q("note")):
            text = _text(note)
            field = _NOTE_FIELDS_1.get(note.get("from", ""), "notes")
            if text:
                getattr(unit, field).append(text)
        catalogue.units.append(unit)
    _refuse_duplicates(catalogue)
    return catalogue


def _status_1(state: str | None, approved: bool) -> str:
    """Return the status of a 1.x target that has text."""
    if state in ("signed-off", "final"):
        return "approved"
    if state in (None, "translated"):
        return "approved" if approved else "translated"
    return "draft"


def _combine(statuses: list[str]) -> str:
    """Return one status for a unit from its segments' statuses."""
    if all(status == "untranslated" for status in statuses):
        return "untranslated"
    return max("draft", min(statuses, key=_RANK.__getitem__), key=_RANK.__getitem__)


def _text(element: etree._Element | None) -> str:
    """Return all the text of a note."""
    return "" if element is None else "".join(element.itertext())


def _translatable(element: etree._Element) -> bool:
    """Return False if ``element`` or its nearest ancestor says translate="no"."""
    for node in (element, *element.iterancestors()):
        value = node.get("translate")
        if value is not None:
            return value != "no"
    return True


def _required_id(element: etree._Element) -> str:
    """Return the ``id`` of a unit or raise ``FormatError``."""
    unit_id = element.get("id", "")
    if not unit_id:
        raise FormatError(
            gettext_noop("line %(line)s: the unit has no id"), line=element.sourceline
        )
    return unit_id


def _order(target: etree._Element | None, position: int) -> int:
    """Where a target goes among its unit's targets: its ``order``, else in place."""
    value = target.get("order", "") if target is not None else ""
    return int(value) if value.isdigit() else position


def _joined(pieces: list[str]) -> str:
    """Join segment texts; never glue two words of a spaced script together.

    Ignorables carry the spaces between segments. Where a tool left none
    out, a space goes between two segments whose meeting characters are
    neither spaces nor of a script written without them (CJK, fullwidth).
    """
    text = ""
    for piece in pieces:
        before, after = plain(text), plain(piece)  # the characters, codes aside
        if (
            before
            and after
            and not before[-1].isspace()
            and not after[0].isspace()
            and not _unspaced(before[-1])
            and not _unspaced(after[0])
        ):
            text += " "
        text += piece
    return text


def _unspaced(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")


def _units(files: list, tag: str):
    """Yield (file name, unit element) for every unit, file by file, in order."""
    names = _file_names(files)
    for file in files:
        for element in file.iter(tag):
            yield names[id(file)], element


def _file_names(files: list) -> dict[int, str]:
    """What each file goes by in a package of several ("" for a single file).

    Its ``original``, else its ``id``, else its position; a name two files
    share gets the file's position after it.
    """
    if len(files) < 2:
        return {id(file): "" for file in files}
    names = [f.get("original") or f.get("id") or str(n) for n, f in enumerate(files, 1)]
    return {
        id(file): name if names.count(name) == 1 else "%s (%d)" % (name, number)
        for number, (file, name) in enumerate(zip(files, names, strict=True), 1)
    }


def _where_notes(
    catalogue: Catalogue, file: etree._Element, file_notes, group_tag: str, notes: str
) -> None:
    """List where each file note and group note is, one entry a note."""
    name = file.get("original") or file.get("id") or "line %d" % file.sourceline
    catalogue.file_notes.extend(name for note in file_notes if _text(note))
    for group in file.iter(group_tag):
        where = group.get("id") or "line %d" % group.sourceline
        catalogue.group_notes.extend(
            where for note in group.iterfind(notes) if _text(note)
        )


def _refuse_duplicates(catalogue: Catalogue) -> None:
    """Raise ``FormatError`` if two units of one file share a key."""
    seen: set[tuple[str, str]] = set()
    for unit in catalogue.units:
        if (unit.file, unit.key) in seen:
            raise FormatError(
                gettext_noop("line %(line)s: the unit id %(key)s is used twice"),
                line=unit.line,
                key=unit.key,
            )
        seen.add((unit.file, unit.key))


def _language(element: etree._Element, attribute: str) -> str:
    """Return the normalised language code in ``attribute``, or "".

    A bare ``zh`` stays ``zh``: only the text can tell its script.
    """
    code = (element.get(attribute) or "").strip()
    if not code:
        return ""
    try:
        return normalise(code, bare_chinese=True)
    except UnknownLanguage:
        raise FormatError(
            gettext_noop("line %(line)s: %(code)s is not a language code"),
            line=element.sourceline,
            code=code,
        ) from None


def _q20(name: str) -> str:
    """Return ``name`` in the XLIFF 2.0 namespace."""
    return f"{{{NS20}}}{name}"
