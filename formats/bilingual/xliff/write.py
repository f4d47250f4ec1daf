"""Write XLIFF 2.0 for other CAT tools; ``read.py`` beside it reads 2.0 and 1.x.

``write`` streams one XLIFF 2.0 document (``lxml.etree.xmlfile``, constant
memory) that validates against the OASIS core schema.

Written (one ``<file id="d<document id>">``, one ``<unit>`` and one
``<segment>`` per unit)::

    status        <segment state>  <target>
    untranslated  initial          none (a target text, if any, is dropped)
    draft         initial          yes
    rejected      initial          yes   (read back as draft)
    translated    translated       yes
    approved      final            yes

A unit whose target is empty is written as ``initial`` without ``<target>``
whatever its status. Inline codes (``Unit.codes``) are written as 2.0 codes
with their native markup in the unit's ``<originalData>`` (``inline.py``).
Units read from a package of several files (``Unit.file``) go back into a
``<file original=…>`` each, in order (ids ``d<document>.<n>``). Notes go to
``<notes>`` as ``<note category="note">``, comments as
``category="comment"``, references as ``category="reference"``.
Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone
surrogates, U+FFFE, U+FFFF) are removed from every text. Unit ids are the
keys when a key is only ASCII letters, digits, ``.`` and ``-`` (all workbench
keys, ``a1b2c3d4e5f6.2``); any other key is written as ``_`` followed by the
key with every other character as ``_<hex code point>_`` (``a b`` ->
``_a_20_b``, the empty key -> ``_``). Plain ids never start with ``_``, so
distinct keys give distinct ids, and the reader turns such ids back into
keys. The writer keeps no list of ids: keys must be unique, as they are
within a document. The file id is ``d`` and the escaped document id (the
reader gives the document back only when it is digits); ``original`` is the
title, or the document id. Each unit starts a line, so that the reader's line
numbers point somewhere; a document without units gets an empty ``<group>``,
as ``<file>`` must not be empty. The root declares ``xmlns:xml`` with its
fixed URI (allowed by Namespaces in XML) so that lxml writes ``xml:space``.
translate-toolkit 3.20's ``Xliff2File`` reads the ids, texts and states, but
not the notes: it looks for ``<notes>`` inside ``<segment>``.

Read, XLIFF 2.0 (``state`` of each ``<segment>``; no target text means
untranslated whatever the state)::

    initial                   draft
    no state attribute        translated (Symfony, Weblate: a plain target)
    translated                translated
    reviewed, final           approved

XLIFF 1.x (``state`` of ``<target>``, ``approved`` of ``<trans-unit>``)::

    signed-off, final                       approved
    translated or none, approved="yes"      approved
    translated or none                      translated
    new, needs-*, x-* and any other value   draft (approved="yes" is ignored:
                                            a target marked as needing work
                                            is not taken as approved)

See ``formats.bilingual.xliff.read`` for how inline codes, several segments, notes and
unsafe input are read.
"""

import re
from collections.abc import Iterable, Iterator

from lxml import etree

from core.inline import plain
from formats.bilingual.units import Unit
from formats.bilingual.xliff.inline import WB_NS, data_entries, write_inline
from formats.bilingual.xliff.read import NS20, XML_NS, strip_forbidden

__all__ = ["escape_key", "write"]

_NSMAP = {
    None: NS20,
    "xml": XML_NS,
    "wb": WB_NS,
}  # "xml" is bound to its own URI: legal, and
# lets lxml write xml:space instead of declaring a second prefix for it.
_STATES = {
    "untranslated": "untranslated",  # written as initial, without target
    "draft": "initial",
    "rejected": "initial",
    "translated": "translated",
    "approved": "final",
}
_PLAIN_KEY = re.compile(r"[A-Za-z0-9.\-]+")
_ESCAPED_CHAR = re.compile(r"[^A-Za-z0-9.\-]")
_CHUNK_SIZE = 64 * 1024
_XLIFF, _FILE, _GROUP, _UNIT, _NOTES, _NOTE, _SEGMENT, _SOURCE, _TARGET = (
    f"{{{NS20}}}{name}"
    for name in (
        "xliff",
        "file",
        "group",
        "unit",
        "notes",
        "note",
        "segment",
        "source",
        "target",
    )
)
_PRESERVE = {f"{{{XML_NS}}}space": "preserve"}
_ORIGINAL_DATA, _DATA = f"{{{NS20}}}originalData", f"{{{NS20}}}data"


