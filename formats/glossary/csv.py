"""Read and write glossaries as CSV: a row per concept, a column per language.

Reading. ``decode_text`` decodes the bytes (BOM, UTF-16, GB18030, Big5); the
delimiter is the commonest of comma, tab and semicolon on the first line,
the header. Its names, in any case and order, are language codes (``en``,
``zh_HK``, ``ZH-cn``: a term column each, normalised), ``id``, ``domain``,
``usage``, ``approval``, ``case_sensitive``, ``definition`` and ``note``
(English) and ``definition:<language>``, ``note:<language>``. Any other name
is refused, so Weblate's ``source,target``, which does not say which
languages it holds, is refused too; so are a header without a language and
two columns meaning the same (``zh_HK`` and ``zh-Hant``). ``id`` always means
the identifier: write Indonesian ``id-ID``.

Each row holds terms of one concept; its ``usage`` (ours or TBX statuses like
``admittedTerm-admn-sts``), ``approval`` and ``case_sensitive`` apply to all
of them. Rows with the same non-empty ``id`` are one concept (extra rows
carry synonyms); its domain, definitions and notes come from the first row
that has them. A blank row is skipped; a row with values but no term needs
an ``id`` shared with a row that has terms. Cells go through ``clean_text``.
Empty cells past the header's width are ignored; others are an error.

Writing. UTF-8 without BOM, ``\r\n`` line endings (RFC 4180), quotes only
where needed. A cell that a spreadsheet would run as a formula (it starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return: OWASP's CSV
injection rule) is written with a leading ``'``, which spreadsheets show as
text; the reader takes that ``'`` off again, so files round-trip.
Columns: ``id``, the languages, ``usage``, ``approval``,
``case_sensitive``, ``domain``, ``definition``, ``note``, then
``definition:<language>``, ``note:<language>`` for the other languages.
A concept takes a row per group of terms sharing usage, approval and case
flag (preferred first; two terms of one language in a group take two rows);
domain and texts go on its first row. Written on several rows without an
identifier, it gets ``concept-<position>`` so the rows read back as one.
Terms and texts in languages not listed are left out; a concept left
without terms is skipped. ``write(parse(write(x))) == write(x)`` unless two
concepts share an identifier (they read back as one).
"""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NoReturn

from django.utils.translation import gettext_noop

from core.languages import UnknownLanguage, normalise
from formats import FormatError
from formats.glossary.units import (
    APPROVALS,
    USAGES,
    ConceptUnit,
    TermUnit,
    clean_text,
    flag_from_text,
    usage_from_text,
)
from formats.textdecoding import decode_text

__all__ = ["parse", "write"]

_FIELDS = ("id", "domain", "usage", "approval", "case_sensitive")
_TEXTS = ("definition", "note")
_ACCEPTED = (
    "language codes (en, zh-Hant, zh-Hans...), id, domain, usage, approval, "
    "case_sensitive, definition, note, definition:<language>, note:<language>"
)


@dataclass(frozen=True)
class _Column:
    """What a header cell means: a field, or a term/definition/note language."""

    kind: str  # "term", "definition", "note", one of _FIELDS, or "" (no name)
    language: str = ""


def parse(
    data: bytes, *, max_rows: int | None = None, max_cell_chars: int | None = None
) -> list[ConceptUnit]:
    """Return the concepts of a CSV glossary; raise ``FormatError`` if bad.

    A file with more than ``max_rows`` records or a cell longer than
    ``max_cell_chars`` is refused as soon as the reader meets it.
    """
    text = decode_text(data)
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=_sniff(text),
        strict=True,
        skipinitialspace=True,
    )
    columns: list[_Column] | None = None
    concepts: list[ConceptUnit] = []
    by_id: dict[str, ConceptUnit] = {}
    first_line: dict[int, int] = {}  # id(concept) -> line of its first row
    for line, cells in _records(reader, max_rows, max_cell_chars):
        if columns is None:
            columns = _header(cells, line)
            continue
        row = _row(cells, columns, line)
        if row is None:
            continue
        concept = by_id.get(row.identifier) if row.identifier else None
        if concept is None:
            if not row.terms and not row.identifier:
                raise FormatError(
                    gettext_noop("line %(line)d: the row has no term"), line=line
                )
            concepts.append(row)
            first_line[id(row)] = line
            if row.identifier:
                by_id[row.identifier] = row
        else:
            _merge(concept, row)
    if columns is None:
        raise FormatError(gettext_noop("the file is empty"))
    for concept in concepts:
        if not concept.terms:
            raise FormatError(
                gettext_noop('line %(line)d: concept "%(id)s" has no term'),
                line=first_line[id(concept)],
                id=concept.identifier,
            )
    return concepts


