"""Read a PO file with polib behind a guard (see the package's docstring)."""

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext_noop

import polib

from core.languages import UnknownLanguage, normalise
from formats import FormatError
from formats.bilingual.units import Catalogue, Unit
from formats.textdecoding import decode_text

_MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")
# UTF-8, UTF-16 and UTF-32 (whose little-endian BOM starts with UTF-16's).
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r") + b"\x7f"
_CHARSET = re.compile(
    rb'^[ \t]*(?:msgstr[ \t]*)?"Content-Type:[^\n]*?charset=([^\s"\\;]+)', re.M | re.I
)
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?![\w\[])\s*")
_STRING = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"\s*')
_BAD_ESCAPE = re.compile(  # after an even run of backslashes, one that C lacks
    r"(?:^|[^\\])(?:\\\\)*(\\(?:[^ntrabfv\"'?\\0-7x]|x(?![0-9A-Fa-f]{2})))"
)
_COMMENT_STRING = re.compile(r"(#~\|?|#\|)\s*(.*)")  # obsolete and previous strings

_TOO_LARGE = gettext_noop("the file is larger than %(limit)d MB")
_TOO_MANY = gettext_noop("line %(line)d: the file has more than %(limit)d entries")
_MO_FILE = gettext_noop("this is a compiled .mo file; upload the .po file instead")
_BINARY = gettext_noop("the file looks binary, not like a PO file")
_EMPTY = gettext_noop("the file is empty")
_BAD_BYTES = gettext_noop(
    "line %(line)d is not valid %(charset)s; check the charset in the header"
)
_BAD_CHARSET = gettext_noop("line %(line)d: the charset %(charset)s is not supported")
_BAD_LANGUAGE = gettext_noop("line %(line)d: the language %(value)s is unknown")
_NOT_PO = gettext_noop("line %(line)d is not PO syntax")
_STRAY_STRING = gettext_noop("line %(line)d: a string out of place")
_MISPLACED = gettext_noop("line %(line)d: %(keyword)s is out of place")
_NO_MSGSTR = gettext_noop("line %(line)d: the message at line %(start)d has no msgstr")
_DUPLICATE = gettext_noop("line %(line)d: the same msgctxt and msgid as line %(first)d")
_UNTERMINATED = gettext_noop("line %(line)d: unterminated string or unescaped quote")
_BAD_ESCAPE_MESSAGE = gettext_noop("line %(line)d: unknown escape %(escape)s")
_NOT_UTF8 = gettext_noop("line %(line)d: escaped bytes that are not UTF-8")


class _PolibText(str):
    """Decoded PO text that polib can neither open as a path nor split wrongly.

    The final NUL makes ``os.path.isfile`` fail, so polib never reads a disk
    file named by an upload; ``splitlines`` drops it and splits on ``\\n`` only.
    """

    def splitlines(self, keepends: bool = False) -> list[str]:
        return self[:-1].split("\n")


@dataclass(slots=True)
class _Entry:
    """One entry being checked: where it starts and its strings by keyword."""

    line: int
    strings: dict[str, list[str]] = field(default_factory=dict)
    complete: bool = False  # has a msgstr, so a comment or msgid starts the next
    obsolete: bool = False


#: Header fields a catalogue's reading uses (the rest are named in
#: ``Catalogue.header_fields``, for the import's account).
_HEADER_USED = frozenset(
    {"content-type", "content-transfer-encoding", "mime-version", "language",
     "plural-forms", "x-source-language", "x-document"}
)  # fmt: skip


