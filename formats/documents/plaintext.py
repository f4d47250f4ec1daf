"""Read and write plain-text source documents.

Where paragraphs end (``PARAGRAPHS``, the reader's ``paragraphs``):

- ``blank``: paragraphs are separated by blank lines (whitespace-only lines
  count as blank); the lines of one paragraph are hard-wrapped lines of it.
- ``lines``: every non-empty line is a paragraph (text copied from a web
  page or exported from a content system, with no blank lines).
- ``auto`` (the default) tells them apart from the text itself, block by
  block (a block: lines between blank lines). A block is **wrapped** when
  at least half the line breaks inside it fall mid-sentence (the line does
  not end with a full stop, question or exclamation mark, colon or
  semicolon, Latin or Chinese, before any closing quotes or brackets): a
  hard wrap breaks anywhere, while a paragraph ends a sentence. In a
  wrapped block, lines are joined, except that a line ending a sentence
  and shorter than four fifths of the block's longest line ends its
  paragraph (a file that mixes the two). Any other block has one paragraph
  per line.

Whatever the convention, a **structural line** is a paragraph of its own,
never joined to a neighbour: a release's closing line (see below), a
``(with photos)`` / ``（附圖）`` / ``(with video)`` line, a salutation (a
line of at most 120 characters ending in a comma and followed by a line
that starts a sentence: ``President Cheung, distinguished guests,``), a
dateline (``Hong Kong, March 14, 2025``, ``（香港，3月14日）``) and a list
item (``(a)``, ``1.``, ``•``, ``-``, ``（一）``, ``一、`` at the start).

The lines of one paragraph are joined with a space when a Latin letter
or digit is on either side of the break and with nothing when a CJK character
is (Chinese has no spaces between words). Unless the caller gives a title, the
first non-empty line is the title and also the first paragraph, with style
``"title"``, since titles need translating too. A leading ``date YYYY-MM-DD``
on that line becomes ``metadata["date"]`` and is removed from the text.
A press release's closing line (``Ends/Friday, March 14, 2025``, ``Issued
at HKT 19:30``, ``NNNN``, ``完``, ``（完）``, ``- Ends -``, ``Enditem``,
``香港時間…``/``香港时间…``, a date line such as ``2025年3月14日（星期五）``
or ``二○二五年三月十四日（星期五）``) is a structural line.

The document's ``metadata["paragraphs"]`` is ``"lines"`` when the file had
no blank line between paragraphs, so that ``write`` gives the translation
the original's shape: one paragraph per line.
"""

import datetime
import re
import unicodedata
from collections.abc import Iterable

from core.releases import CLOSING_LINE
from formats.documents.source import Paragraph, SourceDocument
from formats.textdecoding import decode_text

__all__ = ["PARAGRAPHS", "join_lines", "parse", "write"]

#: How a reader may be told paragraphs end (see the module's docstring).
PARAGRAPHS = ("auto", "lines", "blank")

_DATE = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)", re.IGNORECASE)
_BLANK_RUN = re.compile(r"\n\s*\n")


def parse(
    data: bytes, title: str | None = None, paragraphs: str = "auto"
) -> SourceDocument:
    """Return the document in ``data``; raise ``FormatError`` if unreadable.

    ``paragraphs`` is ``auto``, ``lines`` or ``blank`` (``PARAGRAPHS``).
    """
    if paragraphs not in PARAGRAPHS:
        raise ValueError("paragraphs is one of %s" % ", ".join(PARAGRAPHS))
    lines = decode_text(data).split("\n")
    metadata: dict[str, str] = {}
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        match = _DATE.match(lines[first])
        if match and _is_date(match.group(1)):
            metadata["date"] = match.group(1)
            lines[first] = lines[first][match.end() :]
    blocks = _blocks(lines)
    if paragraphs != "blank" and len(blocks) == 1 and len(blocks[0]) > 1:
        body = blocks[0][1:] if title is None else blocks[0]
        if paragraphs == "lines" or not _wrapped(body):
            metadata["paragraphs"] = "lines"
    groups: list[list[str]] = []
    for number, block in enumerate(blocks):
        if number == 0 and title is None:
            # the title: the first line, or a first block of wrapped lines
            # none of which but the last ends a sentence
            whole = (
                len(blocks) > 1
                and paragraphs != "lines"
                and len(block) > 1
                and not any(_ends_sentence(line) for line in block[:-1])
                and not any(_structural(line) for line in block)
            )
            head = len(block) if whole else 1
            groups.append(block[:head])
            block = block[head:]
        groups += _paragraphs(block, paragraphs)
    found = [Paragraph(join_lines(group)) for group in groups if group]
    if title is None and found:
        title = found[0].text
        found[0] = Paragraph(found[0].text, "title")
    return SourceDocument(title or "", found, metadata)


