"""Read CSV glossaries: a row per concept, a column per language.

``decode_text`` decodes the bytes (BOM, UTF-16, GB18030, Big5); the
delimiter is the commonest of comma, tab and semicolon on the first line,
the header. Its names, in any case and order, are language codes (``en``,
``zh_HK``, ``ZH-cn``: a term column each, normalised), ``id``, ``domain``,
``usage``, ``approval``, ``case_sensitive``, ``definition`` and ``note``
(English) and ``definition:<language>``, ``note:<language>``. ``id`` always
means the identifier: write Indonesian ``id-ID``.

Other tools' conventions, each tested with a real file:

- Weblate's ``source,target`` (and translate-toolkit's): term columns in the
  source and target languages the caller names; without them such a header
  is refused in one line;
- a header-less two-column file (Okapi, Weblate, OmegaT): a file whose
  first row names neither of the two languages the caller gives, and no
  field, is read without a header, its first two columns the terms (a row
  that is a header beyond doubt, ``fr,de`` with ``en`` and ``cs`` given,
  is refused). Without
  both languages, a first row whose term columns are bare codes that are
  also words (``kde,csv kde``: ``kde`` is an ISO 639-3 code) is refused,
  asking for them; a header must name a language the workbench knows
  (``LANGUAGE_NAMES``), a tag with a region or script, only two-letter
  codes, or one of the fields and other tools' columns below;
- Crowdin's ``Term [xx]``, ``Description [xx]`` (a definition) and ``Part of
  Speech [xx]`` (kept on the term as TBX ``partOfSpeech`` when it is one of
  TBX-Basic's values); its later export, named by language names
  (``Term:English``), is refused: no language code names a column;
- Lokalise's ``term`` (in the source language, which the caller names),
  ``description`` (its definition), ``casesensitive``, ``forbidden`` (yes:
  the row's terms are forbidden), ``<language>`` and
  ``<language>_description``.

Any other name is a column not kept: its values are counted per name in
each concept's ``columns_not_kept`` (Lokalise's ``translatable`` and
``tags``, Weblate's ``translator_comments``), never silently dropped. A
header without a term column, and two columns of ours meaning the same
(``zh_HK`` and ``zh-Hant``), are refused.

Each row holds terms of one concept; its ``usage`` (ours or TBX statuses like
``admittedTerm-admn-sts``), ``approval`` and ``case_sensitive`` apply to all
of them. Rows with the same non-empty ``id`` are one concept (extra rows
carry synonyms); its domain, definitions and notes come from the first row
that has them. A blank row is skipped; a row with values but no term needs
an ``id`` shared with a row that has terms. Cells go through ``clean_text``.
Empty cells past the header's width are ignored; others are an error.
"""

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NoReturn

from django.utils.translation import gettext_noop

from core.languages import LANGUAGE_NAMES, UnknownLanguage, normalise
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

__all__ = ["FIELDS", "FORMULA_STARTS", "parse"]


FIELDS = ("id", "domain", "usage", "approval", "case_sensitive")
_TEXTS = ("definition", "note")


@dataclass(frozen=True)
class _Column:
    """What a header cell means: a field, or a term/definition/note language."""

    kind: str  # "term", "definition", "note", one of FIELDS, or "" (no name)
    language: str = ""
    #: Named by another platform's convention: may repeat a column of ours
    #: (Lokalise's ``term`` and ``en``), values of both are kept.
    alias: bool = field(default=False, compare=False)


def parse(
    data: bytes,
    *,
    max_rows: int | None = None,
    max_cell_chars: int | None = None,
    source_language: str | None = None,
    target_language: str | None = None,
) -> list[ConceptUnit]:
    """Return the concepts of a CSV glossary; raise ``FormatError`` if bad.

    A file with more than ``max_rows`` records or a cell longer than
    ``max_cell_chars`` is refused as soon as the reader meets it. The two
    languages name the columns of a ``source,target`` header or of a file
    without a header.
    """
    pair = _pair(source_language, target_language)
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
            columns, is_data = _header(cells, line, pair)
            if not is_data:
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


def _pair(source: str | None, target: str | None) -> tuple[str, str]:
    """Return the normalised source and target languages ("" if not given)."""
    try:
        return (
            normalise(source) if source else "",
            normalise(target) if target else "",
        )
    except UnknownLanguage as error:
        raise FormatError(
            gettext_noop('unknown language code "%(code)s"'), code=str(error)
        ) from None


