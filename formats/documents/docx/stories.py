"""Where a Word document's paragraphs are: body, headers, footers, notes.

The body is walked in order, into tables (cell by cell, nested tables
included) and content controls; then each header and footer once, in the
order the sections name them; then the footnotes and endnotes (parts
python-docx keeps as bytes: parsed here, and their bytes replaced after
writing). Comments are counted, not read.
"""

from collections import Counter
from collections.abc import Iterable

from django.utils.translation import gettext_noop

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from core.inline import plain
from formats.documents.docx.runs import Reading, read_paragraph

__all__ = ["paragraphs", "stories", "unread_parts"]

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}
_CONTAINERS |= {qn("w:footnote"), qn("w:endnote")}
#: Parts python-docx leaves as bytes whose paragraphs are translated too.
_NOTES = ("footnotes", "endnotes")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
#: Parts whose text is kept but not offered for translation: what to count.
_UNREAD = {"comments": "comment"}


def paragraphs(
    stories: list, skipped: Counter | None = None
) -> Iterable[tuple[object, str, Reading, dict]]:
    """Yield (element, style id, reading, links) per paragraph with text, in order.

    The body first (tables cell by cell), then each header and footer once,
    in the order the sections name them, then the footnotes and endnotes.
    A paragraph without text of its own is left out; the text boxes it
    holds are counted in ``skipped`` (under ``"text_boxes"``), if given.
    """
    for part_element, links, _part in stories:
        for element in _walk(part_element):
            reading = read_paragraph(element, links)
            if not plain(reading.text).strip():
                if skipped is not None:
                    skipped["text_boxes"] += reading.text_boxes
                continue
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            style_id = style.get(qn("w:val")) if style is not None else ""
            yield element, style_id, reading, links


def stories(document: Document) -> list[tuple[object, dict[str, str], object]]:
    """Return the body, every header and footer, the notes: (root, links, part).

    ``part`` is the notes' part, whose bytes must be replaced after writing
    (None for parts python-docx writes itself).
    """
    stories = [(document.element.body, _part_links(document.part), None)]
    seen: set[int] = set()
    for section in document.element.body.iter(qn("w:sectPr")):
        for reference in section:
            if reference.tag not in (qn("w:headerReference"), qn("w:footerReference")):
                continue
            part = document.part.related_parts.get(reference.get(qn("r:id")))
            if part is None or id(part) in seen or not hasattr(part, "element"):
                continue
            seen.add(id(part))
            stories.append((part.element, _part_links(part), None))
    for rel in document.part.rels.values():
        name = rel.reltype.rsplit("/", 1)[-1]
        if name in _NOTES and not rel.is_external:
            part = rel.target_part
            root = parse_xml(part.blob)
            stories.append((root, _part_links(part), part))
    return stories


def _part_links(part) -> dict[str, str]:
    """Return the external targets of a part's relationships, by id."""
    return {
        rel_id: rel.target_ref for rel_id, rel in part.rels.items() if rel.is_external
    }


def unread_parts(document: Document) -> Counter:
    """Count what the document holds that is not offered for translation."""
    counts: Counter = Counter()
    for rel in document.part.rels.values():
        name = rel.reltype.rsplit("/", 1)[-1]
        if name in _UNREAD and not rel.is_external:
            label, tag = gettext_noop("comments (kept, not translated)"), _UNREAD[name]
            root = etree.fromstring(rel.target_part.blob, _PARSER)
            counts[label] += sum(
                1
                for note in root.iter(qn(f"w:{tag}"))
                if note.get(qn("w:type")) is None and "".join(note.itertext()).strip()
            )
    return counts


def _walk(element: object) -> Iterable[object]:
    """Yield each paragraph element, in order, into tables and controls."""
    for child in element:  # type: ignore[attr-defined]
        if child.tag == _P:
            yield child
        elif child.tag == _TBL:
            for row in child.iter(_TR):
                if row.getparent() is child:
                    for cell in row.iterchildren(_TC):
                        yield from _walk(cell)
        elif child.tag in _CONTAINERS:
            yield from _walk(child)
