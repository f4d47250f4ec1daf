"""Pure file formats: bytes in, units out, and back.

Modules here never touch the database or the settings: ``exchange``,
``memory.tmx`` and ``glossary.importing``/``glossary.exporting`` join them
to the models. One naming rule: ``formats.<family>.<format>`` offers
``parse(data)`` (bytes to units) and ``write(...)`` (units to bytes or
chunks of bytes). A format whose reader and writer together would pass about
400 lines is a package of that name with ``read.py`` and ``write.py``, and
its ``__init__`` offers the same two names. Families: ``documents`` (txt,
md, html, docx), ``bilingual`` (po, tmx, xliff) and ``glossary`` (csv, tbx);
``textdecoding`` guesses the encoding of text files for all of them.
"""

__all__ = ["FormatError", "bilingual", "documents", "glossary", "textdecoding"]


class FormatError(ValueError):
    """Input that cannot be read; the message names the line or unit.

    Format modules stay free of Django: they mark messages with
    ``gettext_noop`` and pass values as keyword arguments, so that
    ``localized()`` can translate the message where a language is active.
    The message is always one line: white space in the values (a parser's
    own text, a cell's content) is collapsed.
    """

    def __init__(self, message: str, **params: object):
        self.message = message
        self.params = {
            name: " ".join(value.split()) if isinstance(value, str) else value
            for name, value in params.items()
        }
        params = self.params
        super().__init__(message % params if params else message)

    def localized(self) -> str:
        """Return the message in the active UI language."""
        from django.utils.translation import gettext

        text = gettext(self.message)
        return text % self.params if self.params else text