def _header(
    cells: list[str], line: int, pair: tuple[str, str]
) -> tuple[list[_Column], bool]:
    """Read the header row into columns, refusing repeated names.

    Return the columns and whether the row is data: a file whose first row
    names neither of the source and target languages, and no field, has no
    header when they are given (its first two columns are the terms).
    """
    columns = []
    seen: dict[_Column, str] = {}
    aliased: set[_Column] = set()
    for number, cell in enumerate(cells, 1):
        name = cell.strip()
        column = _column(name, pair) if name else _Column("", str(number))
        if column.kind in ("source", "target"):
            raise FormatError(
                gettext_noop(
                    'line %(line)d: the column "%(column)s" does not say its '
                    "language; give the source and target languages"
                ),
                line=line,
                column=name,
            )
        if (
            column in seen
            and column.kind != "unknown"
            and not column.alias
            and column not in aliased
        ):
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
        seen.setdefault(column, name)
        if column.alias:
            aliased.add(column)
        columns.append(column)
    kinds = {column.kind for column in columns}
    named = {column.language for column in columns if column.kind == "term"}
    plain = kinds <= {"term", "unknown", ""} and not any(c.alias for c in columns)
    sure = bool(named) and _looks_like_a_header(cells, columns)
    if all(pair) and plain and named and not named & set(pair) and sure:
        raise FormatError(
            gettext_noop(
                'line %(line)d: the header names neither "%(source)s" nor '
                '"%(target)s", the languages given'
            ),
            line=line,
            source=pair[0],
            target=pair[1],
        )
    if named and not (all(pair) and plain and not named & set(pair)):
        if all(pair) or sure:
            return columns, False
        raise FormatError(
            gettext_noop(
                'line %(line)d: the first row ("%(row)s") may be a header or '
                "terms; give the source and target languages"
            ),
            line=line,
            row=",".join(cell.strip() for cell in cells),
        )
    if all(pair) and len(cells) >= 2 and plain:
        headerless = [_Column("term", pair[0]), _Column("term", pair[1])]
        headerless += [
            _Column("unknown", "column %d" % n) for n in range(3, len(cells) + 1)
        ]
        return headerless, True
    raise FormatError(
        gettext_noop(
            "line %(line)d: no column is named by a language code; name the "
            "term columns like en,zh-Hant,zh-Hans, or give the source and "
            "target languages of a file without a header"
        ),
        line=line,
    )


def _looks_like_a_header(cells: list[str], columns: list[_Column]) -> bool:
    """Tell whether a first row with term columns is a header beyond doubt.

    Words like ``kde`` or ``art`` are also ISO 639-3 codes, so a bare code
    names a language only if the workbench knows it (``LANGUAGE_NAMES``), or
    it has a region or script (``es-MX``), or it is a two-letter code in a
    row of nothing but codes (``it,nl``), or the row names one of our fields
    or another tool's columns (``id``, ``note``, ``Term [ach]``, ``term``).
    """
    bare = []
    for name, column in zip(cells, columns, strict=False):
        name = name.strip()
        if column.kind not in ("term", "unknown", "") or column.alias:
            return True
        if column.kind != "term":
            continue
        if _BRACKETED.match(name) or column.language in LANGUAGE_NAMES:
            return True
        if "-" in column.language:
            return True
        bare.append(name)
    kinds = {column.kind for column in columns}
    return kinds == {"term"} and all(len(name) == 2 for name in bare)


#: Crowdin's glossary CSV: ``Term [en]``, ``Description [en]``,
#: ``Part of Speech [en]``.
_BRACKETED = re.compile(r"(term|description|part of speech)\s*\[([^\]]+)\]\Z", re.I)
#: Other platforms' names for our fields (Lokalise: ``casesensitive``).
_ALIASES = {"casesensitive": "case_sensitive", "forbidden": "forbidden"}
#: Term columns in the source language (Weblate ``source``, Lokalise ``term``).
_SOURCE_NAMES = ("source", "term")


