"""Bilingual exchange formats: PO (``po``), TMX (``tmx``) and XLIFF (``xliff``).

Each reads into ``Unit`` objects (a ``Catalogue`` for PO and XLIFF) and
writes them back; ``read_catalogue`` picks the PO or XLIFF reader by the
file's name, or by its first bytes.
"""

from django.utils.translation import gettext_noop

from formats import FormatError
from formats.bilingual import po, xliff
from formats.bilingual.units import Catalogue, Unit

__all__ = ["Catalogue", "Unit", "po", "read_catalogue", "tmx", "xliff"]

PO_SUFFIXES = (".po", ".pot")
XLIFF_SUFFIXES = (".xlf", ".xliff", ".xliff2", ".sdlxliff", ".mqxliff")


def read_catalogue(
    data: bytes, filename: str, *, max_po_bytes: int | None = None
) -> Catalogue:
    """Parse a PO or XLIFF file into a catalogue of units.

    A PO file over ``max_po_bytes`` is refused unread.
    """
    name = filename.lower()
    if name.endswith(PO_SUFFIXES):
        return po.parse(data, max_bytes=max_po_bytes)
    if name.endswith(XLIFF_SUFFIXES):
        return xliff.parse(data)
    head = data[:512].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        return xliff.parse(data)
    if head.startswith((b"msgid", b"#", b"msgctxt")):
        return po.parse(data, max_bytes=max_po_bytes)
    raise FormatError(gettext_noop("unsupported file type; use a .po or .xliff file"))
