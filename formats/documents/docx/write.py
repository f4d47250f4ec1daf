"""Write paragraphs as a Word document: into the original, or anew."""

import io
import re
from collections.abc import Iterable

from django.utils.translation import gettext_noop

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from lxml import etree

from core.inline import Code, plain
from formats import FormatError
from formats.documents.coded import events
from formats.documents.docx.archive import check_archive
from formats.documents.docx.runs import write_paragraph
from formats.documents.docx.stories import paragraphs as found_paragraphs
from formats.documents.docx.stories import stories as document_stories
from formats.documents.source import Paragraph

__all__ = ["write"]

_STYLES = {"title": "Title", "li": "List Bullet", "ol": "List Number"}
_STYLES |= {"blockquote": "Quote", "code": "macro", "pre": "macro"}
_STYLES |= {f"h{n}": f"Heading {n}" for n in range(1, 7)}
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write(paragraphs: Iterable[Paragraph], template: bytes | None = None) -> bytes:
    """Return a .docx of ``paragraphs``: the template filled in, or a new one.

    With the original document as ``template`` (read into exactly as many
    paragraphs), each paragraph whose text changed has its runs rebuilt in
    place (``runs.write_paragraph``), so tables, lists, headers,
    footers, links, images and styles stay as they were. Otherwise: one
    Word paragraph per paragraph, styled as in the template when it has the
    style, the template's body replaced; tables are not rebuilt.

    The headline stays the title: the first paragraph styled ``title`` (or
    Word's ``Title``) is written as a ``Title`` paragraph and, as translated,
    is also the document's title property (File > Properties), so the
    translated file shows and reads back with the translated headline.
    """
    paragraphs = list(paragraphs)
    headline = next(
        (plain(p.text).strip() for p in paragraphs if p.style in ("title", "Title")),
        "",
    )
    if template is None:
        document = docx.Document()
        document.core_properties.author = ""
        document.core_properties.comments = ""
    else:
        check_archive(template)
        try:
            document = docx.Document(io.BytesIO(template))
            stories = document_stories(document)
            found = list(found_paragraphs(stories))
        except Exception as exc:  # same as in parse
            raise FormatError(
                gettext_noop("the template .docx file is damaged")
            ) from exc
        if len(found) == len(paragraphs):
            if headline:
                document.core_properties.title = headline
            return _fill(document, stories, found, paragraphs)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    names = {s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    if headline:
        document.core_properties.title = headline
    for paragraph in paragraphs:
        style = paragraph.style
        style = style if style in names else _STYLES.get(style, "")
        added = document.add_paragraph()
        _add_text(added, paragraph)
        if style in names:
            added.style = document.styles[style]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill(
    document: Document, stories: list, found: list, paragraphs: list[Paragraph]
) -> bytes:
    """Write each changed paragraph's text into the element it was read from."""
    for (element, _style, reading, links), paragraph in zip(
        found, paragraphs, strict=True
    ):
        read = reading.text.strip()
        if paragraph.text != read:
            # The white space read around the text (spaces, tabs, breaks) stays.
            lead = reading.text[: len(reading.text) - len(reading.text.lstrip())]
            trail = reading.text[len(reading.text.rstrip()) :] if read else ""
            write_paragraph(element, lead + paragraph.text + trail, links)
    for root, _links, part in stories:
        if part is not None:  # notes: python-docx keeps them as bytes
            part._blob = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _add_text(added, paragraph: Paragraph) -> None:
    """Add ``paragraph``'s text to a new Word paragraph, codes as formatting."""
    flags: list[Code] = []
    for kind, value in events(paragraph.text, paragraph.codes):
        if kind == "text":
            run = added.add_run(_NOT_XML.sub("", value))  # type: ignore[arg-type]
            types = {code.type for code in flags}
            run.bold = True if "bold" in types else None
            run.italic = True if "italic" in types else None
            run.underline = True if "underline" in types else None
            if "code" in types:
                run.font.name = "Courier New"
        elif kind == "open":
            flags.append(value)  # type: ignore[arg-type]
        elif kind == "close" and value in flags:
            flags.remove(value)  # type: ignore[arg-type]
        elif kind == "ph" and value.type == "lb":  # type: ignore[union-attr]
            added.add_run().add_break()
