"""Read and write Word (.docx) source documents with python-docx.

Reading walks the body in order, into tables (cell by cell, nested tables
included) and content controls; each non-empty paragraph keeps its Word style
name (``Title``, ``Heading 1``, ``Normal``, a table's own paragraph style).
Text is taken from runs, hyperlinks, fields and tracked insertions; deleted
text, field codes and text boxes are left out; tabs and line breaks become
``\\t`` and ``\\n``. The archive is checked before python-docx sees it: it
must be a zip holding ``word/document.xml``, not password-protected, with at
most ``max_parts`` parts, and every part is unpacked once in chunks and
counted, so a file that unpacks to more than ``max_unpacked_bytes`` is
refused whatever its zip headers declare (a part that unpacks to other than
its declared size fails its CRC and is refused as damaged). A part that
declares XML entities is refused, as XML files are: python-docx would drop
the text after an entity reference. The workbench passes its limits from
the settings (``MAX_UNPACKED_BYTES``, ``MAX_ARCHIVE_PARTS``).

Writing puts one Word paragraph per paragraph. With the original document as
``template`` its styles, page setup, headers and footers are kept, its body is
replaced, and each paragraph gets its old style when the template has it;
tables are not rebuilt (their paragraphs follow one another).
"""

import io
import re
import zipfile
import zlib
from collections.abc import Iterable

from django.utils.translation import gettext_noop

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from formats import FormatError
from formats.documents.source import Paragraph, SourceDocument

__all__ = ["parse", "write"]