def _sniff(text: str) -> str:
    """Return the delimiter used most on the first non-blank line."""
    header = next((line for line in io.StringIO(text) if line.strip()), "")
    counts = {delimiter: header.count(delimiter) for delimiter in ",\t;"}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def _records(
    reader, max_rows: int | None, max_cell_chars: int | None
) -> Iterator[tuple[int, list[str]]]:
    """Yield (first line, cells) of every non-blank record; check the limits."""
    count = 0
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field larger" in str(error):
                _too_long(line, max_cell_chars or csv.field_size_limit())
            raise FormatError(
                gettext_noop("line %(line)d: the CSV is malformed (%(error)s)"),
                line=line,
                error=str(error),
            ) from None
        count += 1
        if max_rows is not None and count > max_rows:
            raise FormatError(
                gettext_noop("the file has more than %(limit)d rows"), limit=max_rows
            )
        if max_cell_chars is not None and any(
            len(cell) > max_cell_chars for cell in cells
        ):
            _too_long(line, max_cell_chars)
        if any(cell.strip() for cell in cells):
            yield line, cells
        line = reader.line_num + 1


def _too_long(line: int, limit: int) -> NoReturn:
    """Refuse a cell over ``limit`` characters."""
    raise FormatError(
        gettext_noop("line %(line)d: a cell is longer than %(limit)d characters"),
        line=line,
        limit=limit,
    )


def _header(cells: list[str], line: int) -> list[_Column]:
    """Read the header row into columns, refusing unknown or repeated names."""
    columns = []
    seen: dict[_Column, str] = {}
    for number, cell in enumerate(cells, 1):
        name = cell.strip()
        column = _column(name, line) if name else _Column("", str(number))
        if column in seen:
            raise FormatError(
                gettext_noop(
                    'line %(line)d: columns "%(first)s" and "%(second)s" mean the '
                    "same (%(meaning)s)"
                ),
                line=line,
                first=seen[column],
                second=name,
                meaning=" ".join(filter(None, (column.kind, column.language))),
            )
        seen[column] = name
        columns.append(column)
    if not any(column.kind == "term" for column in columns):
        raise FormatError(
            gettext_noop(
                "line %(line)d: no column is named by a language code; name the "
                "term columns like en,zh-Hant,zh-Hans"
            ),
            line=line,
        )
    return columns


def _column(name: str, line: int) -> _Column:
    """Return the meaning of one header name, or raise ``FormatError``."""
    key = name.lower().replace("-", "_").replace(" ", "_")
    if key in _FIELDS:
        return _Column(key)
    if key in _TEXTS:
        return _Column(key, "en")
    base, colon, language = name.partition(":")
    try:
        if colon and base.strip().lower() in _TEXTS:
            return _Column(base.strip().lower(), normalise(language))
        if not colon:
            return _Column("term", normalise(name))
    except UnknownLanguage:
        pass
    raise FormatError(
        gettext_noop('line %(line)d: unknown column "%(column)s"; use %(accepted)s'),
        line=line,
        column=name,
        accepted=_ACCEPTED,
    )


def _row(cells: list[str], columns: list[_Column], line: int) -> ConceptUnit | None:
    """Return one row as a concept, or None when it holds no value."""
    extra = [cell for cell in cells[len(columns) :] if cell.strip()]
    if extra:
        raise FormatError(
            gettext_noop(
                "line %(line)d: the row has %(count)d cells but the header only "
                "%(columns)d"
            ),
            line=line,
            count=len(cells),
            columns=len(columns),
        )
    values: dict[str, str] = {}
    concept = ConceptUnit()
    texts = []
    for column, cell in zip(columns, cells, strict=False):
        value = _disarmed(clean_text(cell))
        if not value:
            continue
        if column.kind == "":
            raise FormatError(
                gettext_noop(
                    "line %(line)d: column %(number)s has a value but no name"
                ),
                line=line,
                number=column.language,
            )
        if column.kind == "term":
            texts.append((column.language, value))
        elif column.kind == "definition":
            concept.definitions[column.language] = value
        elif column.kind == "note":
            concept.notes[column.language] = value
        else:
            values[column.kind] = value
    if not texts and not values and not concept.definitions and not concept.notes:
        return None
    usage, approval, case_sensitive = _flags(values, line)
    concept.identifier = values.get("id", "")
    concept.domain = values.get("domain", "")
    concept.terms = [
        TermUnit(language, text, usage, approval, case_sensitive)
        for language, text in texts
    ]
    return concept


