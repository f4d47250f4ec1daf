"""What a source document reader returns: a title, metadata and paragraphs."""

from dataclasses import dataclass, field

from core.inline import Code


@dataclass(frozen=True)
class Paragraph:
    """One block of source text and the style it had (``h1``, ``li``, ``Heading 1``).

    ``text`` may hold inline codes (``core.inline``); ``codes`` says what
    each stands for, keyed by number.
    """

    text: str
    style: str = ""
    codes: dict[int, Code] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class SourceDocument:
    """A parsed source document: its title, metadata and paragraphs in order.

    ``not_kept`` counts, by what it is, what the reader could not offer for
    translation or keep as it was (``{"comments": 2}``); empty when all was.
    """

    title: str
    paragraphs: list[Paragraph]
    metadata: dict[str, str] = field(default_factory=dict)
    not_kept: dict[str, int] = field(default_factory=dict)
