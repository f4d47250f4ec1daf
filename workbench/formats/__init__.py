"""Pure file formats: bytes in, units out, and back.

Modules here never touch the database; ``workbench.importing`` and
``workbench.exporting`` join them to the models.
"""

from dataclasses import dataclass, field


class FormatError(ValueError):
    """Input that cannot be read; the message names the line or unit.

    Format modules stay free of Django: they mark messages with
    ``gettext_noop`` and pass values as keyword arguments, so that
    ``localized()`` can translate the message where a language is active.
    """

    def __init__(self, message: str, **params: object):
        self.message = message
        self.params = params
        super().__init__(message % params if params else message)

    def localized(self) -> str:
        """Return the message in the active UI language."""
        from django.utils.translation import gettext

        text = gettext(self.message)
        return text % self.params if self.params else text


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
