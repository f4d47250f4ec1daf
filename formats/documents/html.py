"""Read and write HTML source documents with the standard library parser.

``html.parser`` fetches nothing and expands no external entities. Each block
element (``p``, ``h1``-``h6``, ``li``, ``blockquote``, ``td``, ``th``, ``dt``,
``dd``, ``caption``, ``figcaption``, ``pre``, ``title``) gives a paragraph
styled with its tag name; text standing directly in a container (``div``,
``section``, ``article``, ...) gives one styled with the container's name, or
``p`` at top level. Inline elements flatten into the text, ``br`` becomes a
space, entities are decoded, whitespace collapses (``pre`` keeps its lines) and
a line break between two CJK characters disappears. Never read: ``head``
(except ``title``), ``script``, ``style``, ``noscript``, ``template``,
``svg``, ``math``, ``iframe``, ``object``, form controls, and ``nav``, which
holds site menus rather than document prose.
"""

import codecs
import html
import re
from collections.abc import Iterable
from html.parser import HTMLParser

from django.utils.translation import gettext_noop

from formats import FormatError
from formats.documents.source import Paragraph, SourceDocument
from formats.textdecoding import decode_text

__all__ = ["parse", "write"]

_BLOCKS = {"p", "li", "blockquote", "td", "th", "dt", "dd", "caption", "title"}
_BLOCKS |= {"figcaption", "pre"} | {f"h{n}" for n in range(1, 7)}
_CONTAINERS = {"div", "section", "article", "main", "header", "footer", "aside"}
_CONTAINERS |= {"body", "html", "table", "thead", "tbody", "tfoot", "tr", "ul"}
_CONTAINERS |= {"ol", "dl", "figure", "form", "fieldset", "address", "details"}
_CONTAINERS |= {"summary", "center", "hr"}
_SKIPPED = {"script", "style", "noscript", "template", "svg", "math", "iframe"}
_SKIPPED |= {"object", "select", "textarea", "button", "nav", "head"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link"}
_VOID |= {"meta", "param", "source", "track", "wbr"}
_CLOSES = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}
_CLOSES |= {"td": {"td", "th"}, "th": {"td", "th"}, "tr": {"tr", "td", "th"}}
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
_SPACE = re.compile(r"[ \t\n\r\f\xa0]+")
_WIDE = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
_CJK_BREAK = re.compile(rf"(?<={_WIDE})[ \t\r\f]*\n[ \t\n\r\f]*(?={_WIDE})")
_WRITABLE = _BLOCKS | {"div", "section", "article", "main", "header", "footer"}
_WRITABLE |= {"aside", "address", "details", "summary", "figure", "form"}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CODECS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}
_CODECS |= dict.fromkeys(("iso-8859-1", "latin1", "ascii", "us-ascii"), "cp1252")
_STYLES = {"Title": "title", "List Bullet": "li", "List Number": "li"}
_STYLES |= {"Quote": "blockquote", "code": "pre", "ol": "li", "": "p"}
_STYLES |= {f"Heading {n}": f"h{n}" for n in range(1, 7)}
_WRAPPERS = {"li": "ul", "dt": "dl", "dd": "dl", "td": "table", "th": "table"}
_WRAPPERS |= {"caption": "table", "figcaption": "figure"}
_ORDERED = {"ol", "List Number"}


def parse(data: bytes) -> SourceDocument:
    """Return the document in ``data``; raise ``FormatError`` if unreadable."""
    text = _decode(data)
    reader = _Reader()
    try:
        reader.feed(text)
        reader.close()
        reader.flush()
    except Exception as exc:  # html.parser has no error class of its own
        raise FormatError(gettext_noop("the HTML could not be parsed")) from exc
    paragraphs = reader.paragraphs
    title = next((p.text for p in paragraphs if p.style == "title"), "")
    title = title or next((p.text for p in paragraphs if p.style == "h1"), "")
    title = title or (paragraphs[0].text if paragraphs else "")
    return SourceDocument(title, paragraphs, reader.metadata)


def write(paragraphs: Iterable[Paragraph], title: str, language: str) -> bytes:
    """Return a minimal HTML5 document with one element per paragraph.

    The first paragraph styled ``title`` fills ``<title>`` (else ``title``
    does); list items, cells and captions get the wrapper element they need.
    """
    items = [(_tag(p.style), p) for p in paragraphs if p.text.strip()]
    heading = next((i for i, (tag, _) in enumerate(items) if tag == "title"), None)
    if heading is not None:
        title = items.pop(heading)[1].text
    lines: list[str] = []
    wrapper = ""
    for tag, paragraph in items:
        tag = "p" if tag == "title" else tag
        wanted = "ol" if paragraph.style in _ORDERED else _WRAPPERS.get(tag, "")
        if wanted != wrapper:
            lines.append(f"</{wrapper}>" if wrapper else "")
            wrapper = wanted
            lines.append(f"<{wrapper}>" if wrapper else "")
        lines.append(_element(tag, paragraph.text))
    lines.append(f"</{wrapper}>" if wrapper else "")
    head = (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
        "</head>\n<body>\n"
    )
    body = "\n".join(line for line in lines if line)
    return (head + body + "\n</body>\n</html>\n").encode("utf-8")


class _Reader(HTMLParser):
    """Collect the text of block elements as styled paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[Paragraph] = []
        self.metadata: dict[str, str] = {}
        self.stack: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open ``tag``; a block or container ends the text before it."""
        values = {name: (value or "").strip() for name, value in attrs}
        if tag == "html" and values.get("lang"):
            self.metadata["language"] = values["lang"]
        elif tag == "meta":
            self._meta(values)
        elif tag == "br" and self._reading():
            self.parts.append("\n" if "pre" in self.stack else " ")
        if tag in _BLOCKS or tag in _CONTAINERS:
            self.flush()
            self._close_implied(tag)
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close ``tag`` and anything left open inside it."""
        if tag not in self.stack:
            return
        if tag in _BLOCKS or tag in _CONTAINERS:
            self.flush()
        while self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        """Add text to the current paragraph unless it is in a skipped element."""
        if self._reading():
            self.parts.append(data)

    def flush(self) -> None:
        """End the current paragraph, if it has text."""
        raw = "".join(self.parts)
        self.parts = []
        blocks = (t for t in reversed(self.stack) if t in _BLOCKS or t in _CONTAINERS)
        style = next(blocks, "p")
        if style == "pre":
            text = raw.strip("\n").rstrip()
        else:
            text = _SPACE.sub(" ", _CJK_BREAK.sub("", raw)).strip()
        if text:
            style = style if style in _WRITABLE else "p"
            self.paragraphs.append(Paragraph(text, style))

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """Skip ``<![...]>`` as the bogus comment browsers take it for."""
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def _reading(self) -> bool:
        """Tell whether text here is read: not in a skipped element but title."""
        skipped = [tag for tag in self.stack if tag in _SKIPPED]
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


def _decode(data: bytes) -> str:
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


def _tag(style: str) -> str:
    """Return the element to write a paragraph of ``style`` in."""
    tag = _STYLES.get(style, style)
    return tag if tag in _WRITABLE else "p"


def _element(tag: str, text: str) -> str:
    """Return ``text`` escaped inside ``tag``, in a row when it is a cell."""
    element = f"<{tag}>{html.escape(text, quote=False)}</{tag}>"
    return f"<tr>{element}</tr>" if tag in ("td", "th") else element
