"""Gettext PO files, read (``read.py``) and written (``write.py``) with polib.

Status mapping (``docs/architecture.md``, "Statuses"). Writing:
``untranslated`` gets an empty msgstr (a stale target is dropped), ``draft``
and ``rejected`` ``#, fuzzy``, ``translated`` and ``approved`` nothing.
Reading: an empty msgstr is ``untranslated``, fuzzy with text ``draft``, the
rest ``translated``; so rejected comes back as draft and approved as
translated, and the importer decides what to approve.

A unit is an entry: ``msgctxt`` the key ("" when the entry has none, and no
msgctxt is written for an empty key), ``#.`` notes and ``#`` comments one
line each, ``#:`` references (``file:line``), the other ``#,`` flags
(``c-format``, ``python-format``, ``no-wrap``...) in ``flags``, ``#|`` the
previous context and source, ``msgid_plural`` and ``msgstr[n]`` in
``plural_source`` and ``plural_targets`` (``target`` is ``msgstr[0]``), and
``#~`` entries with ``obsolete`` set. All of them are read and written back,
so a parse -> write round trip keeps them. Strings are not wrapped but split
after each ``\\n``, as gettext does. NUL is dropped. A unit with an empty
source is not written (``msgid ""`` is the header's). What polib itself
drops: blank ``#.`` lines and the ``#~|`` previous source of an obsolete
entry.

Languages: gettext tools want locales, so ``zh-Hant`` is written ``zh_HK``
(Hong Kong usage, the workbench's Traditional), ``zh-Hans`` ``zh_CN``, others
with ``_`` (``pt_BR``). Reading normalises ``Language`` (``zh_HK``, ``zh_TW``
-> ``zh-Hant``; a bare ``zh`` stays ``zh``, for the importer to measure).
``Plural-Forms`` is written from the target language unless the caller
passes the file's own. ``X-Source-Language`` (default ``en``) and
``X-Document`` are the workbench's own fields, so an import can refuse a file
made for another document; ``Project-Id-Version`` is the title.

polib does the reading, after a guard of our own: polib opens a one-line
string that names a file on disk, splits lines on U+2028 and other Unicode
breaks, drops the last character of an unterminated string, accepts
misplaced keywords and knows no octal, hex or ``\\a`` escapes. So the bytes
are decoded here (a BOM, UTF-8, UTF-16 or UTF-32, wins over the declared
charset; a UTF-8 BOM is accepted although msgfmt refuses it), every line is
checked, every string is unescaped as C does and written back in the escapes
polib knows, and polib gets a ``str`` it cannot take for a path and whose
only line break is ``\\n``. Refused, naming the line: ``.mo``, binary and
empty files, bytes not in the declared charset, bad escapes, unterminated
strings, misplaced keywords, a repeated msgctxt + msgid; and files over
``max_bytes`` (the workbench passes ``settings.MAX_PO_BYTES``, 10 MB).
"""

from formats.bilingual.po.read import parse
from formats.bilingual.po.write import plural_forms_for, write

__all__ = ["parse", "plural_forms_for", "write"]
