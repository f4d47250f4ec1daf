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
from formats.glossary.tbx.read import TBX_NAMESPACE
from formats.glossary.units import ConceptUnit, TermUnit, clean_text

__all__ = ["write"]

_PLAIN_ID = re.compile(r"[A-Za-z][A-Za-z0-9._-]*\Z")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9.-]")
_STATUS = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
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
    if clean_text(concept.domain):
        out.append(
            _element(8, "descrip", clean_text(concept.domain), type="subjectField")
        )
    described = [("descrip", concept.definitions), ("note", concept.notes)]
    for tag, texts in described:
        for language, text in texts.items():
            if language not in by_language and clean_text(text):
                out.append(_element(8, tag, clean_text(text), lang=language))
    for language, terms in by_language.items():
        out.append('        <langSec xml:lang="%s">\n' % _escape(language))
        for tag, texts in described:
            if clean_text(texts.get(language, "")):
                out.append(_element(10, tag, clean_text(texts[language])))
        out.extend(_term_xml(term) for term in terms)
        out.append("        </langSec>\n")
    out.append("      </conceptEntry>\n")
    return "".join(out)


def _term_xml(term: TermUnit) -> str:
    """Return the termSec of one term, with its status and marker notes."""
    out = ["          <termSec>\n", _element(12, "term", clean_text(term.text))]
    status = _STATUS.get(term.usage, _STATUS["preferred"])
    out.append(_element(12, "termNote", status, type="administrativeStatus"))
    if term.usage == "forbidden":
        out.append(_element(12, "note", "x-usage: forbidden"))
    if term.approval:
        out.append(_element(12, "note", "x-approval: " + term.approval))
    if term.case_sensitive:
        out.append(_element(12, "note", "x-case-sensitive: yes"))
    out.append("          </termSec>\n")
    return "".join(out)
