"""Write TBX-Basic v3 glossaries, streamed.

TBX-Basic v3, DCA style, streamed in chunks of about 64 KB; the
output validates against LTAC's ``TBXcoreStructV03_TBX-Basic_integrated.rng``
and ``TBX-Basic_DCA.sch``. Texts go through ``clean_text`` (XML-forbidden
characters dropped). One langSec per language in order of first appearance;
a definition or note goes into its language's langSec, or on the
conceptEntry with ``xml:lang`` if the concept has no term in it. Concepts
without terms are skipped. TBX-Basic has no data category for approval,
case or forbidden terms, so the termSec carries ``<note>`` markers, which
the reader takes back and never reads as note text:

- forbidden: ``deprecatedTerm-admn-sts`` and ``<note>x-usage: forbidden</note>``
  (plain TBX tools still see a deprecated term);
- approval: ``<note>x-approval: proposed|approved|rejected</note>``, none
  for ``None``;
- case-sensitive: ``<note>x-case-sensitive: yes</note>``.

A term whose file gave it no status (``USAGE_NOT_STATED`` in its ``extra``)
is written without one while its usage is still the default; every other
term states its usage. A note the reader found on the concept itself (kept
in the concept's ``extra`` with its language) is written back there, not in
its language's section, as long as it is still one of that language's
notes (a note changed since is written in the section as it now is).

The data categories kept in ``extra`` are written where they came from:
the concept's and each language section's after their definitions and
notes, a term's termNotes right after its status and the rest after them
(the order TBX requires). A definition or subject field that a kept
``descripGrp`` holds is written once, in its group. A ``target`` that is no
web address pointed at an id of the source file and is left out. A
``date`` is written ``YYYY-MM-DD`` (one stored otherwise before the reader
made dates dates is cut to its day, or left out if it is none).

Identifiers must become unique XML IDs. One matching
``[A-Za-z][A-Za-z0-9._-]*`` is written as it is the first time; any other,
or a repeat, is written ``_`` + itself with characters outside
``[A-Za-z0-9.-]`` escaped as ``_xHHHH_`` (``123`` -> ``_123``, ``a b`` ->
``_a_x0020_b``), plus ``__N`` if still taken (empty ones: ``___1``...). The
reader decodes ids of that form, so ``parse(write(x)) == x`` whenever x's
terms are grouped by language and its texts are clean.
"""

import re
from collections.abc import Iterable, Iterator

from core.languages import normalise
from formats.glossary.tbx.categories import STATUS_OF_USAGE, read_date
from formats.glossary.tbx.read import TBX_NAMESPACE
from formats.glossary.units import (
    USAGE_NOT_STATED,
    ConceptUnit,
    TermUnit,
    clean_text,
    usage_from_text,
)

__all__ = ["write"]

_WEB_ADDRESS = re.compile(r"https?://.")
_PLAIN_ID = re.compile(r"[A-Za-z][A-Za-z0-9._-]*\Z")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9.-]")
_SCHEMAS = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<?xml-model href="{_SCHEMAS}TBXcoreStructV03_TBX-Basic_integrated.rng" '
    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    f'<?xml-model href="{_SCHEMAS}TBX-Basic_DCA.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
    '<tbx type="TBX-Basic" style="dca" xml:lang="%s" xmlns="' + TBX_NAMESPACE + '">\n'
    "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n"
    "        <p>Exported from the translation workbench</p>\n"
    "      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n  <text>\n    <body>\n"
)
_TAIL = "    </body>\n  </text>\n</tbx>\n"
_CHUNK = 64 * 1024


def _encode_id(identifier: str, used: set[str]) -> str:
    """Return a unique XML ID for ``identifier`` and add it to ``used``."""
    if _PLAIN_ID.match(identifier) and identifier not in used:
        xml_id = identifier
    else:
        escaped = "_" + _ID_UNSAFE.sub(lambda m: "_x%04x_" % ord(m.group()), identifier)
        xml_id, number = escaped, 1
        while xml_id == "_" or xml_id in used:
            xml_id = "%s__%d" % (escaped, number)
            number += 1
    used.add(xml_id)
    return xml_id


def write(
    concepts: Iterable[ConceptUnit], *, source_language: str = "en"
) -> Iterator[bytes]:
    """Yield a TBX-Basic v3 file of ``concepts`` in chunks of about 64 KB.

    Concepts without a term are skipped. With none left the body is empty,
    which TBX's schema does not allow (it wants one conceptEntry at least).
    """
    chunk = [_HEAD % _escape(normalise(source_language))]
    size = len(chunk[0])
    used: set[str] = set()
    for concept in concepts:
        xml = _concept_xml(concept, used)
        chunk.append(xml)
        size += len(xml)
        if size >= _CHUNK:
            yield "".join(chunk).encode("utf-8")
            chunk, size = [], 0
    chunk.append(_TAIL)
    yield "".join(chunk).encode("utf-8")


