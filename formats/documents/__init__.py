"""Read and write source documents of any supported kind.

``read_document`` picks the reader by the file name's extension and refuses
files over the ``max_bytes`` its caller passes (``settings.MAX_DOCUMENT_BYTES``
in the workbench) and documents without text; ``write_document`` picks
the writer by kind. Both only raise ``FormatError`` for bad input.
"""

from django.utils.translation import gettext_noop

from core.inline import plain
from formats import FormatError
from formats.documents import docx, html, markdown, plaintext
from formats.documents.coded import plain_text
from formats.documents.source import Paragraph, SourceDocument

__all__ = [
    "EXTENSIONS",
    "KINDS",
    "Paragraph",
    "SourceDocument",
    "docx",
    "html",
    "markdown",
    "plaintext",
    "read_document",
    "write_document",
]

EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx")
KINDS = ("txt", "md", "html", "docx")


def read_document(
    data: bytes,
    filename: str,
    title: str | None = None,
    *,
    max_bytes: int | None = None,
    max_unpacked_bytes: int | None = None,
    max_parts: int | None = None,
    paragraphs: str = "auto",
) -> SourceDocument:
    """Parse ``data`` as the kind of document ``filename`` names.

    ``paragraphs`` says where a plain-text file's paragraphs end (``auto``,
    ``lines``, ``blank``: ``plaintext.PARAGRAPHS``); other kinds mark them.

    ``title`` replaces the title found in the document; without one, and
    when the document has none, the file name without extension is used.
    The limits (``None``: none) are the file's size and, for a .docx, what
    it unpacks to and how many parts it has.
    """
    stem, extension = _split(filename)
    if extension not in EXTENSIONS:
        if not extension:
            raise FormatError(
                gettext_noop(
                    "the file name has no extension; use .txt, .md, .html or .docx"
                )
            )
        raise FormatError(
            gettext_noop(
                "unsupported file type '%(extension)s'; use .txt, .md, .html or .docx"
            ),
            extension=extension,
        )
    if max_bytes is not None and len(data) > max_bytes:
        raise FormatError(
            gettext_noop("the file is %(size)s, more than the %(limit)s limit"),
            size=_size(len(data)),
            limit=_size(max_bytes),
        )
    if extension == ".txt":
        document = plaintext.parse(data, title, paragraphs)
    elif extension == ".md":
        document = markdown.parse(data)
    elif extension == ".docx":
        document = docx.parse(
            data, max_unpacked_bytes=max_unpacked_bytes, max_parts=max_parts
        )
    else:
        document = html.parse(data)
    if not any(plain(p.text).strip() for p in document.paragraphs if p.style != "code"):
        raise FormatError(gettext_noop("the document has no text"))
    document.title = title or document.title or stem
    return document


def write_document(
    kind: str,
    paragraphs: list[Paragraph],
    *,
    title: str,
    language: str,
    template: bytes | None,
    one_per_line: bool = False,
) -> bytes:
    """Return ``paragraphs`` as a document of ``kind`` (txt, md, html, docx).

    ``template`` (the original file) is filled in for docx and html: only
    the paragraphs' text changes. ``title`` and ``language`` only matter
    for html. Inline codes are written as the kind's own markup (see each
    writer); plain text and Markdown keep only their text (and line breaks).
    """
    kind = kind.lower().lstrip(".")
    if kind == "txt":
        return plaintext.write(
            (plain_text(p.text, p.codes) for p in paragraphs),
            one_per_line=one_per_line,
        )
    if kind == "md":
        return markdown.write(paragraphs)
    if kind in ("html", "htm"):
        return html.write(paragraphs, title, language, template)
    if kind == "docx":
        return docx.write(paragraphs, template)
    raise FormatError(
        gettext_noop("unsupported output type '%(kind)s'; use txt, md, html or docx"),
        kind=kind,
    )


def _split(filename: str) -> tuple[str, str]:
    """Return the stem and the lower-case extension of ``filename``."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        return name, ""
    return stem, "." + extension.lower()


def _size(count: int) -> str:
    """Return a byte count as people read it."""
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count / 1024 / 1024:.1f} MB"
