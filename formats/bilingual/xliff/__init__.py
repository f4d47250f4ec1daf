"""XLIFF: ``parse`` reads 1.2 and 2.0 (``read.py``), ``write`` writes 2.0,
``write_12`` writes 1.2 (``write12.py``)."""

from formats.bilingual.xliff.read import parse, strip_forbidden, unescape_key
from formats.bilingual.xliff.write import escape_key, write
from formats.bilingual.xliff.write12 import write as write_12

__all__ = [
    "escape_key",
    "parse",
    "strip_forbidden",
    "unescape_key",
    "write",
    "write_12",
]