def _escape(text: str) -> str:
    """Escape clean text for XML content and double-quoted attributes."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;")


def _element(indent: int, name: str, text: str, **attributes: str) -> str:
    """Return one element on its own line; ``lang`` stands for ``xml:lang``.

    A ``descrip`` without a type is a definition.
    """
    if name == "descrip":
        attributes = {"type": "definition", **attributes}
    attrs = "".join(
        ' %s="%s"' % ("xml:lang" if key == "lang" else key, _escape(value))
        for key, value in attributes.items()
    )
    return "%s<%s%s>%s</%s>\n" % (" " * indent, name, attrs, _escape(text), name)


def _concept_xml(concept: ConceptUnit, used: set[str]) -> str:
    """Return the conceptEntry of one concept, or "" if it has no term."""
    by_language: dict[str, list[TermUnit]] = {}
    for term in concept.terms:
        if clean_text(term.text):
            by_language.setdefault(term.language, []).append(term)
    if not by_language:
        return ""
    xml_id = _encode_id(clean_text(concept.identifier), used)
    out = ['      <conceptEntry id="%s">\n' % xml_id]
    grouped = _grouped_texts(concept.extra)
    domain = clean_text(concept.domain)
    if domain and ("subjectField", domain) not in grouped:
        out.append(_element(8, "descrip", domain, type="subjectField"))
    described = [("descrip", concept.definitions), ("note", concept.notes)]
    for tag, texts in described:
        for language, text in texts.items():
            if language not in by_language and clean_text(text):
                out.append(_element(8, tag, clean_text(text), lang=language))
    placed: dict[str, list[str]] = {}  # language -> notes written on the concept
    for node in concept.extra:
        if node.get("lang") or not node.get("tag"):
            continue
        if node["tag"] == "note" and "children" not in node:
            language = node.get("attrs", {}).get("xml:lang", "")
            text = clean_text(node.get("text", ""))
            here = placed.setdefault(language, [])
            if text in here or text not in _parts(concept.notes.get(language, "")):
                continue  # the note has been changed since, or is there twice
            here.append(text)
        out.append(_node_xml(node, 8))
    for language, terms in by_language.items():
        out.append('        <langSec xml:lang="%s">\n' % _escape(language))
        for tag, texts in described:
            text = clean_text(texts.get(language, ""))
            if tag == "note" and placed.get(language):
                rest = [p for p in _parts(text) if p not in placed[language]]
                text = "; ".join(rest)
            if text and not (tag == "descrip" and ("definition", text) in grouped):
                out.append(_element(10, tag, text))
        out.extend(
            _node_xml(node, 10)
            for node in concept.extra
            if node.get("lang") == language
        )
        out.extend(_term_xml(term) for term in terms)
        out.append("        </langSec>\n")
    out.append("      </conceptEntry>\n")
    return "".join(out)


def _parts(text: str) -> list[str]:
    """Return the notes that the reader joined with ``"; "`` into ``text``."""
    return [part for part in clean_text(text).split("; ") if part]


def _grouped_texts(extra: list[dict]) -> set[tuple[str, str]]:
    """Return (category, text) of the descrips that descripGrps in ``extra`` hold.

    The reader files such a definition or subject field under the concept's
    own fields too; written once, in its group.
    """
    return {
        (child.get("type", ""), clean_text(child.get("text", "")))
        for node in extra
        if node.get("tag") == "descripGrp"
        for child in node.get("children", ())[:1]
    }


def _node_xml(node: dict, indent: int) -> str:
    """Return a data category kept by the reader (``TermUnit.extra``) as XML.

    A ``target`` that is no web address pointed at an id of the file it came
    from, which this file does not have: it is left out (the text stays).
    """
    if node["tag"] == "date":  # stored before dates were read as dates
        day = read_date(node.get("text", ""))[0]
        if day is None:
            return ""
        node = {**node, "text": day}
    attributes = {"type": node["type"]} if node.get("type") else {}
    for name, value in node.get("attrs", {}).items():
        if name == "target" and not _WEB_ADDRESS.match(value):
            continue
        attributes["lang" if name == "xml:lang" else name] = value
    if "children" not in node:
        return _element(
            indent, node["tag"], clean_text(node.get("text", "")), **attributes
        )
    attrs = "".join(
        ' %s="%s"' % ("xml:lang" if key == "lang" else key, _escape(value))
        for key, value in attributes.items()
    )
    inner = "".join(_node_xml(child, indent + 2) for child in node["children"])
    return "%s<%s%s>\n%s%s</%s>\n" % (
        " " * indent,
        node["tag"],
        attrs,
        inner,
        " " * indent,
        node["tag"],
    )


def _term_xml(term: TermUnit) -> str:
    """Return the termSec of one term, with its status and marker notes."""
    out = ["          <termSec>\n", _element(12, "term", clean_text(term.text))]
    extra = [node for node in term.extra if node.get("tag")]
    kept = [
        node
        for node in extra
        if node.get("type") == "administrativeStatus" and node.get("tag") == "termNote"
    ]
    unstated = USAGE_NOT_STATED in term.extra and term.usage == "preferred" and not kept
    if not unstated and (
        not kept or usage_from_text(kept[0].get("text", "")) != term.usage
    ):
        # No status kept as read (supersededTerm), or the usage changed since:
        # the usage's own status. None if the file it came from gave none.
        status = STATUS_OF_USAGE.get(term.usage, STATUS_OF_USAGE["preferred"])
        out.append(_element(12, "termNote", status, type="administrativeStatus"))
        kept = []
    notes = [
        node
        for node in extra
        if node.get("tag") == "termNote"
        and (node.get("type") != "administrativeStatus" or kept)
    ]
    out.extend(_node_xml(node, 12) for node in notes)
    others = [node for node in extra if node.get("tag") != "termNote"]
    out.extend(_node_xml(node, 12) for node in others)
    if term.usage == "forbidden":
        out.append(_element(12, "note", "x-usage: forbidden"))
    if term.approval:
        out.append(_element(12, "note", "x-approval: " + term.approval))
    if term.case_sensitive:
        out.append(_element(12, "note", "x-case-sensitive: yes"))
    out.append("          </termSec>\n")
    return "".join(out)
