"""Read HTML into coded paragraphs, noting where each one's content stands.

See the package's docstring for what is read and how.
"""

import codecs
import re
from html.parser import HTMLParser

from django.utils.translation import gettext_noop

from core.inline import plain, reserved_in
from formats import FormatError
from formats.documents.coded import CodedText
from formats.documents.source import Paragraph, SourceDocument
from formats.textdecoding import decode_text

__all__ = ["SKIPPED", "WRITABLE", "Reader", "decode", "parse", "read"]

_BLOCKS = {"p", "li", "blockquote", "td", "th", "dt", "dd", "caption", "title"}
_BLOCKS |= {"figcaption", "pre"} | {f"h{n}" for n in range(1, 7)}
_CONTAINERS = {"div", "section", "article", "main", "header", "footer", "aside"}
_CONTAINERS |= {"body", "html", "table", "thead", "tbody", "tfoot", "tr", "ul"}
_CONTAINERS |= {"ol", "dl", "figure", "form", "fieldset", "address", "details"}
_CONTAINERS |= {"summary", "center", "hr"}
SKIPPED = {"script", "style", "noscript", "template", "svg", "math", "iframe"}
SKIPPED |= {"object", "select", "textarea", "button", "nav", "head"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link"}
_VOID |= {"meta", "param", "source", "track", "wbr"}
_CLOSES = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}
_CLOSES |= {"td": {"td", "th"}, "th": {"td", "th"}, "tr": {"tr", "td", "th"}}
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
_SPACE = re.compile(r"[ \t\n\r\f\xa0]+")
_WIDE = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
_CJK_BREAK = re.compile(rf"(?<={_WIDE})[ \t\r\f]*\n[ \t\n\r\f]*(?={_WIDE})")
WRITABLE = _BLOCKS | {"div", "section", "article", "main", "header", "footer"}
WRITABLE |= {"aside", "address", "details", "summary", "figure", "form"}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CODECS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}
_CODECS |= dict.fromkeys(("iso-8859-1", "latin1", "ascii", "us-ascii"), "cp1252")
#: Elements never read that hold prose a reader sees: counted when they do.
_PROSE = {"nav", "noscript", "select", "textarea", "button", "iframe", "object"}
_TAG_TYPES = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic"}
_TAG_TYPES |= {"u": "underline", "a": "link", "code": "code", "sub": "sub"}
_TAG_TYPES |= {"sup": "sup", "span": "x-html-span"}


def parse(data: bytes) -> SourceDocument:
    """Return the document in ``data``; raise ``FormatError`` if unreadable."""
    reader = read(decode(data))
    paragraphs = reader.paragraphs
    titles = (plain(p.text) for p in paragraphs if p.style == "title")
    title = next(titles, "")
    title = title or next((plain(p.text) for p in paragraphs if p.style == "h1"), "")
    title = title or (plain(paragraphs[0].text) if paragraphs else "")
    return SourceDocument(title, paragraphs, reader.metadata, reader.not_kept)


def read(text: str) -> "Reader":
    """Run the reader over ``text``; raise ``FormatError`` if it cannot."""
    where = reserved_in(text)
    if where >= 0:
        raise FormatError(
            gettext_noop(
                "line %(line)d holds a character reserved for inline codes "
                "(U+F0000 to U+F2FFF)"
            ),
            line=text.count("\n", 0, where) + 1,
        )
    reader = Reader(text)
    try:
        reader.feed(text)
        reader.close()
        reader.finish()
    except Exception as exc:  # html.parser has no error class of its own
        raise FormatError(gettext_noop("the HTML could not be parsed")) from exc
    return reader