def parse(
    data: bytes, *, max_bytes: int | None = None, max_entries: int | None = None
) -> Catalogue:
    """Read a PO file into a catalogue, or raise ``FormatError``.

    A file over ``max_bytes`` is refused before it is read; one with more
    than ``max_entries`` entries when the guard meets the next one.
    """
    lines = _decode(data, max_bytes).split("\n")
    header_line = 0
    seen: dict[tuple[str | None, str], int] = {}
    count = 0
    for entry in _entries(lines):
        context = entry.strings.get("msgctxt")
        key = (None if context is None else "".join(context),)
        msgid = "".join(entry.strings["msgid"])
        if key[0] is None and not msgid:
            header_line = header_line or entry.line
        else:
            count += 1
            if max_entries is not None and count > max_entries:
                raise FormatError(_TOO_MANY, line=entry.line, limit=max_entries)
        first = seen.setdefault((key[0], msgid), entry.line)
        if first != entry.line:
            raise FormatError(_DUPLICATE, line=entry.line, first=first)
    try:
        catalogue = polib.pofile(_PolibText("\n".join(lines) + "\0"), wrapwidth=0)
    except (OSError, ValueError) as error:  # what the guard let through
        line = re.search(r"line (\d+)", str(error))
        raise FormatError(_NOT_PO, line=int(line[1]) if line else 0) from None
    header = {name.strip().lower(): value for name, value in catalogue.metadata.items()}
    return Catalogue(
        source_language=_language(header.get("x-source-language") or "en", header_line),
        target_language=_language(header.get("language", ""), header_line),
        units=[_unit(entry) for entry in catalogue if entry.msgid],
        document=header.get("x-document", ""),
        title=header.get("project-id-version", ""),
        plural_forms=header.get("plural-forms", ""),
        header_fields=[
            name.strip()
            for name, value in catalogue.metadata.items()
            if value.strip() and name.strip().lower() not in _HEADER_USED
        ],
    )


def _unit(entry: polib.POEntry) -> Unit:
    """Return the unit of one polib entry."""
    fuzzy = "fuzzy" in entry.flags
    plural_targets = [text for _, text in sorted(entry.msgstr_plural.items())]
    target = (
        plural_targets[0] if entry.msgid_plural and plural_targets else entry.msgstr
    )
    translated = any(plural_targets) if entry.msgid_plural else bool(target)
    status = ("draft" if fuzzy else "translated") if translated else "untranslated"
    return Unit(
        key=entry.msgctxt or "",
        source=entry.msgid,
        target=target,
        status=status,
        notes=entry.comment.split("\n") if entry.comment else [],
        comments=entry.tcomment.split("\n") if entry.tcomment else [],
        references=[
            f"{path}:{line}" if line else path for path, line in entry.occurrences
        ],
        line=entry.linenum or 0,
        flags=[flag for flag in entry.flags if flag != "fuzzy" or not translated],
        previous_source=entry.previous_msgid or "",
        previous_context=entry.previous_msgctxt or "",
        plural_source=entry.msgid_plural or "",
        plural_targets=plural_targets if entry.msgid_plural else [],
        obsolete=bool(entry.obsolete),
        context=entry.msgctxt or "",
    )


def _language(value: str, line: int) -> str:
    """Normalise a header language (``zh_HK``, ``sr@latin``), or raise.

    A bare ``zh`` stays ``zh``: the importer measures which script it is.
    """
    code = re.split(r"[@.]", value)[0]
    try:
        return normalise(code, bare_chinese=True) if code else ""
    except UnknownLanguage:
        raise FormatError(_BAD_LANGUAGE, line=line, value=value) from None


