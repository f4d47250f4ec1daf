"""Outside views of the real files in ``tests/data``, for the round-trip harness.

Each reader here is independent of the product's own readers (lxml,
polib, python-docx), so that a file taken in and written back is compared
with what the file itself says, not with what the product thought it said.

Texts are compared in a "plain" form: inline codes (XLIFF ``ph``/``x``/
``bx``/``ex``/``bpt``/``ept``/``it``/``sc``/``ec``, TMX ``bpt``/``ept``/
``ph``/``it``/``ut``) are left out with their native content, the text of
paired elements (``g``, ``pc``, ``mrk``, ``hi``) is kept, and runs of
whitespace are folded to one space (TMX segments excepted: their whitespace
is content; XLIFF targets also keep their text as written, to tell
pretty-printing from content). Codes are counted on their own, a pair
(``g``, ``pc``, ``hi``) as two, so that a pair written back as ``sc``/``ec``
or ``bpt``/``ept`` counts the same.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from html import escape

import docx
import polib
from lxml import etree, html

from core.languages import UnknownLanguage, normalise

XLIFF20 = "urn:oasis:names:tc:xliff:document:2.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: Inline elements whose content is native markup, not text (one code each).
CODES = {"x", "bx", "ex", "ph", "bpt", "ept", "it", "ut", "sc", "ec"}
#: Inline elements whose content is text, standing for a pair of codes.
PAIRS = {"g", "pc", "hi"}
#: Markers that are neither text nor codes.
MARKERS = {"sm", "em"}

_SPACE = re.compile(r"\s+")

PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


def fold(text: str) -> str:
    """Return ``text`` with whitespace runs folded to one space, trimmed."""
    return _SPACE.sub(" ", text).strip()


def language(code: str) -> str:
    """Return a language code as the product's edge normalises it."""
    try:
        return normalise(code)
    except UnknownLanguage:
        return code.lower()


def local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def inline(element) -> tuple[str, int]:
    """Return the plain text of an element holding inline content, and its codes."""
    parts = [element.text or ""]
    codes = 0
    for child in element:
        name = local(child)
        if name in CODES:
            codes += 1
        elif name in PAIRS:
            text, inner = inline(child)
            parts.append(text)
            codes += 2 + inner
        elif name == "cp":
            parts.append(chr(int(child.get("hex", "20"), 16)))
        elif name not in MARKERS and name:
            text, inner = inline(child)
            parts.append(text)
            codes += inner
        parts.append(child.tail or "")
    return "".join(parts), codes


#: Codes that open or close a pair (the other half elsewhere in the text).
OPENING = {"bpt", "bx", "sc"}
CLOSING = {"ept", "ex", "ec"}


def as_html(element) -> str:
    """Return inline content as HTML with the same shape of codes: a pair
    (``g``, ``pc``, ``bpt``/``ept``, ``sc``/``ec``) as ``<b>``, a
    placeholder as ``<br>``, so that a document made of it has the codes
    the file's units have."""
    parts = [escape(element.text or "")]
    for child in element:
        name = local(child)
        if name in OPENING:
            parts.append("<b>")
        elif name in CLOSING:
            parts.append("</b>")
        elif name in CODES:
            parts.append("<br>")
        elif name in PAIRS:
            parts.append("<b>%s</b>" % as_html(child))
        elif name == "cp":
            parts.append(escape(chr(int(child.get("hex", "20"), 16))))
        elif name not in MARKERS and name:
            parts.append(as_html(child))
        parts.append(escape(child.tail or ""))
    return "".join(parts)


# --- XLIFF -----------------------------------------------------------------


@dataclass
class BilingualUnit:
    """A unit of a bilingual file as the file itself says it."""

    id: str
    source: str  # plain, folded
    target: str  # plain, folded; "" when the file has none
    source_html: str = ""  # the source with its codes as HTML (``as_html``)
    target_raw: str = ""  # plain, as written (XLIFF)
    preserve: bool = False  # xml:space="preserve" holds for the target
    target_codes: int = 0
    done: bool = False  # translated or better, not waiting for a person
    flags: set[str] = field(default_factory=set)
    comments: str = ""  # PO translator comments
    notes: list[str] = field(default_factory=list)  # XLIFF notes, PO "#." lines
    plural: tuple[str, ...] = ()


@dataclass
class BilingualFile:
    source_language: str
    target_language: str
    units: list[BilingualUnit]
    obsolete: int = 0  # PO entries kept only as history (#~)


def _preserved(element) -> bool:
    """Whether ``xml:space="preserve"`` is in force on ``element``."""
    node = element
    while node is not None:
        space = node.get(XML_SPACE)
        if space in ("preserve", "default"):
            return space == "preserve"
        node = node.getparent()
    return False


def _notes(elements) -> list[str]:
    return [fold(e.text or "") for e in elements if fold(e.text or "")]


