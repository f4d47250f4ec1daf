"""What a source document reader returns: a title, metadata and paragraphs."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """One block of source text and the style it had (``h1``, ``li``, ``Heading 1``)."""

    text: str
    style: str = ""


@dataclass
class SourceDocument:
    """A parsed source document: its title, metadata and paragraphs in order."""

    title: str
    paragraphs: list[Paragraph]
    metadata: dict[str, str] = field(default_factory=dict)
