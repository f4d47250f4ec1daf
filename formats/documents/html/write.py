"""Write coded paragraphs as HTML: into the original (a skeleton), or anew.

See the package's docstring.
"""

import codecs
import html
import re
from collections.abc import Iterable

from core.inline import Code, plain
from formats.documents.coded import events
from formats.documents.html.read import SKIPPED, WRITABLE, Reader, decode, read
from formats.documents.source import Paragraph

__all__ = ["render", "write"]

_STYLES = {"Title": "title", "List Bullet": "li", "List Number": "li"}
_STYLES |= {"Quote": "blockquote", "code": "pre", "ol": "li", "": "p"}
_STYLES |= {f"Heading {n}": f"h{n}" for n in range(1, 7)}
_WRAPPERS = {"li": "ul", "dt": "dl", "dd": "dl", "td": "table", "th": "table"}
_WRAPPERS |= {"caption": "table", "figcaption": "figure"}
_ORDERED = {"ol", "List Number"}
_CHARSET_TEXT = re.compile(
    r"<meta[^>]+charset\s*=\s*[\"']?\s*([-\w.:]+)|<\?xml[^>]+encoding=[\"']([-\w.:]+)",
    re.I,
)
_LANG = re.compile(r"(\slang\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
_XML_LANG = re.compile(r"(\sxml:lang\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
_XHTML = re.compile(r"<\?xml\s|\sxmlns\s*=", re.I)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_TITLE_END = re.compile(r"</title\s*>", re.IGNORECASE)
_EMBEDDED = SKIPPED | {"comment", "section"}
_TYPE_TAGS = {"bold": "b", "italic": "i", "underline": "u", "link": "a"}
_TYPE_TAGS |= {"code": "code", "sub": "sub", "sup": "sup"}


def write(
    paragraphs: Iterable[Paragraph],
    title: str,
    language: str,
    template: bytes | None = None,
) -> bytes:
    """Return the paragraphs as HTML: the template filled in, or a new page.

    With the original file as ``template`` (read into exactly as many
    paragraphs), each paragraph whose text changed replaces the content it
    was read from. Otherwise: a minimal HTML5 document with one element per
    paragraph; the first paragraph styled ``title`` fills ``<title>`` (else
    ``title`` does); list items, cells and captions get the wrapper element
    they need.

    The headline is always in the body: when the document had its title only
    in ``<title>`` (a paragraph styled ``title`` and none styled ``h1``), the
    translated title also opens the body as an ``<h1>``, in a new page and in
    a filled template alike.
    """
    paragraphs = list(paragraphs)
    if template is not None:
        text = decode(template)
        reader = read(text)
        if len(reader.paragraphs) == len(paragraphs):
            filled = _fill(text, reader, paragraphs, language)
            return (codecs.BOM_UTF8 if template.startswith(_BOMS) else b"") + filled
    items = [(_tag(p.style), p) for p in paragraphs if plain(p.text).strip()]
    heading = next((i for i, (tag, _) in enumerate(items) if tag == "title"), None)
    if heading is not None:
        headline = items.pop(heading)[1]
        title = plain(headline.text)
        if not any(tag == "h1" for tag, _ in items):
            items.insert(0, ("h1", headline))
    lines: list[str] = []
    wrapper = ""
    for tag, paragraph in items:
        tag = "p" if tag == "title" else tag
        wanted = "ol" if paragraph.style in _ORDERED else _WRAPPERS.get(tag, "")
        if wanted != wrapper:
            lines.append(f"</{wrapper}>" if wrapper else "")
            wrapper = wanted
            lines.append(f"<{wrapper}>" if wrapper else "")
        markup = render(paragraph.text, paragraph.codes, embedded=False)
        lines.append(_element(tag, markup))
    lines.append(f"</{wrapper}>" if wrapper else "")
    head = (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
        "</head>\n<body>\n"
    )
    body = "\n".join(line for line in lines if line)
    return (head + body + "\n</body>\n</html>\n").encode("utf-8")


def render(text: str, codes: dict[int, Code], *, embedded: bool = True) -> str:
    """Return coded ``text`` as HTML: escaped text, codes as their markup.

    Codes read from HTML give back their own markup (scripts, comments and
    other elements never read only when ``embedded``); codes from other
    formats the element of their type (``bold`` is ``<b>``, ``link`` an
    ``<a>`` to the code's label), or nothing when HTML has none.
    """
    out: list[str] = []
    for kind, value in events(text, codes):
        if kind == "text":
            out.append(html.escape(value, quote=False))  # type: ignore[arg-type]
        elif embedded or value.type.removeprefix("x-html-") not in _EMBEDDED:  # type: ignore[union-attr]
            out.append(_markup(kind, value))  # type: ignore[arg-type]
    return "".join(out)


def _markup(kind: str, code: Code) -> str:
    """Return the HTML a code stands for, on its ``kind`` of event."""
    if code.format == "html":
        return code.closing if kind == "close" else code.native
    if kind == "ph":
        return "<br>" if code.type == "lb" else ""
    tag = _TYPE_TAGS.get(code.type, "span")
    if kind == "close":
        return f"</{tag}>"
    if tag == "a":
        return f'<a href="{html.escape(code.label)}">'
    return f"<{tag}>"


def _fill(text: str, reader: Reader, paragraphs: list[Paragraph], language: str):
    """Return ``text`` with each changed paragraph's content replaced."""
    changes: list[tuple[int, int, str]] = []
    for (start, end), old, new in zip(
        reader.ranges, reader.paragraphs, paragraphs, strict=True
    ):
        if new.text == old.text:
            continue
        raw = text[start:end]
        lead = raw[: len(raw) - len(raw.lstrip("\n" if old.style == "pre" else None))]
        trail = raw[len(raw.rstrip()) :] if raw.strip() else ""
        codes = new.codes or old.codes
        changes.append((start, end, lead + render(new.text, codes) + trail))
    declared = False
    for match in _CHARSET_TEXT.finditer(text[: reader.body_start]):
        group = 1 if match.group(1) else 2
        changes.append((match.start(group), match.end(group), "utf-8"))
        declared = True
    if not declared:
        changes.append(_charset_meta(text, reader))
    changes += _headline(text, reader, paragraphs)
    if reader.html_tag is not None:
        start, raw = reader.html_tag
        changes.append((start, start + len(raw), _with_lang(raw, language)))
    out: list[str] = []
    done = 0
    for start, end, replacement in sorted(changes):
        if start < done:
            continue
        out.append(text[done:start])
        out.append(replacement)
        done = end
    out.append(text[done:])
    return "".join(out).encode("utf-8")


def _headline(
    text: str, reader: Reader, paragraphs: list[Paragraph]
) -> list[tuple[int, int, str]]:
    """Return the insertion of an ``<h1>`` headline when the body has none.

    The first paragraph styled ``title`` (read from ``<title>``) goes, as
    translated, right after the ``<body>`` start tag, or after ``</head>``
    (else ``</title>``) when the page has no ``<body>`` tag.
    """
    styles = [p.style for p in paragraphs]
    if "title" not in styles or "h1" in styles:
        return []
    index = styles.index("title")
    headline = paragraphs[index]
    if not plain(headline.text).strip():
        return []
    markup = "<h1>" + render(headline.text, headline.codes, embedded=False) + "</h1>"
    body = _BODY_TAG.search(text, reader.body_start)
    if body is None or body.start() != reader.body_start:
        body = _HEAD_END.search(text) or _TITLE_END.search(text)
    if body is None:
        return []
    return [(body.end(), body.end(), "\n" + markup)]


def _charset_meta(text: str, reader: Reader) -> tuple[int, int, str]:
    """Return the insertion of a UTF-8 ``<meta charset>`` into ``text``.

    It goes first in the head, or in a new head right after the ``<html>``
    start tag, or before the first element (after any doctype), where a
    browser's prescan finds it.
    """
    xhtml = bool(_XHTML.search(text[: reader.body_start]))
    meta = '<meta charset="utf-8"%s>' % (" /" if xhtml else "")
    if reader.head_tag is not None:
        at = reader.head_tag[0] + len(reader.head_tag[1])
    elif reader.html_tag is not None:
        at = reader.html_tag[0] + len(reader.html_tag[1])
        meta = f"<head>{meta}</head>"
    else:
        at = reader.first_tag if reader.first_tag is not None else 0
    return (at, at, meta)


def _with_lang(tag: str, language: str) -> str:
    """Return the ``<html>`` start tag ``tag`` with its language set.

    ``lang`` is set (added when absent), and so is ``xml:lang`` when the
    tag has one: in XHTML it wins over ``lang``.
    """
    value = html.escape(language)
    tag = _XML_LANG.sub(lambda m: f'{m.group(1)}"{value}"', tag, count=1)
    if _LANG.search(tag):
        return _LANG.sub(lambda m: f'{m.group(1)}"{value}"', tag, count=1)
    return tag[:5] + f' lang="{value}"' + tag[5:]


def _tag(style: str) -> str:
    """Return the element to write a paragraph of ``style`` in."""
    tag = _STYLES.get(style, style)
    return tag if tag in WRITABLE else "p"


def _element(tag: str, markup: str) -> str:
    """Return ``markup`` inside ``tag``, in a row when it is a cell."""
    element = f"<{tag}>{markup}</{tag}>"
    return f"<tr>{element}</tr>" if tag in ("td", "th") else element