_CHUNK = 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}
_SKIPPED = {qn("w:pPr"), qn("w:rPr"), qn("w:del"), qn("w:moveFrom")}
_SKIPPED |= {qn("w:instrText"), qn("w:drawing"), qn("w:pict"), qn("w:object")}
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIPPED |= {qn("w:txbxContent"), f"{_MC}Fallback"}
_CHARS = {qn("w:tab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_T, _BR = qn("w:t"), qn("w:br")
_STYLES = {"title": "Title", "li": "List Bullet", "ol": "List Number"}
_STYLES |= {"blockquote": "Quote", "code": "macro", "pre": "macro"}
_STYLES |= {f"h{n}": f"Heading {n}" for n in range(1, 7)}
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parse(
    data: bytes,
    *,
    max_unpacked_bytes: int | None = None,
    max_parts: int | None = None,
) -> SourceDocument:
    """Return the document in ``data``; raise ``FormatError`` if unreadable."""
    _check_archive(data, max_unpacked_bytes=max_unpacked_bytes, max_parts=max_parts)
    try:
        document = docx.Document(io.BytesIO(data))
        names = {s.style_id: s.name or s.style_id for s in document.styles}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        fallback = default.name if default is not None else "Normal"
        paragraphs = [
            Paragraph(text, names.get(style_id, fallback))
            for style_id, text in _walk(document.element.body)
        ]
        metadata = _metadata(document)
        title = (document.core_properties.title or "").strip()
    except FormatError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds
        raise FormatError(
            gettext_noop("the .docx file is damaged and cannot be read")
        ) from exc
    headings = (p for p in paragraphs if p.style in ("Title", "Heading 1"))
    first = next(headings, paragraphs[0] if paragraphs else Paragraph(""))
    return SourceDocument(title or first.text, paragraphs, metadata)


def write(paragraphs: Iterable[Paragraph], template: bytes | None = None) -> bytes:
    """Return a .docx with one paragraph per item, styled as in ``template``."""
    if template is None:
        document = docx.Document()
        document.core_properties.author = ""
        document.core_properties.comments = ""
    else:
        _check_archive(template)
        try:
            document = docx.Document(io.BytesIO(template))
        except Exception as exc:  # same as in parse
            raise FormatError(
                gettext_noop("the template .docx file is damaged")
            ) from exc
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    names = {s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    for paragraph in paragraphs:
        style = paragraph.style
        style = style if style in names else _STYLES.get(style, "")
        added = document.add_paragraph(_NOT_XML.sub("", paragraph.text))
        if style in names:
            added.style = document.styles[style]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _check_archive(
    data: bytes,
    *,
    max_unpacked_bytes: int | None = None,
    max_parts: int | None = None,
) -> None:
    """Refuse what is not a safe, unencrypted .docx zip archive."""
    if data.startswith(_OLE_MAGIC):
        raise FormatError(
            gettext_noop(
                "the file is an old .doc or a password-protected document; "
                "save it as an unprotected .docx"
            )
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if max_parts is not None and len(members) > max_parts:
                raise FormatError(
                    gettext_noop(
                        "the .docx archive has %(count)d parts, "
                        "more than the %(limit)d limit"
                    ),
                    count=len(members),
                    limit=max_parts,
                )
            if any(member.flag_bits & 0x1 for member in members):
                raise FormatError(gettext_noop("the .docx file is password-protected"))
            if "word/document.xml" not in {member.filename for member in members}:
                raise FormatError(
                    gettext_noop("the zip archive is not a Word document")
                )
            _unpack_counting(archive, members, max_unpacked_bytes)
    except FormatError:
        raise
    except NotImplementedError as exc:
        raise FormatError(
            gettext_noop("the .docx archive uses an unsupported zip feature")
        ) from exc
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc) or "magic" in str(exc):
            raise FormatError(
                gettext_noop("the .docx file is damaged and cannot be read")
            ) from exc
        raise FormatError(
            gettext_noop(
                "the file is not a .docx document (not a zip archive, or truncated)"
            )
        ) from exc
    except (ValueError, OSError, EOFError, zlib.error) as exc:
        raise FormatError(
            gettext_noop(
                "the file is not a .docx document (not a zip archive, or truncated)"
            )
        ) from exc


#: What an XML part declaring entities holds, in the encodings XML allows.
_DECLARATIONS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(marker) for marker in _DECLARATIONS)


def _unpack_counting(archive, members, limit: int | None) -> None:
    """Unpack every part once, counting; refuse past ``limit`` or on entities.

    Each chunk is searched together with the end of the one before, so a
    declaration split across two chunks is found too.
    """
    unpacked = 0
    for member in members:
        if member.is_dir():
            continue
        with archive.open(member) as part:
            tail = b""
            while chunk := part.read(_CHUNK):
                unpacked += len(chunk)
                if limit is not None and unpacked > limit:
                    raise FormatError(
                        gettext_noop(
                            "the .docx unpacks to more than the %(limit)d MB limit"
                        ),
                        limit=limit // 2**20,
                    )
                window = tail + chunk
                if any(marker in window for marker in _DECLARATIONS):
                    raise FormatError(
                        gettext_noop(
                            "the .docx declares XML entities (in %(part)s), "
                            "which are refused"
                        ),
                        part=member.filename,
                    )
                tail = window[-_OVERLAP:]


def _walk(element: object) -> Iterable[tuple[str, str]]:
    """Yield (style id, text) for each non-empty paragraph, in order."""
    for child in element:  # type: ignore[attr-defined]
        if child.tag == _P:
            text = _text(child).strip()
            if text:
                style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
                yield (style.get(qn("w:val")) if style is not None else ""), text
        elif child.tag == _TBL:
            for row in child.iter(_TR):
                if row.getparent() is child:
                    for cell in row.iterchildren(_TC):
                        yield from _walk(cell)
        elif child.tag in _CONTAINERS:
            yield from _walk(child)


def _text(element: object) -> str:
    """Return the visible text under ``element`` (a paragraph or part of one)."""
    parts: list[str] = []
    for child in element:  # type: ignore[attr-defined]
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _BR:
            parts.append("" if child.get(qn("w:type")) in ("page", "column") else "\n")
        elif tag in _CHARS:
            parts.append(_CHARS[tag])
        else:
            parts.append(_text(child))
    return "".join(parts)


def _metadata(document: Document) -> dict[str, str]:
    """Return the author, creation time and language of ``document``."""
    properties = document.core_properties
    metadata: dict[str, str] = {}
    if properties.author:
        metadata["author"] = properties.author
    if properties.created:
        metadata["created"] = properties.created.isoformat()
    if properties.language:
        metadata["language"] = properties.language
    return metadata
