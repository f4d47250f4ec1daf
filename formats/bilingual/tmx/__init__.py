"""TMX 1.4b: ``parse``/``iter_units`` read it (``read.py``), ``write`` writes it."""

from formats.bilingual.tmx.read import iter_units, parse, units_for
from formats.bilingual.tmx.write import (
    XML_LANG,
    TmxUnit,
    clean_text,
    format_date,
    write,
    write_tus,
)

__all__ = [
    "XML_LANG",
    "TmxUnit",
    "clean_text",
    "format_date",
    "iter_units",
    "parse",
    "units_for",
    "write",
    "write_tus",
]