def _flags(values: dict[str, str], line: int) -> tuple[str, str | None, bool]:
    """Return the row's usage, approval and case flag, checking each value."""
    usage = usage_from_text(values.get("usage", "preferred"))
    approval = values.get("approval", "").lower() or None
    case_sensitive = flag_from_text(values.get("case_sensitive", ""))
    for name, bad, accepted in (
        ("usage", usage is None, ", ".join(USAGES)),
        ("approval", approval not in (None, *APPROVALS), ", ".join(APPROVALS)),
        ("case_sensitive", case_sensitive is None, "yes, no"),
    ):
        if bad:
            raise FormatError(
                gettext_noop(
                    'line %(line)d: unknown %(column)s "%(value)s"; use %(accepted)s'
                ),
                line=line,
                column=name,
                value=values[name],
                accepted=accepted,
            )
    return usage or "preferred", approval, bool(case_sensitive)


def _merge(concept: ConceptUnit, row: ConceptUnit) -> None:
    """Add a later row of the same concept: its terms, and texts not yet set."""
    concept.terms.extend(row.terms)
    concept.domain = concept.domain or row.domain
    for language, text in row.definitions.items():
        concept.definitions.setdefault(language, text)
    for language, text in row.notes.items():
        concept.notes.setdefault(language, text)


def write(concepts: Iterable[ConceptUnit], languages: list[str]) -> Iterator[bytes]:
    """Yield a CSV glossary of ``concepts`` in ``languages``, a chunk per concept."""
    languages = list(dict.fromkeys(normalise(code) for code in languages))
    others = [code for code in languages if code != "en"]
    text_columns = [("definition", "en"), ("note", "en")]
    for code in others:
        text_columns += [("definition", code), ("note", code)]
    header = ["id", *languages, *_FIELDS[2:], "domain"]
    header += [
        kind if code == "en" else f"{kind}:{code}" for kind, code in text_columns
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    yield buffer.getvalue().encode("utf-8")
    for position, concept in enumerate(concepts, 1):
        rows = _term_rows(concept, languages)
        if not rows:
            continue
        identifier = clean_text(concept.identifier)
        if not identifier and len(rows) > 1:
            identifier = f"concept-{position}"
        texts = [
            clean_text(getattr(concept, kind + "s").get(code, ""))
            for kind, code in text_columns
        ]
        buffer.seek(0)
        buffer.truncate()
        for number, row in enumerate(rows):
            described = [clean_text(concept.domain), *texts]
            if number:
                described = [""] * len(described)
            writer.writerow(
                [_armoured(cell) for cell in (identifier, *row, *described)]
            )
        yield buffer.getvalue().encode("utf-8")


#: What makes a spreadsheet read a cell as a formula (OWASP).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _armoured(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _disarmed(value: str) -> str:
    """Undo ``_armoured``: the ``'`` it put before a formula-like cell."""
    if value.startswith("'") and value[1:].startswith(_FORMULA_STARTS):
        return value[1:]
    return value


def _term_rows(concept: ConceptUnit, languages: list[str]) -> list[list[str]]:
    """Return the term, usage, approval and case cells of a concept's rows."""
    groups: dict[tuple[str, str, bool], dict[str, list[str]]] = {}
    for term in concept.terms:
        text = clean_text(term.text)
        if text and term.language in languages:
            key = (term.usage, term.approval or "", term.case_sensitive)
            groups.setdefault(key, {}).setdefault(term.language, []).append(text)
    rank = {usage: number for number, usage in enumerate(USAGES)}
    rows = []
    for key in sorted(groups, key=lambda key: rank.get(key[0], len(rank))):
        usage, approval, case_sensitive = key
        by_language = groups[key]
        for depth in range(max(len(texts) for texts in by_language.values())):
            terms = [by_language.get(code, [])[depth : depth + 1] for code in languages]
            flags = [usage, approval, "yes" if case_sensitive else "no"]
            rows.append([next(iter(texts), "") for texts in terms] + flags)
    return rows
