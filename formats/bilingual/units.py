"""Translation units: what PO, XLIFF and TMX files carry, without the database.

``status`` uses the workbench's sentence statuses (``untranslated``,
``draft``, ``translated``, ``approved``, ``rejected``); each format maps them
as ``docs/architecture.md`` ("Statuses") says:

| status | PO | XLIFF 2.0 ``state`` | TMX |
| --- | --- | --- | --- |
| untranslated | empty msgstr | initial, no target | not exported |
| draft, rejected | ``#, fuzzy`` | initial | ``<prop type="x-status">`` |
| translated | plain | translated | prop |
| approved | plain | final (reviewed is read as approved too) | prop |
"""

from dataclasses import dataclass, field
from datetime import datetime

from core.inline import Code

STATUSES = ("untranslated", "draft", "translated", "approved", "rejected")


@dataclass
class Unit:
    """One sentence and its translation, as a file carries it."""

    key: str  # the segment's stable key: PO msgctxt, XLIFF unit id, TMX x-key prop
    source: str
    target: str = ""
    status: str = "untranslated"
    notes: list[str] = field(default_factory=list)  # for translators (PO "#.")
    comments: list[str] = field(default_factory=list)  # people's remarks (PO "#")
    references: list[str] = field(default_factory=list)  # where it comes from
    created_at: datetime | None = None
    changed_at: datetime | None = None
    created_by: str = ""
    changed_by: str = ""
    line: int = 0  # where the unit starts in the file read, for error messages
    file: str = ""  # in a package of several files (XLIFF <file>), which one
    codes: dict[int, Code] = field(default_factory=dict)  # inline codes, by number
    flags: list[str] = field(default_factory=list)  # PO "#," flags but fuzzy
    previous_source: str = ""  # PO "#| msgid": the source it was translated from
    previous_context: str = ""  # PO "#| msgctxt"
    plural_source: str = ""  # PO msgid_plural; "" for a singular unit
    plural_targets: list[str] = field(default_factory=list)  # PO msgstr[n]
    obsolete: bool = False  # PO "#~": kept in the file, no longer in the source
    context: str = ""  # the file's own name for the unit: PO msgctxt, XLIFF resname
    alt_trans: list[str] = field(default_factory=list)  # XLIFF 1.2 <alt-trans> targets


@dataclass
class Catalogue:
    """A file of units for one document and one target language."""

    source_language: str
    target_language: str
    units: list[Unit] = field(default_factory=list)
    document: str = ""  # the document id the file says it belongs to, if any
    title: str = ""
    plural_forms: str = ""  # PO Plural-Forms, as the file says it
    not_translatable: list[str] = field(default_factory=list)  # translate="no" ids
    file_notes: list[str] = field(default_factory=list)  # where each file note is
    group_notes: list[str] = field(default_factory=list)  # where each group note is
    #: PO header fields with a value the workbench does not use (Last-Translator…)
    header_fields: list[str] = field(default_factory=list)
