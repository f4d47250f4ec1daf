"""XLIFF: ``parse`` reads 1.2 and 2.0 (``read.py``), ``write`` writes 2.0."""

from formats.bilingual.xliff.read import parse, strip_forbidden, unescape_key
from formats.bilingual.xliff.write import escape_key, write

__all__ = ["escape_key", "parse", "strip_forbidden", "unescape_key", "write"]