def _column(name: str, pair: tuple[str, str] = ("", "")) -> _Column:
    """Return the meaning of one header name (kind "unknown" if none)."""
    key = name.lower().replace("-", "_").replace(" ", "_")
    if key in FIELDS:
        return _Column(key)
    if key in _ALIASES:
        return _Column(_ALIASES[key], alias=True)
    if key in _TEXTS:
        return _Column(key, "en")
    if key in (*_SOURCE_NAMES, "target"):
        language = pair[key == "target"]
        kind = "term" if language else ("target" if key == "target" else "source")
        return _Column(kind, language, alias=True)
    if key == "description":  # Lokalise: the source term's description
        return _Column("definition", pair[0] or "en", alias=True)
    bracketed = _BRACKETED.match(name.strip())
    base, colon, language = name.partition(":")
    if key.endswith("_description") and not colon:
        base, colon, language = "definition", ":", name.strip()[: -len("_description")]
    try:
        if bracketed:
            kind = {"term": "term", "description": "definition"}.get(
                bracketed.group(1).lower(), "partOfSpeech"
            )
            return _Column(kind, normalise(bracketed.group(2).strip()))
        if colon and base.strip().lower() in _TEXTS:
            return _Column(base.strip().lower(), normalise(language))
        if not colon:
            return _Column("term", normalise(name))
    except UnknownLanguage:
        pass
    return _Column("unknown", name)


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
    parts_of_speech: dict[str, str] = {}
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
        if column.kind == "unknown" or (
            column.kind == "partOfSpeech" and value.lower() not in _PARTS_OF_SPEECH
        ):
            name = _not_kept_name(column)
            concept.columns_not_kept[name] = concept.columns_not_kept.get(name, 0) + 1
        elif column.kind == "partOfSpeech":
            parts_of_speech[column.language] = value.lower()
        elif column.kind == "term":
            texts.append((column.language, value))
        elif column.kind == "definition":
            concept.definitions[column.language] = value
        elif column.kind == "note":
            concept.notes[column.language] = value
        else:
            values[column.kind] = value
    if not texts and not values and not concept.definitions and not concept.notes:
        return concept if concept.columns_not_kept else None
    usage, approval, case_sensitive = _flags(values, line)
    concept.identifier = values.get("id", "")
    concept.domain = values.get("domain", "")
    concept.terms = [
        TermUnit(language, text, usage, approval, case_sensitive)
        for language, text in dict.fromkeys(texts)
    ]
    for term in concept.terms:
        if term.language in parts_of_speech:
            node = {"tag": "termNote", "type": "partOfSpeech"}
            term.extra.append({**node, "text": parts_of_speech[term.language]})
    for language in parts_of_speech.keys() - {t.language for t in concept.terms}:
        name = "Part of Speech [%s]" % language
        concept.columns_not_kept[name] = concept.columns_not_kept.get(name, 0) + 1
    return concept


#: TBX-Basic's parts of speech: a Crowdin value among them is kept on the term.
_PARTS_OF_SPEECH = ("adjective", "noun", "other", "verb", "adverb")


def _not_kept_name(column: _Column) -> str:
    """Return the name a column not kept is counted under."""
    if column.kind == "partOfSpeech":
        return "Part of Speech [%s]" % column.language
    return column.language


def _flags(values: dict[str, str], line: int) -> tuple[str, str | None, bool]:
    """Return the row's usage, approval and case flag, checking each value."""
    usage = usage_from_text(values.get("usage", "preferred"))
    approval = values.get("approval", "").lower() or None
    case_sensitive = flag_from_text(values.get("case_sensitive", ""))
    forbidden = flag_from_text(values.get("forbidden", ""))
    if forbidden:  # Lokalise: a term not to be used
        usage = "forbidden"
    for name, bad, accepted in (
        ("usage", usage is None, ", ".join(USAGES)),
        ("forbidden", forbidden is None, "yes, no"),
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
    for name, count in row.columns_not_kept.items():
        concept.columns_not_kept[name] = concept.columns_not_kept.get(name, 0) + count
    concept.domain = concept.domain or row.domain
    for language, text in row.definitions.items():
        concept.definitions.setdefault(language, text)
    for language, text in row.notes.items():
        concept.notes.setdefault(language, text)


#: What makes a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _disarmed(value: str) -> str:
    """Undo ``_armoured``: the ``'`` it put before a formula-like cell."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
