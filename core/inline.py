"""Inline codes: placeholders and paired tags inside a sentence's text.

One representation everywhere (sentences, translations, memory entries,
every format): a code is ONE character of Unicode's Supplementary Private
Use Area-A inside the text, so a code can never be half-deleted, moves with
the words around it, and is invisible to nothing that reads the text:

- a placeholder (XLIFF ``ph``/``x``, TMX ``ph``/``it``, HTML ``br``/``img``)
  is ``U+F0000 + n``;
- the opening half of a pair (``g``/``pc``/``bpt``/``sc``, ``<a>``, a bold
  run) is ``U+F1000 + n``; its closing half is ``U+F2000 + n``.

``n`` (1 to 4095) is the code's number within its paragraph or unit; the
two halves of a pair share it. What a code stands for (its ``Code``: kind,
type, the format's own markup to write back, a short label for people) is
kept beside the text, keyed by number (``codes_to_json``). A translation
uses the numbers of its source.

The plain text (``plain``) drops the codes: the memory compares and indexes
it, so a sentence that differs from a remembered one only in markup still
scores 100. People see codes as tokens (``to_tokens``): ``⟨1⟩``, ``⟨/1⟩``
and ``⟨1/⟩``, turned back into codes on saving (``from_tokens``) only for
numbers the source has, so a translator who types such brackets for other
reasons keeps them as text.

Text that already holds these reserved characters cannot be told from codes;
readers refuse it (``reserved_in``).
"""

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

__all__ = [
    "CLOSING",
    "KINDS",
    "OPENING",
    "PLACEHOLDER",
    "Code",
    "code_char",
    "code_problems",
    "codes_from_json",
    "codes_in",
    "codes_to_json",
    "from_tokens",
    "has_codes",
    "map_codes",
    "parse_char",
    "plain",
    "reserved_in",
    "sub_codes",
    "to_tokens",
    "token",
]

PLACEHOLDER = "ph"
OPENING = "open"
CLOSING = "close"
KINDS = (PLACEHOLDER, OPENING, CLOSING)
MAX_NUMBER = 0x0FFF

_BASES = {PLACEHOLDER: 0xF0000, OPENING: 0xF1000, CLOSING: 0xF2000}
_FIRST, _LAST = 0xF0000, 0xF2FFF
CODE_PATTERN = re.compile("[\U000f0000-\U000f2fff]")
_TOKEN = re.compile("⟨(/?)(\\d{1,4})(/?)⟩")


@dataclass(frozen=True)
class Code:
    """What one inline code stands for.

    ``type`` names it across formats (``bold``, ``italic``, ``link``,
    ``code``, ``lb`` for a line break, ``image``, or the format's own, such
    as ``x-html-span``); ``native`` is the markup to write back in the
    format it came from (``<a href="…">``, an XLIFF element serialised, a
    docx run's properties); ``label`` is what people see in a token's
    tooltip (``a``, ``b``, ``{0}``).
    """

    number: int
    kind: str  # ph; open (a pair, or an opening alone); close (a closing alone)
    type: str = ""
    native: str = ""  # a placeholder's or an opening's markup
    closing: str = ""  # a pair's closing markup
    label: str = ""
    format: str = ""  # where the markup comes from: html, docx, xliff, tmx...

    def char(self) -> str:
        return code_char(self.number, self.kind)


def code_char(number: int, kind: str) -> str:
    """Return the character that stands for code ``number`` of ``kind``."""
    if not 1 <= number <= MAX_NUMBER:
        raise ValueError(f"inline code number {number} is out of range")
    return chr(_BASES[kind] + number)


def parse_char(char: str) -> tuple[int, str] | None:
    """Return ``(number, kind)`` if ``char`` is a code, else None."""
    value = ord(char) if len(char) == 1 else -1
    if not _FIRST <= value <= _LAST:
        return None
    for kind, base in _BASES.items():
        if base < value <= base + MAX_NUMBER:
            return value - base, kind
    return None


def has_codes(text: str) -> bool:
    return CODE_PATTERN.search(text) is not None


def codes_in(text: str) -> list[tuple[int, str]]:
    """Return the codes of ``text`` in order, as ``(number, kind)``."""
    found = (parse_char(m.group()) for m in CODE_PATTERN.finditer(text))
    return [code for code in found if code is not None]


