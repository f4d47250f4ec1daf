"""Pure file formats: bytes in, units out, and back.

Modules here never touch the database; ``workbench.importing`` and
``workbench.exporting`` join them to the models.
"""

from dataclasses import dataclass, field


class FormatError(ValueError):
    """Input that cannot be read; the message names the line or unit."""


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
