"""Bilingual exchange formats: PO (``po``), TMX (``tmx``) and XLIFF (``xliff``).

Each reads into ``Unit`` objects (a ``Catalogue`` for PO and XLIFF) and
writes them back; ``read_catalogue`` picks the PO, XLIFF or TMX reader by
the file's name, or by its first bytes.
"""

from django.utils.translation import gettext_noop

from formats import FormatError
from formats.bilingual import po, tmx, xliff
from formats.bilingual.units import Catalogue, Unit

__all__ = ["Catalogue", "Unit", "po", "read_catalogue", "tmx", "xliff"]

PO_SUFFIXES = (".po", ".pot")
XLIFF_SUFFIXES = (".xlf", ".xliff", ".xliff2", ".sdlxliff", ".mqxliff")
TMX_SUFFIXES = (".tmx",)


def read_catalogue(
    data: bytes,
    filename: str,
    *,
    source_language: str,
    target_language: str,
    max_po_bytes: int | None = None,
    max_units: int | None = None,
) -> Catalogue:
    """Parse a PO, XLIFF or TMX file into a catalogue of units.

    A TMX file may hold any languages: its units holding both
    ``source_language`` and ``target_language`` make the catalogue. PO and
    XLIFF files say their languages themselves. A PO file over
    ``max_po_bytes`` is refused unread; a file of more than ``max_units``
    units is refused (a PO file as soon as the reader meets one too many).
    """
    catalogue = _read(data, filename, source_language, target_language,
                      max_po_bytes, max_units)  # fmt: skip
    if max_units is not None and len(catalogue.units) > max_units:
        raise FormatError(
            gettext_noop("the file has more than %(limit)d units"), limit=max_units
        )
    return catalogue


def _read(data, filename, source_language, target_language, max_po_bytes, max_units):
    name = filename.lower()
    if name.endswith(PO_SUFFIXES):
        return po.parse(data, max_bytes=max_po_bytes, max_entries=max_units)
    if name.endswith(TMX_SUFFIXES):
        return _tmx_catalogue(data, source_language, target_language)
    if name.endswith(XLIFF_SUFFIXES):
        return xliff.parse(data)
    head = data[:512].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        if b"<tmx" in data[:4096]:
            return _tmx_catalogue(data, source_language, target_language)
        return xliff.parse(data)
    if head.startswith((b"msgid", b"#", b"msgctxt")):
        return po.parse(data, max_bytes=max_po_bytes, max_entries=max_units)
    raise FormatError(
        gettext_noop("unsupported file type; use a .po, .xliff or .tmx file")
    )


def _tmx_catalogue(data: bytes, source_language: str, target_language: str):
    units = list(tmx.units_for(tmx.parse(data), source_language, target_language))
    return Catalogue(
        source_language=source_language, target_language=target_language, units=units
    )
