"""Gettext PO files: write a document's units as a catalogue, read one back.

Status mapping (``docs/architecture.md``, "Statuses"). Writing:
``untranslated`` gets an empty msgstr (a stale target is dropped), ``draft``
and ``rejected`` ``#, fuzzy``, ``translated`` and ``approved`` nothing.
Reading: an empty msgstr is
``untranslated`` (fuzzy or not), fuzzy with text ``draft``, the rest
``translated``; so rejected comes back as draft and approved as translated,
and the importer decides what to approve.

A unit is an entry: ``msgctxt`` the key ("" when a foreign file has none),
``#.`` notes and ``#`` comments one line each (a multi-line one comes back as
several), ``#:`` references (read back split on white space, as gettext
does). NUL is dropped, other characters kept (C escapes where C has one).
Strings are not wrapped but split after each ``\\n``, as gettext does. A
unit with an empty source is skipped (``msgid ""`` is the header's);
duplicate keys are not looked for, nor a newline that starts or ends only one
of source and target (msgfmt refuses that in a translated entry: QA's job).

Languages: gettext tools want locales, so ``zh-Hant`` is written ``zh_HK``
(Hong Kong usage, the workbench's Traditional), ``zh-Hans`` ``zh_CN``, others
with ``_`` (``pt_BR``). Reading normalises ``Language`` (``zh_HK``, ``zh_TW``
-> ``zh-Hant``). ``X-Source-Language`` (default ``en``) and ``X-Document``
are the workbench's own fields, so an import can refuse a file made for
another document; ``Project-Id-Version`` is the title.

The reader is strict and its own: polib drops the last character of an
unterminated string and reads a one-line upload as a path on disk. A BOM
(UTF-8, UTF-16, UTF-32) wins over the declared charset; a UTF-8 BOM is
accepted although msgfmt refuses it. Obsolete (``#~``) and plural entries are
skipped. Refused, naming the line: ``.mo``, binary and empty files, bytes not
in the declared charset, bad escapes, unterminated strings, misplaced
keywords, a repeated msgctxt + msgid; and files over ``max_bytes`` (the
workbench passes ``settings.MAX_PO_BYTES``, 10 MB):
about 50,000 entries with notes (a press release is 100 KB). Measured, such a
file parses in 1 s, the worst shape (440,000 one-line entries) in 5 s.
"""

import codecs
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils.translation import gettext_noop

from core.languages import UnknownLanguage, normalise
from formats import FormatError
from formats.bilingual.units import Catalogue, Unit
from formats.textdecoding import decode_text

__all__ = ["parse", "write"]

GENERATOR = "translation-workbench"
_GETTEXT_LOCALES = {"zh-Hant": "zh_HK", "zh-Hans": "zh_CN"}
_ONE_FORM = "nplurals=1; plural=0;"
_PLURAL_FORMS = dict.fromkeys(("zh", "ja", "ko", "vi", "th", "id", "ms"), _ONE_FORM)
_PLURAL_FORMS |= dict.fromkeys(("fr", "pt-BR"), "nplurals=2; plural=(n > 1);")
_DEFAULT_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
_FUZZY_STATUSES = frozenset({"draft", "rejected"})
_ESCAPES = str.maketrans(
    {c: "\\" + e for c, e in zip('\\"\t\r\a\b\f\v', '\\"trabfv', strict=True)}
    | {"\0": None}
)
_LINE_BREAK = re.compile(r"\r\n?|\n")

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


def write(
    units: Iterable[Unit],
    *,
    source_language: str,
    target_language: str,
    project: str,
    document_id: str = "",
    revision_date: datetime | None = None,
) -> Iterator[bytes]:
    """Yield a UTF-8 PO file for ``units``: the header, then one chunk per unit."""
    target = normalise(target_language)
    when = revision_date or datetime.now(UTC)
    when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    date = when.strftime("%Y-%m-%d %H:%M+0000")
    plural_forms = _PLURAL_FORMS.get(target) or _PLURAL_FORMS.get(
        target.split("-")[0], _DEFAULT_PLURAL_FORMS
    )
    fields = {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": date,
        "PO-Revision-Date": date,
        "Last-Translator": "",
        "Language-Team": "",
        "Language": _GETTEXT_LOCALES.get(target, target.replace("-", "_")),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms,
        "X-Generator": GENERATOR,
        "X-Source-Language": normalise(source_language),
        "X-Document": document_id,
    }
    header = "".join(
        '"%s: %s\\n"\n' % (name, " ".join(value.split()).translate(_ESCAPES))
        for name, value in fields.items()
    )
    yield ('msgid ""\nmsgstr ""\n' + header).encode()
    for unit in units:
        if unit.source.replace("\0", ""):
            yield _entry(unit).encode()


def _entry(unit: Unit) -> str:
    """Return the PO text of one unit, with a blank line before it."""
    lines = ["\n"]
    for prefix, texts in (("#", unit.comments), ("#.", unit.notes)):
        for text in texts:
            for line in _LINE_BREAK.split(text.replace("\0", "")):
                lines.append(f"{prefix} {line}\n" if line else f"{prefix}\n")
    for reference in unit.references:
        if reference.split():
            lines.append("#: " + " ".join(reference.split()) + "\n")
    if unit.status in _FUZZY_STATUSES:
        lines.append("#, fuzzy\n")
    target = "" if unit.status == "untranslated" else unit.target
    lines += (_quote("msgctxt", unit.key), _quote("msgid", unit.source))
    return "".join(lines) + _quote("msgstr", target)