def _translatable(element) -> bool:
    """The nearest ``translate`` attribute decides (XLIFF scopes it so)."""
    node = element
    while node is not None:
        if node.get("translate") in ("yes", "no"):
            return node.get("translate") == "yes"
        node = node.getparent()
    return True


def read_xliff(data: bytes) -> BilingualFile:
    """Read XLIFF 1.x or 2.x: the translatable units, in order."""
    root = etree.fromstring(data, PARSER)
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if namespace == XLIFF20:
        return _read_xliff2(root)
    units = []
    files = root.findall("{*}file") or root.findall("file")
    for file in files:
        for unit in file.iter("{*}trans-unit", "trans-unit"):
            if not _translatable(unit):
                continue
            source = unit.find("{*}source")
            target = unit.find("{*}target")
            source_text, _ = inline(source) if source is not None else ("", 0)
            target_text, codes = inline(target) if target is not None else ("", 0)
            state = target.get("state", "") if target is not None else ""
            done = bool(fold(target_text)) and (
                state in ("", "translated", "signed-off", "final")
            )
            units.append(
                BilingualUnit(
                    id=unit.get("id", ""),
                    source=fold(source_text),
                    source_html=as_html(source) if source is not None else "",
                    target=fold(target_text),
                    target_raw=target_text,
                    preserve=_preserved(target),
                    target_codes=codes,
                    done=done,
                    notes=_notes(unit.findall("{*}note")),
                )
            )
    first = files[0] if files else root
    return BilingualFile(
        source_language=first.get("source-language", ""),
        target_language=first.get("target-language", ""),
        units=units,
    )


def _read_xliff2(root) -> BilingualFile:
    units = []
    for unit in root.iter("{%s}unit" % XLIFF20):
        if not _translatable(unit):
            continue
        parts = [child for child in unit if local(child) in ("segment", "ignorable")]
        sources, targets, codes, states, markup = [], {}, 0, [], []
        for position, part in enumerate(parts, start=1):
            source = part.find("{%s}source" % XLIFF20)
            target = part.find("{%s}target" % XLIFF20)
            sources.append(inline(source)[0] if source is not None else "")
            markup.append(as_html(source) if source is not None else "")
            if target is not None:
                text, count = inline(target)
                codes += count
                targets[int(target.get("order", position))] = text
            elif local(part) == "ignorable":
                targets.setdefault(position, sources[-1])
            if local(part) == "segment":
                has_target = target is not None and bool(
                    fold(target.text or "") or len(target)
                )
                states.append(part.get("state", "") if has_target else "none")
        target = "".join(targets.get(n, "") for n in range(1, len(parts) + 1))
        done = bool(fold(target)) and all(
            state in ("", "translated", "reviewed", "final") for state in states
        )
        units.append(
            BilingualUnit(
                id=unit.get("id", ""),
                source=fold("".join(sources)),
                source_html="".join(markup),
                target=fold(target),
                target_raw=target,
                preserve=_preserved(unit),
                target_codes=codes,
                done=done,
                notes=_notes(unit.findall("{%s}notes/{%s}note" % (XLIFF20, XLIFF20))),
            )
        )
    return BilingualFile(
        source_language=root.get("srcLang", ""),
        target_language=root.get("trgLang", ""),
        units=units,
    )


# --- PO ----------------------------------------------------------------------


def read_po(path) -> BilingualFile:
    """Read a PO file with polib: every entry but the header and obsolete ones."""
    catalogue = polib.pofile(str(path))
    units = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        plural = tuple(
            fold(entry.msgstr_plural[n]) for n in sorted(entry.msgstr_plural)
        )
        target = plural[0] if plural else fold(entry.msgstr)
        units.append(
            BilingualUnit(
                id=(entry.msgctxt or "") + "\x04" + entry.msgid,
                source=fold(entry.msgid),
                target=target,
                done=bool(target) and "fuzzy" not in entry.flags,
                flags=set(entry.flags) - {"fuzzy"},
                comments=fold(entry.tcomment or ""),
                notes=[fold(entry.comment)] if fold(entry.comment or "") else [],
                plural=plural,
            )
        )
    return BilingualFile(
        source_language="en",
        target_language=catalogue.metadata.get("Language", ""),
        units=units,
        obsolete=len(catalogue.obsolete_entries()),
    )


# --- TMX ---------------------------------------------------------------------


@dataclass
class MemoryUnit:
    """A ``tu``: its variants as (language, plain text, codes), notes, props."""

    variants: list[tuple[str, str, int]]
    notes: set[str]
    props: set[tuple[str, str]]
    tuid: str = ""