def write(paragraphs: Iterable[str], *, one_per_line: bool = False) -> bytes:
    """Return UTF-8 text with the paragraphs separated by blank lines (or,
    ``one_per_line``, one paragraph per line, as the original had them).

    Empty paragraphs are left out and blank lines inside a paragraph are
    closed up (line breaks inside a paragraph become spaces when it is one
    per line), so that reading the text back gives the same paragraphs.
    """
    if one_per_line:
        texts = [" ".join(text.split("\n")).strip() for text in paragraphs]
        return ("\n".join(text for text in texts if text) + "\n").encode("utf-8")
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
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


#: What ends a sentence at the end of a line, before closing quotes or
#: brackets: Latin and Chinese full stops, question and exclamation marks,
#: colons and semicolons, an ellipsis.
_SENTENCE_END = re.compile(r"[.!?:;。！？：；…](?:[\s\"'”’」』）)\]]*)$")
#: "(with photos)", "(with photo/video)", "（附圖）", "（附图/短片）".
_MEDIA = re.compile(
    r"^[（(]\s*(?:with\s+(?:photos?|videos?|photos?\s*/\s*videos?)|附[圖图片]"
    r"(?:\s*[/及和]\s*(?:短片|視頻|视频))?|附短片|附視頻|附视频)\s*[)）]$",
    re.IGNORECASE,
)
#: A list item's start: "(a)", "(iv)", "1.", "2)", "•", "-", "（一）", "一、".
_LIST_ITEM = re.compile(
    r"^(?:[（(](?:[a-zA-Z]|[ivxlc]+|\d{1,2}|[一二三四五六七八九十]{1,3})[)）]"
    r"|\d{1,2}[.)、](?=\s|\D)|[•●▪◦·‧*]|[-–—]\s"
    r"|[一二三四五六七八九十]{1,3}、)"
)
#: A dateline on a line of its own.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .]{1,40},\s*(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+\d{1,2}"
    r"(?:,\s*\d{4})?(?:\s*\([A-Za-z ]+\))?\s*(?:--|—|–)?"
    r"|[（(][^（）()]{1,12}[，,]\s*\d{1,2}月\d{1,2}日[）)])$"
)
#: A salutation's end: a comma, Latin or Chinese.
_SALUTATION_END = re.compile(r"[,，]$")
#: Lines of a salutation are short.
SALUTATION_CHARS = 120


def _alone(line: str) -> bool:
    """Whether a line is a paragraph of its own whatever its neighbours."""
    return bool(
        CLOSING_LINE.fullmatch(line) or _MEDIA.match(line) or _DATELINE.match(line)
    )


def _structural(line: str) -> bool:
    """Whether a line is alone or starts a list item (which may wrap on)."""
    return _alone(line) or bool(_LIST_ITEM.match(line))


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def _width(line: str) -> int:
    """The columns a line takes: two for a wide (CJK) character."""
    return sum(2 if _is_wide(char) else 1 for char in line)


def _wrapped(block: list[str]) -> bool:
    """Whether a block's lines are hard-wrapped lines (most breaks inside it
    fall mid-sentence) rather than one paragraph per line."""
    breaks = [
        (line, block[index + 1])
        for index, line in enumerate(block[:-1])
        if not _alone(line)
    ]
    if not breaks:
        return False
    mid_sentence = sum(
        not _ends_sentence(line) and not _salutation(line, following)
        for line, following in breaks
    )
    return 2 * mid_sentence >= len(breaks)


def _salutation(line: str, following: str) -> bool:
    """A short line ending in a comma, followed by a line that starts a
    sentence: "President Cheung, distinguished guests,"."""
    if len(line) > SALUTATION_CHARS or not _SALUTATION_END.search(line):
        return False
    return following[:1].isupper() or _is_wide(following[:1])


def _paragraphs(block: list[str], convention: str) -> list[list[str]]:
    """A block's lines grouped into paragraphs (see the module's docstring)."""
    if not block:
        return []
    if convention == "lines":
        return [[line] for line in block]
    wrapped = convention == "blank" or _wrapped(block)
    widest = max(_width(line) for line in block)
    groups: list[list[str]] = []
    current: list[str] = []
    for index, line in enumerate(block):
        following = block[index + 1] if index + 1 < len(block) else ""
        if _alone(line):
            if current:
                groups.append(current)
            groups.append([line])
            current = []
            continue
        if current and (not wrapped or _LIST_ITEM.match(line)):
            groups.append(current)
            current = []
        current.append(line)
        short = _width(line) < 0.8 * widest
        ends_here = (
            convention == "auto"
            and short
            and (
                _ends_sentence(line)
                or (not current[:-1] and _salutation(line, following))
            )
        )
        if wrapped and ends_here:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _joiner(left: str, right: str) -> str:
    """Return what goes between two lines ending in ``left``, starting
    ``right``: a space beside a Latin letter ("第二行 Django"), nothing
    between a wide (CJK) character and anything else (Chinese text spaces
    neither its words nor its figures: "較2024年", "4月8日"), else a space."""
    if _is_letter(left) or _is_letter(right):
        return " "
    if _is_wide(left) or _is_wide(right):
        return ""
    return " "


def _is_letter(char: str) -> bool:
    """Tell whether ``char`` is a letter of a spaced script (not a digit)."""
    return char.isalpha() and not _is_wide(char)


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