def escape_key(key: str) -> str:
    """Return the XML NMTOKEN written for ``key`` (see the module docstring)."""
    if _PLAIN_KEY.fullmatch(key):
        return key
    return "_" + _ESCAPED_CHAR.sub(lambda m: f"_{ord(m.group()):x}_", key)


def write(
    units: Iterable[Unit],
    *,
    source_language: str,
    target_language: str,
    document_id: str,
    title: str = "",
) -> Iterator[bytes]:
    """Yield an XLIFF 2.0 document holding ``units``, in chunks of about 64 kB.

    ``units`` is consumed lazily, so a queryset iterator keeps memory flat.
    Raise ``ValueError`` for a status outside ``units.STATUSES``.
    """
    buffer = _Buffer()
    root = {"version": "2.0", "srcLang": strip_forbidden(source_language)}
    if target_language:
        root["trgLang"] = strip_forbidden(target_language)
    document_id = strip_forbidden(str(document_id))
    file = {"id": "d" + escape_key(document_id) if document_id else "d"}
    original = strip_forbidden(title) or document_id
    if original:
        file["original"] = original
    with etree.xmlfile(buffer, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(_XLIFF, attrib=root, nsmap=_NSMAP):
            for attributes, group in _files(units, file):
                empty = True
                with xf.element(_FILE, attrib=attributes):
                    xf.write("\n")  # a unit a line, so line numbers mean something
                    for unit in group:
                        _write_unit(xf, unit)
                        xf.write("\n")
                        empty = False
                        if buffer.size >= _CHUNK_SIZE:
                            yield buffer.take()
                    if empty:  # a <file> needs a unit or a group
                        with xf.element(_GROUP, id="empty"):
                            pass
    yield buffer.take()


def _files(units: Iterable[Unit], first: dict[str, str]):
    """Yield (``<file>`` attributes, its units): one file per ``Unit.file``.

    Units read from a package of several files go back into a file each, in
    the order they come, named by ``original``; others share the document's.
    """
    iterator = iter(units)
    pending = next(iterator, None)
    number = 1
    while True:
        name = pending.file if pending is not None else ""
        if name:
            attributes = {"id": f"{first['id']}.{number}", "original": name}
        else:
            attributes = first

        def group(name=name):
            nonlocal pending
            while pending is not None and pending.file == name:
                yield pending
                pending = next(iterator, None)

        yield attributes, group()
        if pending is None:
            return
        number += 1


def _write_unit(xf: "etree._IncrementalFileWriter", unit: Unit) -> None:
    """Write one ``<unit>`` with its notes and its single segment."""
    try:
        state = _STATES[unit.status]
    except KeyError:
        raise ValueError(f"unit {unit.key!r} has an unknown status") from None
    target = strip_forbidden(unit.target) if state != "untranslated" else ""
    if not target:
        state = "initial"
    texts = [strip_forbidden(unit.source)] + ([target] if target else [])
    with xf.element(_UNIT, id=escape_key(unit.key)):
        if unit.notes or unit.comments or unit.references:
            _write_notes(xf, unit)
        entries = data_entries(texts, unit.codes) if unit.codes else []
        if entries:
            with xf.element(_ORIGINAL_DATA):
                for data_id, text in entries:
                    with xf.element(_DATA, id=data_id, attrib=_PRESERVE):
                        xf.write(strip_forbidden(plain(text)))
        with xf.element(_SEGMENT, state=state):
            write_inline(xf, _SOURCE, texts[0], unit.codes)
            if target:
                write_inline(xf, _TARGET, target, unit.codes)


def _write_notes(xf: "etree._IncrementalFileWriter", unit: Unit) -> None:
    """Write the ``<notes>`` of ``unit``, if it has any that is not empty."""
    notes = [
        (category, text)
        for category, texts in (
            ("note", unit.notes),
            ("comment", unit.comments),
            ("reference", unit.references),
        )
        for text in map(strip_forbidden, texts)
        if text
    ]
    if notes:
        with xf.element(_NOTES):
            for category, text in notes:
                with xf.element(_NOTE, category=category):
                    xf.write(text)


class _Buffer:
    """A file object for ``xmlfile`` that hands over what it got on request."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> None:
        """Keep ``data`` until the next ``take``."""
        self._parts.append(bytes(data))
        self.size += len(data)

    def take(self) -> bytes:
        """Return and forget everything written since the last call."""
        data = b"".join(self._parts)
        self._parts.clear()
        self.size = 0
        return data
