"""TMX 1.4b: ``parse``/``iter_units`` read it (``read.py``), ``write`` writes it;
``units.py`` holds what a file holds (``TmxUnit``, ``Tuv``, ``Note``, ``Prop``)."""

from formats.bilingual.tmx.read import iter_units, parse, units_for
from formats.bilingual.tmx.units import (
    SEGTYPES,
    TU_ATTRIBUTES,
    TUV_ATTRIBUTES,
    XML_LANG,
    Note,
    Prop,
    TmxHeader,
    TmxUnit,
    Tuv,
    language_of,
)
from formats.bilingual.tmx.write import clean_text, format_date, write, write_tus

__all__ = [
    "SEGTYPES",
    "TUV_ATTRIBUTES",
    "TU_ATTRIBUTES",
    "XML_LANG",
    "Note",
    "Prop",
    "TmxHeader",
    "TmxUnit",
    "Tuv",
    "clean_text",
    "format_date",
    "iter_units",
    "language_of",
    "parse",
    "units_for",
    "write",
    "write_tus",
]
