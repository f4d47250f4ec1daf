"""Read and write plain-text source documents.

Paragraphs are separated by blank lines (whitespace-only lines count as
blank). The lines of one paragraph are joined with a space when a Latin letter
or digit is on either side of the break and with nothing when a CJK character
is (Chinese has no spaces between words). Unless the caller gives a title, the
first non-empty line is the title and also the first paragraph, with style
``"title"``, since titles need translating too. A leading ``date YYYY-MM-DD``
on that line becomes ``metadata["date"]`` and is removed from the text.
A press release's closing line (``Ends/Friday, March 14, 2025``, ``Issued
at HKT 19:30``, ``NNNN``, ``完``, ``（完）``, ``- Ends -``, ``Enditem``,
``香港時間…``/``香港时间…``, a date line such as ``2025年3月14日（星期五）``
or ``二○二五年三月十四日（星期五）``) is a paragraph of its own even without
blank lines around it: it is never joined to the lines before or after it.
"""

import datetime
import re
import unicodedata
from collections.abc import Iterable

from core.releases import CLOSING_LINE
from formats.documents.source import Paragraph, SourceDocument
from formats.textdecoding import decode_text

__all__ = ["join_lines", "parse", "write"]

_DATE = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)", re.IGNORECASE)
_BLANK_RUN = re.compile(r"\n\s*\n")


def parse(data: bytes, title: str | None = None) -> SourceDocument:
    """Return the document in ``data``; raise ``FormatError`` if unreadable."""
    lines = decode_text(data).split("\n")
    metadata: dict[str, str] = {}
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        match = _DATE.match(lines[first])
        if match and _is_date(match.group(1)):
            metadata["date"] = match.group(1)
            lines[first] = lines[first][match.end() :]
    blocks = _blocks(lines)
    paragraphs = [Paragraph(join_lines(block)) for block in blocks]
    if title is None and blocks:
        head, rest = blocks[0][0], blocks[0][1:]
        title = head
        paragraphs[0:1] = [Paragraph(head, "title")]
        if rest:
            paragraphs.insert(1, Paragraph(join_lines(rest)))
    return SourceDocument(title or "", paragraphs, metadata)


def write(paragraphs: Iterable[str]) -> bytes:
    """Return UTF-8 text with the paragraphs separated by blank lines.

    Empty paragraphs are left out and blank lines inside a paragraph are
    closed up, so that reading the text back gives the same paragraphs.
    """
    texts = [_BLANK_RUN.sub("\n", text.strip()) for text in paragraphs]
    return ("\n\n".join(text for text in texts if text) + "\n").encode("utf-8")


def join_lines(lines: Iterable[str]) -> str:
    """Join the stripped ``lines`` of one paragraph as a reader would see them."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if text:
            text += _joiner(text[-1], line[0])
        text += line
    return text


def _blocks(lines: list[str]) -> list[list[str]]:
    """Group the stripped non-blank lines into blank-line separated blocks."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        line = line.strip()
        if line and CLOSING_LINE.fullmatch(line):
            if current:
                blocks.append(current)
            blocks.append([line])
            current = []
        elif line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _joiner(left: str, right: str) -> str:
    """Return what goes between two lines ending in ``left``, starting ``right``."""
    if _is_latin(left) or _is_latin(right):
        return " "
    if _is_wide(left) or _is_wide(right):
        return ""
    return " "


def _is_latin(char: str) -> bool:
    """Tell whether ``char`` is a letter or digit of a spaced script."""
    return char.isalnum() and not _is_wide(char)


def _is_wide(char: str) -> bool:
    """Tell whether ``char`` is a wide (CJK) character or punctuation mark."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _is_date(text: str) -> bool:
    """Tell whether ``text`` is a real calendar date in ISO form."""
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
