"""What a TMX file holds, as plain data: units, their variants, notes, props.

A ``TmxUnit`` is one ``tu``. Its complete content is ``tuvs`` (every
``tuv`` in file order, with its own ``note``, ``prop`` and attributes),
``tu_notes`` and ``tu_props`` (the ``tu``'s own, in file order) and
``attributes`` (the ``tu``'s attributes as written). ``variants``, ``notes``
and ``props`` are the simple views most callers want: the text of the first
``tuv`` of each language (normalised: ``zh-TW`` -> ``zh-Hant``; a bare
``zh`` stays ``zh``), the texts of the notes, the first text of each prop
type. A unit made in code may give either form; the other is filled in.
"""

import functools
from dataclasses import dataclass, field
from datetime import datetime

from core.inline import Code
from core.languages import UnknownLanguage, normalise

__all__ = [
    "SEGTYPES",
    "TU_ATTRIBUTES",
    "TUV_ATTRIBUTES",
    "XML_LANG",
    "Note",
    "Prop",
    "TmxHeader",
    "TmxUnit",
    "Tuv",
    "language_of",
]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The attributes the TMX 1.4b DTD allows, besides those with fields
#: (``tuid``, dates and ids are fields of ``TmxUnit`` too, and kept here).
TU_ATTRIBUTES = frozenset(
    {
        "tuid", "o-encoding", "datatype", "usagecount", "lastusagedate",
        "creationtool", "creationtoolversion", "creationdate", "creationid",
        "changedate", "segtype", "changeid", "o-tmf", "srclang",
    }
)  # fmt: skip
TUV_ATTRIBUTES = frozenset(
    {
        "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
        "creationtoolversion", "creationdate", "creationid", "changedate",
        "o-tmf", "changeid",
    }
)  # fmt: skip
SEGTYPES = frozenset({"block", "paragraph", "sentence", "phrase"})


@dataclass(frozen=True)
class Note:
    """A ``note``: its text, ``xml:lang`` and ``o-encoding`` as written."""

    text: str
    lang: str = ""
    encoding: str = ""


@dataclass(frozen=True)
class Prop:
    """A ``prop``: its type, text, ``xml:lang`` and ``o-encoding``."""

    type: str
    text: str
    lang: str = ""
    encoding: str = ""


@dataclass
class Tuv:
    """One ``tuv``: its language, the text of its ``seg`` and what it carries.

    ``language`` is the ``xml:lang`` (or TMX 1.1 ``lang``) in canonical
    case with every subtag kept (``en-GB``, ``zh-TW``, ``zh``), or as
    written when it is no language tag. ``attributes`` are its others as
    written (``creationdate``, ``usagecount``...).
    """

    language: str
    text: str
    notes: list[Note] = field(default_factory=list)
    props: list[Prop] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class TmxHeader:
    """What a file's ``header`` holds besides the tool that wrote it."""

    notes: list[Note] = field(default_factory=list)
    props: list[Prop] = field(default_factory=list)
    udes: int = 0  # user-defined encodings (``ude``)
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class TmxUnit:
    """One TMX translation unit: its text per language and its metadata.

    ``variants`` maps a language code to the text of its ``seg``; ``props``
    maps a ``prop`` type to its text; ``line`` is where the ``tu`` starts in
    the file read (0 for units made in code). The module docstring says how
    they relate to ``tuvs``, ``tu_notes`` and ``tu_props``.
    """

    variants: dict[str, str] = field(default_factory=dict)
    props: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    tuid: str = ""
    created_at: datetime | None = None
    changed_at: datetime | None = None
    created_by: str = ""
    changed_by: str = ""
    line: int = 0
    tuvs: list[Tuv] = field(default_factory=list)
    tu_notes: list[Note] = field(default_factory=list)
    tu_props: list[Prop] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    #: inline codes of the variants' texts, by number (``core.inline``)
    codes: dict[int, Code] = field(default_factory=dict)
    #: codes whose markup in a later variant differs from the first's
    codes_markup_differing: int = 0

    def __post_init__(self) -> None:
        if self.tuvs and not self.variants:
            for tuv in self.tuvs:
                self.variants.setdefault(language_of(tuv.language), tuv.text)
        elif self.variants and not self.tuvs:
            self.tuvs = [Tuv(code, text) for code, text in self.variants.items()]
        if self.tu_props and not self.props:
            for prop in self.tu_props:
                self.props.setdefault(prop.type, prop.text)
        elif self.props and not self.tu_props:
            self.tu_props = [Prop(kind, text) for kind, text in self.props.items()]
        if self.tu_notes and not self.notes:
            self.notes = [note.text for note in self.tu_notes]
        elif self.notes and not self.tu_notes:
            self.tu_notes = [Note(text) for text in self.notes]


@functools.lru_cache(maxsize=256)
def language_of(code: str) -> str:
    """The normalised language of a variant's code (a bare ``zh`` kept bare).

    A code that is no language tag comes back as it is.
    """
    try:
        return normalise(code, bare_chinese=True)
    except UnknownLanguage:
        return code
