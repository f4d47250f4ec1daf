"""Inline codes in document paragraphs: building coded text, writing it back.

Readers build a paragraph's text with ``CodedText`` (numbers in order of
opening, the two halves of a pair sharing one). Writers walk a (translated)
text with ``events``, which repairs what a translation may have broken so
the markup written is always well nested: a closing whose opening is not
before it is dropped, a pair left open is closed at the end of the
paragraph, and pairs that cross (``⟨1⟩a⟨2⟩b⟨/1⟩c⟨/2⟩``) are closed and
reopened. A code alone (an opening or closing whose other half is in another
paragraph) is written where it stands.
"""

from collections.abc import Iterator
from dataclasses import replace

from core.inline import (
    CLOSING,
    OPENING,
    PLACEHOLDER,
    Code,
    code_char,
    parse_char,
    plain,
)

__all__ = ["CodedText", "events", "is_pair", "plain", "plain_text"]


def is_pair(code: Code) -> bool:
    """Tell whether ``code`` is a pair whose two halves are in the paragraph."""
    return code.kind == OPENING and bool(code.closing)


class CodedText:
    """Text with inline codes, built piece by piece by a reader."""

    def __init__(self, format: str) -> None:
        self.format = format
        self.parts: list[str] = []
        self.codes: dict[int, Code] = {}

    def text(self, value: str) -> None:
        self.parts.append(value)

    def placeholder(self, type: str, native: str, label: str = "") -> int:
        """Add a placeholder; return its number."""
        return self._add(PLACEHOLDER, type, native, "", label)

    def open(self, type: str, native: str, label: str = "") -> int:
        """Add the opening half of a pair; ``close`` adds the other half."""
        return self._add(OPENING, type, native, "", label)

    def close(self, number: int, closing: str) -> None:
        """Close the pair ``number`` with the ``closing`` markup."""
        opened = self.codes[number]
        self.codes[number] = replace(opened, closing=closing)
        self.parts.append(code_char(number, CLOSING))

    def closing_alone(self, type: str, closing: str, label: str = "") -> int:
        """Add the closing half of a pair opened in an earlier paragraph."""
        return self._add(CLOSING, type, "", closing, label)

    def value(self) -> str:
        return "".join(self.parts)

    def _add(self, kind: str, type: str, native: str, closing: str, label: str) -> int:
        number = len(self.codes) + 1
        code = Code(number, kind, type, native, closing, label, self.format)
        self.codes[number] = code
        self.parts.append(code.char())
        return number


def events(text: str, codes: dict[int, Code]) -> Iterator[tuple[str, object]]:
    """Yield ``("text", str)``, ``("open"|"close"|"ph", Code)``, well nested.

    ``open`` and ``close`` of a code alone come as they stand; unknown codes
    are left out.
    """
    stack: list[Code] = []
    start = 0
    for index, char in enumerate(text):
        found = parse_char(char)
        if found is None:
            continue
        if index > start:
            yield "text", text[start:index]
        start = index + 1
        number, kind = found
        code = codes.get(number)
        if code is None:
            continue
        if kind == PLACEHOLDER and code.kind == PLACEHOLDER:
            yield "ph", code
        elif kind == OPENING and code.kind == OPENING:
            yield "open", code
            if is_pair(code):
                stack.append(code)
        elif kind == CLOSING and code.kind == CLOSING:
            yield "close", code
        elif kind == CLOSING and is_pair(code) and code in stack:
            above: list[Code] = []
            while (top := stack.pop()) is not code:
                yield "close", top
                above.append(top)
            yield "close", code
            for again in reversed(above):
                yield "open", again
                stack.append(again)
    if start < len(text):
        yield "text", text[start:]
    for code in reversed(stack):
        yield "close", code


def plain_text(text: str, codes: dict[int, Code]) -> str:
    """Return coded ``text`` as plain text: line breaks kept, other codes not."""
    out: list[str] = []
    for kind, value in events(text, codes):
        if kind == "text":
            out.append(value)  # type: ignore[arg-type]
        elif kind == "ph" and value.type == "lb":  # type: ignore[union-attr]
            out.append("\n")
    return "".join(out)