def plain(text: str) -> str:
    """Return ``text`` without its codes (what the memory compares)."""
    return CODE_PATTERN.sub("", text)


def reserved_in(text: str) -> int:
    """Return the offset of the first reserved character in ``text``, or -1."""
    found = CODE_PATTERN.search(text)
    return found.start() if found else -1


def sub_codes(text: str, replace: Callable[[int, str], str]) -> str:
    """Return ``text`` with each code replaced by ``replace(number, kind)``."""

    def replaced(match: re.Match) -> str:
        number, kind = parse_char(match.group()) or (0, PLACEHOLDER)
        return replace(number, kind)

    return CODE_PATTERN.sub(replaced, text)


def token(number: int, kind: str) -> str:
    """Return the token people see for one code: ``⟨1⟩``, ``⟨/1⟩``, ``⟨1/⟩``."""
    if kind == OPENING:
        return f"⟨{number}⟩"
    if kind == CLOSING:
        return f"⟨/{number}⟩"
    return f"⟨{number}/⟩"


def to_tokens(text: str) -> str:
    """Show codes as ``⟨1⟩``, ``⟨/1⟩`` and ``⟨1/⟩`` tokens."""
    return sub_codes(text, token)


def from_tokens(text: str, allowed: set[tuple[int, str]]) -> str:
    """Turn tokens back into codes, for the ``(number, kind)`` in ``allowed``.

    A token for a code the source does not have stays text.
    """

    def code(match: re.Match) -> str:
        closing, digits, placeholder = match.groups()
        if closing and placeholder:
            return match.group()
        kind = CLOSING if closing else PLACEHOLDER if placeholder else OPENING
        number = int(digits)
        if (number, kind) not in allowed:
            return match.group()
        return code_char(number, kind)

    return _TOKEN.sub(code, text)


def code_problems(source: str, target: str) -> dict[str, list[tuple[int, str]]]:
    """Compare the codes of a translation with its source's.

    Returns ``missing`` (in the source, not the target), ``extra`` (in the
    target, not the source) and ``misordered`` (a pair closed before it
    opens, in the target); empty lists when all is well. The order of
    different codes may change in a translation, as word order does; a
    pair may not turn inside out.
    """
    wanted = codes_in(source)
    have = codes_in(target)
    missing = list(wanted)
    extra = []
    for code in have:
        if code in missing:
            missing.remove(code)
        else:
            extra.append(code)
    misordered = []
    for number, kind in have:
        if kind != OPENING:
            continue
        closing = (number, CLOSING)
        if closing in have and have.index(closing) < have.index((number, OPENING)):
            misordered.append((number, OPENING))
    return {"missing": missing, "extra": extra, "misordered": misordered}


def map_codes(target: str, from_source: str, to_source: str) -> str | None:
    """Renumber ``target``'s codes from one source's numbering to another's.

    A memory entry's target uses its own source's numbers; a sentence that
    matches it in plain text may number the same codes differently. Codes are
    matched by their order of appearance and kind; None when the two sources'
    codes do not line up (different counts or kinds).
    """
    old, new = codes_in(from_source), codes_in(to_source)
    if [k for _, k in old] != [k for _, k in new]:
        return None
    numbers: dict[int, int] = {}
    for (before, _), (after, _) in zip(old, new, strict=True):
        if numbers.setdefault(before, after) != after:
            return None

    def renumber(match: re.Match) -> str:
        number, kind = parse_char(match.group()) or (0, "")
        return code_char(numbers[number], kind) if number in numbers else ""

    if any(number not in numbers for number, _ in codes_in(target)):
        return None
    return CODE_PATTERN.sub(renumber, target)


def codes_to_json(codes: list[Code] | dict[int, Code]) -> dict[str, dict]:
    """Return codes as JSON: ``{"1": {"kind": "open", "native": "<b>", …}}``."""
    values = codes.values() if isinstance(codes, dict) else codes
    out = {}
    for code in values:
        data = asdict(code)
        number = str(data.pop("number"))
        out[number] = {k: v for k, v in data.items() if v}
    return out


def codes_from_json(data: dict | None) -> dict[int, Code]:
    """Read what ``codes_to_json`` wrote."""
    return {
        int(number): Code(number=int(number), **fields)
        for number, fields in (data or {}).items()
    }