def _quote(keyword: str, text: str) -> str:
    """Return ``keyword "text"``, escaped, split after each newline."""
    pieces = text.translate(_ESCAPES).split("\n")
    if len(pieces) == 1:
        return f'{keyword} "{pieces[0]}"\n'
    lines = [f'"{piece}\\n"\n' for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(f'"{pieces[-1]}"\n')
    return f'{keyword} ""\n' + "".join(lines)


@dataclass(slots=True)
class _Entry:
    """One entry being read: its comments and its strings by keyword."""

    line: int
    comments: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    strings: dict[str, list[str]] = field(default_factory=dict)
    fuzzy: bool = False
    complete: bool = False  # has a msgstr, so a comment or msgid starts the next
    obsolete: bool = False


def parse(
    data: bytes, *, max_bytes: int | None = None, max_entries: int | None = None
) -> Catalogue:
    """Read a PO file into a catalogue, or raise ``FormatError``.

    A file over ``max_bytes`` is refused before it is read; one with more
    than ``max_entries`` entries when the reader meets the next one.
    """
    header: dict[str, str] = {}
    header_line = 0
    units = []
    seen: dict[tuple[str | None, str], int] = {}
    count = 0
    for entry in _entries(_decode(data, max_bytes)):
        strings = {key: "".join(parts) for key, parts in entry.strings.items()}
        context, msgid = strings.get("msgctxt"), strings["msgid"]
        if context is not None or msgid:  # not the header
            count += 1
            if max_entries is not None and count > max_entries:
                raise FormatError(_TOO_MANY, line=entry.line, limit=max_entries)
        first = seen.setdefault((context, msgid), entry.line)
        if first != entry.line:
            raise FormatError(_DUPLICATE, line=entry.line, first=first)
        target = strings.get("msgstr", "")
        if context is None and not msgid:
            header_line = entry.line
            for line in target.split("\n"):
                name, colon, value = line.partition(":")
                if colon:
                    header[name.strip().lower()] = value.strip()
        elif "msgstr" in strings and "msgid_plural" not in strings:
            status = "draft" if entry.fuzzy else "translated"
            unit = Unit(
                key=context or "",
                source=msgid,
                target=target,
                status=status if target else "untranslated",
                notes=entry.notes,
                comments=entry.comments,
                references=entry.references,
                line=entry.line,
            )
            units.append(unit)
    return Catalogue(
        source_language=_language(header.get("x-source-language") or "en", header_line),
        target_language=_language(header.get("language", ""), header_line),
        units=units,
        document=header.get("x-document", ""),
        title=header.get("project-id-version", ""),
    )


def _language(value: str, line: int) -> str:
    """Normalise a header language (``zh_HK``, ``sr@latin``), or raise."""
    code = re.split(r"[@.]", value)[0]
    try:
        return normalise(code) if code else ""
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


def _entries(text: str) -> Iterator[_Entry]:
    """Yield the entries of ``text`` with their strings, except obsolete ones."""
    entry = _Entry(0)
    strings: list[str] | None = None  # where a continuation line goes
    number = 0
    for number, raw in enumerate(io.StringIO(text), 1):
        line = raw.strip()
        if not line:
            continue
        first = line[0]
        if first == '"':
            if strings is None:
                raise FormatError(_STRAY_STRING, line=number)
            strings.append(_string(line, number))
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
            _comment(entry, line)
        elif keyword:
            strings = _keyword(entry, keyword[1], number)
            strings.append(_string(line[keyword.end() :], number))
        else:
            raise FormatError(_NOT_PO, line=number)
    if entry.strings and not entry.complete:
        raise FormatError(_NO_MSGSTR, line=number, start=entry.line)
    if entry.complete and not entry.obsolete:
        yield entry


def _comment(entry: _Entry, line: str) -> None:
    """Add one ``#`` line to ``entry``; ``#~`` makes it obsolete."""
    kind = line[:2]
    if kind == "#~":
        entry.obsolete = True
    elif kind == "#,":
        entry.fuzzy = entry.fuzzy or "fuzzy" in line[2:].replace(",", " ").split()
    elif kind == "#.":
        entry.notes.append(line[2:].removeprefix(" "))
    elif kind == "#:":
        entry.references.extend(line[2:].split())
    elif kind != "#|":
        entry.comments.append(line[1:].removeprefix(" "))


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


def _string(quoted: str, number: int) -> str:
    """Return the unescaped content of one quoted string, or raise."""
    inner = quoted[1:-1]
    if len(quoted) > 1 and quoted[0] == quoted[-1] == '"':
        if '"' not in inner and "\\" not in inner:
            return inner
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
        return codecs.escape_decode(inner.encode())[0].decode().replace("\0", "")
    except UnicodeDecodeError:
        raise FormatError(_NOT_UTF8, line=number) from None
