"""Glossary file formats: CSV (``csv``) and TBX (``tbx``), concept units in and out.

Like every format here, they never touch the database: ``glossary.importing``
and ``glossary.exporting`` join them to the models.
"""

from django.utils.translation import gettext_noop

from formats import FormatError
from formats.glossary import csv, tbx
from formats.glossary.units import USAGE_NOT_STATED, ConceptUnit, TermUnit

__all__ = [
    "SUFFIXES",
    "USAGE_NOT_STATED",
    "ConceptUnit",
    "TermUnit",
    "csv",
    "read_glossary",
    "tbx",
]

#: File name endings and the format each is read as.
SUFFIXES = {".csv": csv, ".tsv": csv, ".txt": csv, ".tbx": tbx, ".xml": tbx}


def read_glossary(
    data: bytes,
    filename: str,
    *,
    max_rows: int | None = None,
    max_cell_chars: int | None = None,
    source_language: str | None = None,
    target_language: str | None = None,
) -> list[ConceptUnit]:
    """Parse a CSV or TBX glossary, chosen by the file name's ending.

    The limits and the two languages (of a ``source,target`` or header-less
    file) apply to CSV; TBX is held by lxml's own limits (no huge trees).
    """
    name = filename.lower()
    for suffix, reader in SUFFIXES.items():
        if name.endswith(suffix):
            if reader is csv:
                return csv.parse(
                    data,
                    max_rows=max_rows,
                    max_cell_chars=max_cell_chars,
                    source_language=source_language,
                    target_language=target_language,
                )
            return reader.parse(data)
    raise FormatError(
        gettext_noop("unsupported glossary file type; use .csv, .tsv or .tbx")
    )
