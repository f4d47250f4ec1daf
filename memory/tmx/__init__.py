"""TMX in and out of the memory: a streamed import, all or nothing, that
counts what it cannot keep, and a streamed export of every entry or one
language pair that writes back what the files said.

Import. Every two variants of a ``tu`` in different languages or regional
variants (``en-US``, ``en-GB``, ``fr``: three pairs) become an entry, the
first in the file as its source (an entry serves both directions). A
variant's tag is kept as written (``memory.store.memory_variant``); a bare
``zh`` is filed under the script its text is written in
(``conversion.scripts``): the variant's own characters when they show one,
else those of every bare ``zh`` variant of the file together (the units
waiting for that verdict are stored at the end), else, when neither tells,
under both scripts: a text without a character that differs between them
is the same text in either (``ImportCounts.bare_chinese`` counts each
way). A tag naming a script or region (``zh-TW``, ``zh-Hans``) is taken
at its word. The ``tu``'s notes, props and attributes, and each ``tuv``'s,
are kept on the entry (``memory.remarks``), except the workbench's own
props (``x-status``, ``x-origin``, ``x-key``, ``x-context``), which fill
fields. What is not kept is counted by reason in ``ImportCounts.not_kept``
(``NOT_KEPT`` names the reasons for people).

Export. An entry is a ``tu`` of two ``tuv`` elements in its variants, with
the notes, props and attributes it keeps in their places; its ``tuid`` is
the one it came with (an imported entry's key, unless its file gave an
``x-key`` too), else its id.
"""

from memory.tmx.exporting import count_units, export_tmx, memory_units
from memory.tmx.importing import (
    NOT_KEPT,
    ImportCounts,
    describe_import,
    import_tmx,
    not_kept_text,
)
from memory.tmx.pairs import WORKBENCH_PROPS, unit_pairs

__all__ = [
    "NOT_KEPT",
    "WORKBENCH_PROPS",
    "ImportCounts",
    "count_units",
    "export_tmx",
    "import_tmx",
    "memory_units",
    "describe_import",
    "not_kept_text",
    "unit_pairs",
]