class Reader(HTMLParser):
    """Collect the text of block elements as styled, coded paragraphs.

    Each paragraph's ``ranges`` entry is where its content stands in the
    text (from its first piece of text or code to the end of its last), so a
    writer can put a translation in its place.
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.lines = [0] + [m.end() for m in re.finditer("\n", text)]
        self.paragraphs: list[Paragraph] = []
        self.ranges: list[tuple[int, int]] = []
        self.metadata: dict[str, str] = {}
        self.not_kept: dict[str, int] = {}
        self.stack: list[str] = []
        self.coded = CodedText("html")
        self.inline: list[tuple[str, int]] = []
        self.start: int | None = None
        self.end = 0
        self.pending = False
        self.skipped_at: tuple[str, int] | None = None
        self.skipped_serial = 0
        self.unread: set[tuple[str, int]] = set()
        self.html_tag: tuple[int, str] | None = None
        self.head_tag: tuple[int, str] | None = None
        self.first_tag: int | None = None
        self.body_start = len(text)
        self.head_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open ``tag``; a block or container ends the text before it."""
        at = self._at()
        values = {name: (value or "").strip() for name, value in attrs}
        raw = self.get_starttag_text() or ""
        if self.first_tag is None:
            self.first_tag = at
        if tag == "head" and self.head_tag is None:
            self.head_tag = (at, raw)
        if tag == "html" and self.html_tag is None:
            self.html_tag = (at, raw)
            if values.get("lang"):
                self.metadata["language"] = values["lang"]
        elif tag == "meta":
            self._meta(values)
        elif tag == "body":
            self.body_start = min(self.body_start, at)
        self._count_attributes(values)
        if tag in SKIPPED and not self._outermost_skipped():
            self.skipped_serial += 1
        if tag in _BLOCKS or tag in _CONTAINERS:
            self.flush()
            self._close_implied(tag)
        elif self._reading() and tag in SKIPPED:
            if self.start is not None and self.skipped_at is None:
                self.skipped_at = (tag, at)
        elif self._reading():
            self._inline_start(tag, values, raw, at)
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        """Take ``<x/>`` as HTML does: a start tag (and an empty element)."""
        if tag in _VOID or tag in _BLOCKS or tag in _CONTAINERS or tag in SKIPPED:
            self.handle_starttag(tag, attrs)
            if tag not in _VOID:
                self.handle_endtag(tag)
        elif self._reading():
            at = self._at()
            self._placeholder(f"x-html-{tag}", self.get_starttag_text() or "", at)

    def handle_endtag(self, tag: str) -> None:
        """Close ``tag`` and anything left open inside it."""
        at = self._at()
        end = self.text.find(">", at)
        raw = self.text[at : end + 1 if end >= 0 else len(self.text)]
        if (
            self.skipped_at is not None
            and tag == self.skipped_at[0]
            and self._outermost_skipped() == tag
        ):
            kind, start = self.skipped_at
            self.skipped_at = None
            while self.stack.pop() != tag:
                pass
            self._placeholder(f"x-html-{kind}", self.text[start : at + len(raw)], at)
            return
        if tag in _BLOCKS or tag in _CONTAINERS:
            if tag in self.stack:
                self.flush()
        elif self._reading() and tag not in SKIPPED:
            self._inline_end(tag, raw, at)
        if tag not in self.stack:
            return
        while self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        """Add text to the current paragraph unless it is in a skipped element."""
        at = self._at()
        if not self._reading():
            outermost = self._outermost_skipped()
            if outermost in _PROSE and data.strip():
                self.unread.add((outermost, self.skipped_serial))
            elif self.stack[-1:] == ["head"] and data.strip():
                self.head_text += 1  # stray text: a browser shows it
        elif self.skipped_at is None:
            if data.strip() and self.start is None:
                self.start = at
            if self.start is not None:
                self.pending = True
            self.coded.text(data)

    def handle_comment(self, data: str) -> None:
        """Keep a comment inside a paragraph as a placeholder."""
        at = self._at()
        if self.start is not None and self.skipped_at is None and self._reading():
            end = self.text.find(">", at + 4 + len(data))
            raw = self.text[at : end + 1] if end >= 0 else f"<!--{data}-->"
            self._placeholder("x-html-comment", raw, at)

    def handle_decl(self, decl: str) -> None:
        self._at()

    def handle_pi(self, data: str) -> None:
        self._at()

    def unknown_decl(self, data: str) -> None:
        self._at()

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """Skip ``<![...]>`` as the bogus comment browsers take it for."""
        at = self._at()
        end = self.rawdata.find(">", i + 3)
        if end >= 0 and self.start is not None and self._reading():
            self._placeholder("x-html-section", self.rawdata[i : end + 1], at)
        return -1 if end < 0 else end + 1

    def finish(self) -> None:
        """End the last paragraph at the end of the text."""
        self._at(len(self.text))
        self.flush()
        if self.unread:
            label = gettext_noop(
                "menus, forms and embedded text (kept, not translated)"
            )
            self.not_kept[label] = len(self.unread)
        if self.head_text:
            label = gettext_noop("text in the head (kept, not translated)")
            self.not_kept[label] = self.head_text

    def _count_attributes(self, values: dict[str, str]) -> None:
        """Count ``alt`` and ``title`` texts in the body: kept, not offered."""
        if "head" in self.stack and "body" not in self.stack:
            return
        found = sum(1 for name in ("alt", "title") if values.get(name))
        if found:
            label = gettext_noop("alt and title attributes (kept, not translated)")
            self.not_kept[label] = self.not_kept.get(label, 0) + found

    def flush(self) -> None:
        """End the current paragraph, if it has text."""
        raw = self.coded.value()
        codes = self.coded.codes
        start, end = self.start, self.end
        self.coded = CodedText("html")
        self.inline = []
        self.start, self.pending, self.skipped_at = None, False, None
        blocks = (t for t in reversed(self.stack) if t in _BLOCKS or t in _CONTAINERS)
        style = next(blocks, "p")
        if style == "pre":
            text = raw.strip("\n").rstrip()
        else:
            text = _SPACE.sub(" ", _CJK_BREAK.sub("", raw)).strip()
        if plain(text).strip() and start is not None:
            style = style if style in WRITABLE else "p"
            self.paragraphs.append(Paragraph(text, style, codes))
            self.ranges.append((start, max(end, start)))

    def _at(self, at: int | None = None) -> int:
        """Return where the current event starts; it ends what came before."""
        if at is None:
            line, column = self.getpos()
            at = self.lines[line - 1] + column
        if self.pending:
            self.end = at
            self.pending = False
        return at

    def _inline_start(self, tag: str, values: dict, raw: str, at: int) -> None:
        """Open a pair for an inline element, or add a placeholder if empty."""
        if tag in _VOID:
            if tag == "br":
                self._placeholder("lb", raw, at)
            elif tag == "img":
                self._placeholder("image", raw, at, values.get("alt", ""))
            else:
                self._placeholder(f"x-html-{tag}", raw, at)
            return
        if self.start is None:
            self.start = at
        label = values.get("href", "") if tag == "a" else tag
        number = self.coded.open(_TAG_TYPES.get(tag, f"x-html-{tag}"), raw, label)
        self.inline.append((tag, number))
        self.pending = True

    def _inline_end(self, tag: str, raw: str, at: int) -> None:
        """Close the pair of ``tag``, or keep an end tag alone as a code."""
        for index in range(len(self.inline) - 1, -1, -1):
            if self.inline[index][0] == tag:
                self.coded.close(self.inline[index][1], raw)
                del self.inline[index:]
                self.pending = True
                return
        if self.start is not None or tag in self.stack:
            if self.start is None:
                self.start = at
            self.coded.closing_alone(_TAG_TYPES.get(tag, f"x-html-{tag}"), raw, tag)
            self.pending = True

    def _placeholder(self, type: str, native: str, at: int, label: str = "") -> None:
        if self.start is None:
            self.start = at
        self.coded.placeholder(type, native, label or type.removeprefix("x-html-"))
        self.pending = True

    def _outermost_skipped(self) -> str:
        return next((tag for tag in self.stack if tag in SKIPPED), "")

    def _reading(self) -> bool:
        """Tell whether text here is read: not in a skipped element but title."""
        skipped = [tag for tag in self.stack if tag in SKIPPED]
        return not skipped or (skipped == ["head"] and self.stack[-1] == "title")

    def _close_implied(self, tag: str) -> None:
        """Close a ``p`` (or sibling item or cell) that ``tag`` ends implicitly."""
        if "head" in self.stack and tag != "title":
            del self.stack[self.stack.index("head") :]
        if self.stack[-1:] == ["p"]:
            self.stack.pop()
        closes = _CLOSES.get(tag, set())
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index] in closes:
                del self.stack[index:]
                return
            if self.stack[index] in ("ul", "ol", "dl", "table"):
                return

    def _meta(self, values: dict[str, str]) -> None:
        """Read a publication date from a ``meta`` element."""
        key = (values.get("name") or values.get("property") or "").lower()
        content = values.get("content", "")
        if key in ("date", "article:published_time") and content:
            date = re.match(r"\d{4}-\d{2}-\d{2}", content)
            self.metadata.setdefault("date", date[0] if date else content)


def decode(data: bytes) -> str:
    """Decode ``data`` by its BOM, its ``<meta charset>``, else by sniffing."""
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith(_BOMS):
        name = declared.group(1).decode("ascii").lower()
        name = _CODECS.get(name, "utf-8" if name.startswith("utf-16") else name)
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if text.strip() and "\0" not in text:
                return text.replace("\r\n", "\n").replace("\r", "\n")
    return decode_text(data)