def _decode(data: bytes, max_bytes: int | None) -> str:
    """Return the text of ``data`` in its BOM's or declared charset, or raise."""
    if max_bytes is not None and len(data) > max_bytes:
        raise FormatError(_TOO_LARGE, limit=max_bytes // 2**20)
    if data[:4] in _MO_MAGIC:
        raise FormatError(_MO_FILE)
    if data.startswith(_BOMS):
        return decode_text(data)
    if not data.strip():
        raise FormatError(_EMPTY)
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if b"\0" in data or controls > 0.02 * len(data):
        raise FormatError(_BINARY)
    codec = _declared_charset(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FormatError(_BAD_BYTES, line=line, charset=codec) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _declared_charset(data: bytes) -> str:
    """Return the codec named by the header's Content-Type (UTF-8 by default)."""
    match = _CHARSET.search(data)
    if not match or match[1].upper() == b"CHARSET":
        return "utf-8"
    name = match[1].decode("ascii", "replace")
    try:
        codec = codecs.lookup(name).name
        if "msgid".encode(codec) == b"msgid":  # ASCII-compatible
            return codec
    except (LookupError, UnicodeError):
        pass
    line = data.count(b"\n", 0, match.start()) + 1
    raise FormatError(_BAD_CHARSET, line=line, charset=name)


def _entries(lines: list[str]) -> Iterator[_Entry]:
    """Check every line and yield the current entries with their strings.

    Each string line in ``lines`` is rewritten in place with the escapes
    polib knows, obsolete (``#~``) and previous (``#|``) ones too.
    """
    entry = _Entry(0)
    strings: list[str] | None = None  # where a continuation line goes
    last = 0  # the last line that is not blank
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        last = number
        first = line[0]
        if first == '"':
            if strings is None:
                raise FormatError(_STRAY_STRING, line=number)
            text, lines[number - 1] = _string(line, number, "")
            strings.append(text)
            continue
        keyword = None if first == "#" else _KEYWORD.match(line)
        if (entry.complete or entry.obsolete) and (
            first == "#" or (keyword and keyword[1] in ("msgctxt", "msgid"))
        ):
            if not entry.obsolete:
                yield entry
            entry = _Entry(number)
        entry.line = entry.line or number
        if first == "#":
            if entry.strings:
                raise FormatError(_NO_MSGSTR, line=number, start=entry.line)
            strings = None
            entry.obsolete = entry.obsolete or line.startswith("#~")
            lines[number - 1] = _comment_strings(line, number)
        elif keyword:
            strings = _keyword(entry, keyword[1], number)
            text, lines[number - 1] = _string(line[keyword.end() :], number, keyword[1])
            strings.append(text)
        else:
            raise FormatError(_NOT_PO, line=number)
    if entry.strings and not entry.complete:
        raise FormatError(_NO_MSGSTR, line=last, start=entry.line)
    if entry.complete and not entry.obsolete:
        yield entry


def _comment_strings(line: str, number: int) -> str:
    """Return a ``#~`` or ``#|`` line with its string checked and re-escaped."""
    match = _COMMENT_STRING.fullmatch(line)
    if not match or not match[2]:
        return line
    rest = match[2]
    keyword = _KEYWORD.match(rest)
    if keyword:
        return match[1] + " " + _string(rest[keyword.end() :], number, keyword[1])[1]
    if rest.startswith('"'):
        return match[1] + " " + _string(rest, number, "")[1]
    return line


def _keyword(entry: _Entry, keyword: str, number: int) -> list[str]:
    """Open ``keyword``'s string in ``entry`` and return it, or raise."""
    has = entry.strings
    if keyword in ("msgctxt", "msgid") and "msgid" in has:
        raise FormatError(_NO_MSGSTR, line=number, start=entry.line)
    if keyword == "msgctxt":
        allowed = not has
    elif keyword == "msgid":
        allowed = True
    else:  # msgid_plural, msgstr, msgstr[n]: after msgid, once
        allowed = "msgid" in has and keyword not in has
        allowed &= not ("msgstr" in has if "[" in keyword else entry.complete)
    if not allowed:
        raise FormatError(_MISPLACED, line=number, keyword=keyword)
    entry.complete = entry.complete or keyword.startswith("msgstr")
    has[keyword] = []
    return has[keyword]


def _string(quoted: str, number: int, keyword: str) -> tuple[str, str]:
    """Return one quoted string's text and its line in polib's escapes, or raise."""
    inner = quoted.rstrip()[1:-1]
    prefix = keyword + " " if keyword else ""
    if len(quoted) > 1 and quoted[0] == quoted.rstrip()[-1] == '"':
        if '"' not in inner and "\\" not in inner:
            return inner.replace("\0", ""), f'{prefix}"{inner}"'
    match = _STRING.fullmatch(quoted)
    if not match:
        raise FormatError(_UNTERMINATED, line=number)
    bad = _BAD_ESCAPE.search(match[1])
    if bad:
        raise FormatError(_BAD_ESCAPE_MESSAGE, line=number, escape=bad[1])
    inner = match[1]
    if "\\?" in inner:  # valid in C and gettext, unknown to Python
        inner = inner.replace("\\\\", "\0").replace("\\?", "?").replace("\0", "\\\\")
    try:  # octal and hexadecimal escapes are bytes, taken as UTF-8
        text = codecs.escape_decode(inner.encode())[0].decode().replace("\0", "")
    except UnicodeDecodeError:
        raise FormatError(_NOT_UTF8, line=number) from None
    return text, f'{prefix}"{polib.escape(text)}"'