def read_tmx(data: bytes) -> list[MemoryUnit]:
    """Read every ``tu`` of a TMX file (any version, UTF-8 or UTF-16)."""
    root = etree.fromstring(data, PARSER)
    units = []
    for tu in root.iter("{*}tu", "tu"):
        variants = []
        for tuv in tu.findall("tuv"):
            code = tuv.get(XML_LANG) or tuv.get("lang") or ""
            seg = tuv.find("seg")
            text, codes = inline(seg) if seg is not None else ("", 0)
            # A TMX segment's whitespace is content: compared as written.
            variants.append((language(code), text, codes))
        units.append(
            MemoryUnit(
                variants=variants,
                notes={fold(n.text or "") for n in tu.findall("note")},
                props={
                    (p.get("type", ""), fold(p.text or "")) for p in tu.findall("prop")
                },
            )
        )
    return units


# --- TBX and CSV glossaries --------------------------------------------------


def read_tbx(data: bytes) -> list[frozenset[tuple[str, str]]]:
    """Each concept (TBX 2008 ``termEntry`` or TBX v3 ``conceptEntry``) as its
    set of (language, term)."""
    root = etree.fromstring(data, PARSER)
    concepts = []
    for entry in root.iter("{*}termEntry", "{*}conceptEntry"):
        terms = set()
        for lang_set in entry.iter("{*}langSet", "{*}langSec"):
            code = language(lang_set.get(XML_LANG, ""))
            for term in lang_set.iter("{*}term"):
                text = fold("".join(term.itertext()))
                if text:
                    terms.add((code, text))
        concepts.append(frozenset(terms))
    return concepts


#: TBX data categories compared through a round trip, as (type, text).
TBX_CATEGORIES = {"descrip", "termNote", "admin", "note", "ref", "xref", "transac"}


def read_tbx_categories(
    data: bytes,
) -> dict[frozenset, set[tuple[str, str, str]]]:
    """Each concept's terms, with the data categories found anywhere in it
    (concept, language or term level) as (type, text, the group holding it
    or ""); a cross-reference gives its target when it has no text. TBX-Min's
    ``usageStatus`` (``preferred``) is read as TBX-Basic's
    ``administrativeStatus`` (``preferredTerm-admn-sts``), the same fact."""
    root = etree.fromstring(data, PARSER)
    found = {}
    for entry, terms in zip(
        root.iter("{*}termEntry", "{*}conceptEntry"), read_tbx(data), strict=True
    ):
        categories = set()
        for element in entry.iter():
            name = local(element)
            if name in TBX_CATEGORIES:
                text = fold("".join(element.itertext())) or element.get("target", "")
                group = local(element.getparent())
                kind = element.get("type", name)
                if kind == "usageStatus":  # TBX-Min's form of TBX-Basic's status
                    kind, text = "administrativeStatus", text + "Term-admn-sts"
                categories.add((kind, text, group if "Grp" in group else ""))
        found[terms] = categories
    return found


@dataclass
class CsvConcept:
    """A row of a glossary CSV: its terms and the texts of its other cells."""

    terms: frozenset[tuple[str, str]]  # (language, term); language "" if unnamed
    texts: set[str]  # descriptions, parts of speech: kept as data categories


_BRACKETED = re.compile(r"(term|description|part of speech)\s*\[(.+)\]$")
_NAMED = re.compile(r"(term|description|part)\s*:\s*(.+)$")
#: Header cells that hold text about the concept, not a term.
_ABOUT = {"description", "definition", "note", "notes", "comment", "context", "pos"}


def _column(cell: str, given: dict[str, str]) -> tuple[str, str]:
    """What a header cell names: ("term", language), ("about", ""), or ("", "")."""
    cell = cell.strip().lower()
    if cell in given:  # source, target; Lokalise's term, in the source language
        return "term", language(given[cell]) if given[cell] else ""
    match = _BRACKETED.match(cell) or _NAMED.match(cell)
    if match:
        kind, code = match.groups()
        if kind == "term":
            return "term", language(code) if _BRACKETED.match(cell) else ""
        return "about", ""
    if cell in _ABOUT or cell.endswith(("description", "comments")):
        return "about", ""
    try:
        code = normalise(cell)
    except UnknownLanguage:
        return "", ""
    return "term", code


