"""Write CSV glossaries: a row per concept, a column per language.

UTF-8 without BOM, ``\r\n`` line endings (RFC 4180), quotes only
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
without terms is skipped. The TBX data categories a concept or term keeps
(``extra``) are left out: CSV has no place for them (export TBX to keep
them). ``write(parse(write(x))) == write(x)`` unless two concepts share an
identifier (they read back as one).
"""

import csv
import io
from collections.abc import Iterable, Iterator

from core.languages import normalise
from formats.glossary.csv.read import FIELDS, FORMULA_STARTS
from formats.glossary.units import USAGES, ConceptUnit, clean_text

__all__ = ["write"]


def write(concepts: Iterable[ConceptUnit], languages: list[str]) -> Iterator[bytes]:
    """Yield a CSV glossary of ``concepts`` in ``languages``, a chunk per concept."""
    languages = list(dict.fromkeys(normalise(code) for code in languages))
    others = [code for code in languages if code != "en"]
    text_columns = [("definition", "en"), ("note", "en")]
    for code in others:
        text_columns += [("definition", code), ("note", code)]
    header = ["id", *languages, *FIELDS[2:], "domain"]
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


def _armoured(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


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
