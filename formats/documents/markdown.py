"""Read and write Markdown source documents, block by block.

Each block is one paragraph: ATX (``# ...``) and setext (underlined) headings
get styles ``h1``..``h6``; each list item (``-``, ``*``, ``+``, ``1.``) is its
own paragraph with style ``li`` or ``ol``; block quotes get ``blockquote``;
fenced code blocks are kept verbatim with style ``code`` (callers do not
translate those, but need them to rebuild the document). Block markers are
removed. Lines of a block are joined as in plain text (a space between Latin
words, nothing between CJK characters). Inline syntax becomes inline codes
whose native markup is the syntax itself: code spans, links (labelled with
their address), strong and emphasis are pairs, images placeholders; codes
from other formats are written as Markdown where it has the syntax (bold,
italics, code, links), else only their text. Thematic breaks are dropped;
indented code, HTML blocks and nesting are read as ordinary text. A leading
``---`` front matter block gives ``metadata["title"]`` and
``metadata["date"]``.
"""

import re
from collections.abc import Iterable

from core.inline import Code, has_codes, plain
from formats.documents.coded import CodedText, events
from formats.documents.plaintext import join_lines
from formats.documents.source import Paragraph, SourceDocument
from formats.textdecoding import decode_text

__all__ = ["parse", "write"]

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)$")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET = re.compile(r"\s*[-*+][ \t]+(.*)$")
_NUMBER = re.compile(r"\s*\d{1,9}[.)][ \t]+(.*)$")
_QUOTE = re.compile(r" {0,3}>[ \t]?(.*)$")
_FRONT_KEY = re.compile(r"(title|date)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_NEEDS_ESCAPE = re.compile(
    r"(?:[-*+]|#{1,6}|\d{1,9}[.)])(?:[ \t]|$)|>|`{3}|~{3}|([-*_])(?:[ \t]*\1){2}"
)
_ESCAPED_NUMBER = re.compile(r"(\d{1,9})\\([.)](?:[ \t]|$))")
_SYNTAX = {"bold": "**", "italic": "*", "code": "`"}
_SPAN = re.compile(
    r"(?P<code>(?P<fence>`+)(?P<body>[^`](?:.*?[^`])?)(?P=fence)(?!`))"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\([^()\s]+(?:\s+\"[^\"]*\")?\))"
    r"|(?P<link>\[(?P<label>[^\[\]]+)\](?P<target>\((?P<url>[^()\s]+)"
    r"(?:\s+\"[^\"]*\")?\)))"
    r"|(?P<strong>(?P<strong_mark>\*\*|__)(?=\S)(?P<strong_text>.+?)(?<=\S)"
    r"(?P=strong_mark))"
    r"|(?P<em>(?<![\w*])(?P<em_mark>[*_])(?=[^\s*_])(?P<em_text>.+?)(?<=[^\s*_])"
    r"(?P=em_mark)(?![\w*]))",
    re.DOTALL,
)
_MARKERS = {"li": "- ", "ol": "1. ", "blockquote": "> "}
_STYLES = {"title": "h1", "Title": "h1", "List Bullet": "li", "List Number": "ol"}
_STYLES |= {"Quote": "blockquote", "pre": "code", "p": ""}
_STYLES |= {f"Heading {n}": f"h{n}" for n in range(1, 7)}


def parse(data: bytes) -> SourceDocument:
    """Return the document in ``data``; raise ``FormatError`` if unreadable.

    The title is the front matter's, else the first heading's, else the first
    paragraph's that is not code.
    """
    lines = decode_text(data).split("\n")
    metadata, start = _front_matter(lines)
    paragraphs = _Blocks().read(lines[start:])
    heading = next((p for p in paragraphs if p.style[:1] == "h"), None)
    prose = next((p for p in paragraphs if p.style != "code"), None)
    title = metadata.get("title") or plain((heading or prose or Paragraph("")).text)
    return SourceDocument(title, paragraphs, metadata)


def write(paragraphs: Iterable[Paragraph]) -> bytes:
    """Return Markdown for ``paragraphs``, one block each, styles as markers."""
    blocks: list[str] = []
    previous = ""
    for paragraph in paragraphs:
        style = _STYLES.get(paragraph.style, paragraph.style)
        text = _inline(paragraph.text, paragraph.codes)
        if style == "code":
            block = _fenced(plain(paragraph.text))
        elif not text.strip():
            continue
        else:
            block = _block(style, text)
        if style in ("li", "ol") and style == previous:
            blocks[-1] += "\n" + block
        else:
            blocks.append(block)
        previous = style
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


class _Blocks:
    """Split Markdown lines into styled paragraphs, one pass."""

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.lines: list[str] = []
        self.style = ""

    def read(self, lines: list[str]) -> list[Paragraph]:
        """Return the paragraphs of ``lines``."""
        index = 0
        while index < len(lines):
            line = lines[index]
            index += 1
            fence = _FENCE.match(line)
            if fence and not ("`" in fence.group(2) and fence.group(1)[0] == "`"):
                self.flush()
                index = self.code(lines, index, fence.group(1))
            elif not line.strip():
                self.flush()
            else:
                self.line(line)
        self.flush()
        return self.paragraphs

    def line(self, line: str) -> None:
        """Handle one non-blank line outside code."""
        setext = _SETEXT.match(line)
        if setext and self.lines and self.style == "":
            self.style = "h1" if setext.group(1)[0] == "=" else "h2"
            self.flush()
        elif _BREAK.match(line):
            self.flush()
        elif heading := _HEADING.match(line):
            self.flush()
            self.add(f"h{len(heading.group(1))}", heading.group(2) or "")
        elif item := _BULLET.match(line) or _NUMBER.match(line):
            self.flush()
            self.start("li" if item.re is _BULLET else "ol", item.group(1))
        elif quote := _QUOTE.match(line):
            text = quote.group(1).lstrip("> \t")
            if self.style != "blockquote" or not text:
                self.flush()
            if text:
                self.style = "blockquote"
                self.lines.append(text)
        else:
            if not self.lines:
                self.style = ""
            self.lines.append(line)

    def code(self, lines: list[str], index: int, fence: str) -> int:
        """Add the code block opened by ``fence``; return the index after it."""
        body: list[str] = []
        close = re.compile(rf" {{0,3}}{fence[0]}{{{len(fence)},}}[ \t]*$")
        while index < len(lines) and not close.match(lines[index]):
            body.append(lines[index])
            index += 1
        self.paragraphs.append(Paragraph("\n".join(body), "code"))
        return index + 1

    def start(self, style: str, text: str) -> None:
        """Begin a paragraph of ``style`` whose first line is ``text``."""
        self.style = style
        self.lines = [text]

    def add(self, style: str, text: str) -> None:
        """Add a one-line paragraph."""
        self.start(style, text)
        self.flush()

    def flush(self) -> None:
        """Close the current paragraph, if it has text."""
        text = join_lines(self.lines)
        if self.style in ("", "li", "ol", "blockquote"):
            text = _unescape(text)
        if text:
            coded = CodedText("markdown")
            _read_inline(text, coded)
            self.paragraphs.append(Paragraph(coded.value(), self.style, coded.codes))
        self.lines = []
        self.style = ""


def _read_inline(text: str, coded: CodedText) -> None:
    """Add ``text`` to ``coded``, its inline syntax as codes.

    Code spans, images, links, strong and emphasis; the syntax itself is
    each code's native markup, so it is written back as it was.
    """
    start = 0
    for match in _SPAN.finditer(text):
        coded.text(text[start : match.start()])
        start = match.end()
        kind = match.lastgroup
        if kind == "image":
            coded.placeholder("image", match.group(), match.group("alt"))
        elif kind == "code":
            fence = match.group("fence")
            number = coded.open("code", fence, "code")
            coded.text(match.group("body"))
            coded.close(number, fence)
        elif kind == "link":
            number = coded.open("link", "[", match.group("url"))
            _read_inline(match.group("label"), coded)
            coded.close(number, "]" + match.group("target"))
        else:
            mark = match.group(kind + "_mark")
            type_ = "bold" if kind == "strong" else "italic"
            number = coded.open(type_, mark, "b" if kind == "strong" else "i")
            _read_inline(match.group(kind + "_text"), coded)
            coded.close(number, mark)
    coded.text(text[start:])


def _inline(text: str, codes: dict[int, Code]) -> str:
    """Return coded text as Markdown: bold, italics, code and links as syntax.

    Other codes keep only the text they hold (Markdown has no markup for
    them).
    """
    if not has_codes(text):
        return text
    out: list[str] = []
    for kind, value in events(text, codes):
        if kind == "text":
            out.append(value)  # type: ignore[arg-type]
            continue
        code: Code = value  # type: ignore[assignment]
        if code.format == "markdown":
            out.append(code.closing if kind == "close" else code.native)
        elif kind == "ph":
            out.append("\n" if code.type == "lb" else "")
        elif code.type == "link":
            out.append("[" if kind == "open" else f"]({code.label})")
        else:
            out.append(_SYNTAX.get(code.type, ""))
    return "".join(out)


def _unescape(text: str) -> str:
    """Drop the backslash that ``write`` put before a leading block marker."""
    if text[:1] == "\\" and _NEEDS_ESCAPE.match(text, 1):
        return text[1:]
    return _ESCAPED_NUMBER.sub(r"\1\2", text, count=1) if text[:1].isdigit() else text


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """Read a leading ``---`` block; return its title/date and the next index."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, 0
    metadata: dict[str, str] = {}
    for line in lines[1:end]:
        match = _FRONT_KEY.match(line)
        if match and match.group(2):
            metadata[match.group(1).lower()] = match.group(2).strip("\"'")
    return metadata, end + 1


def _block(style: str, text: str) -> str:
    """Return one Markdown block for a paragraph of (generic) ``style``."""
    text = join_lines(text.split("\n"))
    escape = _NEEDS_ESCAPE.match(text)
    if escape and style in ("", "li", "ol", "blockquote"):
        digits = re.match(r"\d*", text)[0]
        text = digits + "\\" + text[len(digits) :]
    if len(style) == 2 and style[0] == "h" and style[1] in "123456":
        closing = " #" if re.search(r"(?:^|[ \t])#+$", text) else ""
        return "#" * int(style[1]) + " " + text + closing
    return _MARKERS.get(style, "") + text


def _fenced(text: str) -> str:
    """Return ``text`` in a backtick fence longer than any run inside it."""
    runs = re.findall(r"`+", text)
    fence = "`" * max(3, max((len(run) + 1 for run in runs), default=3))
    return f"{fence}\n{text}\n{fence}"