def read_csv_glossary(
    data: bytes, source: str | None = None, target: str | None = None
) -> list:
    """Each row of a glossary CSV as a ``CsvConcept``.

    The header names the columns: language codes (``en``, ``zh_TW``),
    Crowdin's ``Term [en]`` and ``Term:English`` (a language named, not
    coded: the term is compared without its language), Lokalise's ``term``
    (in ``source``) and ``en_description``, Weblate's ``source,target``. A
    file whose first row names no column has no header: its two columns are
    ``source`` and ``target``.
    """
    text = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    reader = csv.reader(io.StringIO(text), dialect, quotechar='"', doublequote=True)
    rows = [r for r in reader if any(c.strip() for c in r)]
    given = {"source": source or "", "target": target or "", "term": source or ""}
    columns = [_column(cell, given) for cell in rows[0]]
    # With both languages given, a first row naming neither (OmegaT's
    # ``kde,csv kde``: ``kde`` is also a code) is the first pair of terms.
    named = {code for kind, code in columns if kind == "term"}
    pair = {language(code) for code in (source, target) if code}
    if len(pair) == 2 and not named & pair and {k for k, _ in columns} <= {"term", ""}:
        columns = []
    if any(kind for kind, _ in columns):
        rows = rows[1:]
    else:
        columns = [("term", source or ""), ("term", target or "")]
    concepts = []
    for row in rows:
        terms, texts = set(), set()
        for (kind, code), cell in zip(columns, row, strict=False):
            if kind == "term" and fold(cell):
                terms.add((code, fold(cell)))
            elif kind == "about" and fold(cell):
                texts.add(fold(cell))
        if terms:
            concepts.append(CsvConcept(frozenset(terms), texts))
    return concepts


def holds(concept: frozenset, wanted: frozenset) -> bool:
    """Whether an exported concept holds exactly the wanted terms, a term
    of no named language matching one of any language."""
    if len(concept) != len(wanted):
        return False
    terms = {term for _, term in concept}
    return all(
        (code, term) in concept if code else term in terms for code, term in wanted
    )


# --- Documents ---------------------------------------------------------------

HTML_BLOCKS = {
    "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption",
    "dt", "dd", "pre", "blockquote", "label", "option", "button", "legend",
    "figcaption", "div", "body",
}  # fmt: skip
HTML_SKIP = {"script", "style", "head", "title", "noscript", "template"}


@dataclass
class DocumentView:
    """What a reader of a document sees: its text blocks and some structure."""

    texts: list[str]
    links: int = 0
    tables: int = 0
    cells: int = 0
    codes: int = 0  # inline <code>
    list_items: int = 0


def _own_text(element) -> str:
    parts = [element.text or ""] if local_html(element) not in HTML_SKIP else []
    for child in element:
        name = local_html(child)
        if not name:  # a comment or processing instruction: only its tail
            pass
        elif name not in HTML_BLOCKS and name not in HTML_SKIP and name != "table":
            if name == "br":
                parts.append(" ")
            else:
                parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def local_html(element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def read_html(data: bytes) -> DocumentView:
    """The body's text blocks (their own text, nested blocks apart).

    UTF-8 is tried first, as browsers do for a page that does not declare
    its encoding (lxml alone would take Latin-1); otherwise the declared one.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        root = html.document_fromstring(data)
    else:
        root = html.document_fromstring(data, parser=html.HTMLParser(encoding="utf-8"))
    body = root.find("body")
    body = body if body is not None else root
    texts = []
    for element in body.iter():
        name = local_html(element)
        if name in HTML_BLOCKS and not any(
            local_html(a) in HTML_SKIP for a in element.iterancestors()
        ):
            text = fold(_own_text(element))
            if re.search(r"\w", text):
                texts.append(text)
    return DocumentView(
        texts=texts,
        links=len(body.xpath(".//a[@href]")),
        tables=len(body.xpath(".//table")),
        cells=len(body.xpath(".//td|.//th")),
        codes=len(body.xpath(".//code")),
        list_items=len(body.xpath(".//li")),
    )


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(paragraph) -> str:
    """A paragraph's text as Word shows it: every run, in hyperlinks, fields
    and ruby bases too (python-docx skips some), without ruby annotations."""
    parts = []
    for element in paragraph.iter(W + "t", W + "tab", W + "br", W + "cr"):
        if any(a.tag == W + "rt" for a in element.iterancestors()):
            continue
        parts.append(element.text or "" if element.tag == W + "t" else " ")
    return "".join(parts)


def read_docx(path) -> DocumentView:
    """Paragraphs of the body (table cells included), headers and footers."""
    document = docx.Document(str(path))
    texts, links, cells, tables = [], 0, 0, 0
    seen_cells = set()

    def paragraphs(container):
        nonlocal links, cells, tables
        for block in container.iter_inner_content():
            if hasattr(block, "rows"):
                tables += 1
                for row in block.rows:
                    for cell in row.cells:
                        if cell._tc in seen_cells:  # a merged cell, met again
                            continue
                        seen_cells.add(cell._tc)
                        cells += 1
                        yield from paragraphs(cell)
            else:
                links += len(block.hyperlinks)
                yield _paragraph_text(block._p)

    texts.extend(paragraphs(document))
    seen = set()
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if part.is_linked_to_previous or part.part.partname in seen:
                continue
            seen.add(part.part.partname)
            texts.extend(paragraphs(part))
    return DocumentView(
        texts=[fold(t) for t in texts if re.search(r"\w", t)],
        links=links,
        tables=tables,
        cells=cells,
    )
