"""Write units as a PO file with polib (see the package's docstring)."""

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

import polib

from core.languages import normalise
from formats.bilingual.units import Unit

GENERATOR = "translation-workbench"
_GETTEXT_LOCALES = {"zh-Hant": "zh_HK", "zh-Hans": "zh_CN"}
_ONE_FORM = "nplurals=1; plural=0;"
_PLURAL_FORMS = dict.fromkeys(("zh", "ja", "ko", "vi", "th", "id", "ms"), _ONE_FORM)
_PLURAL_FORMS |= dict.fromkeys(("fr", "pt-BR"), "nplurals=2; plural=(n > 1);")
_SLAVIC = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
_PLURAL_FORMS |= dict.fromkeys(("ru", "uk", "be", "sr", "hr", "bs"), _SLAVIC)
_PLURAL_FORMS |= dict.fromkeys(
    ("cs", "sk"), "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"
)
_PLURAL_FORMS["pl"] = (
    "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
_PLURAL_FORMS["he"] = "nplurals=3; plural=(n == 1) ? 0 : ((n == 2) ? 1 : 2);"
_PLURAL_FORMS["ar"] = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
    "n%100<=10 ? 3 : n%100>=11 ? 4 : 5;"
)
_DEFAULT_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
_FUZZY_STATUSES = frozenset({"draft", "rejected"})
_LINE_BREAK = re.compile(r"\r\n?|\n")


def plural_forms_for(language: str) -> str:
    """Return gettext's ``Plural-Forms`` for a workbench language code."""
    target = normalise(language) if language else ""
    return _PLURAL_FORMS.get(target) or _PLURAL_FORMS.get(
        target.split("-")[0], _DEFAULT_PLURAL_FORMS
    )


def write(
    units: Iterable[Unit],
    *,
    source_language: str,
    target_language: str,
    project: str,
    document_id: str = "",
    revision_date: datetime | None = None,
    plural_forms: str = "",
) -> Iterator[bytes]:
    """Yield a UTF-8 PO file for ``units``: the header, then one chunk per unit."""
    target = normalise(target_language)
    when = revision_date or datetime.now(UTC)
    when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    date = when.strftime("%Y-%m-%d %H:%M+0000")
    plural_forms = plural_forms or plural_forms_for(target)
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
    header = polib.POFile(wrapwidth=0)
    header.metadata = {
        name: " ".join(value.replace("\0", "").split())
        for name, value in fields.items()
    }
    yield (str(header).rstrip("\n") + "\n").encode()
    match = _NPLURALS.search(plural_forms)
    nplurals = int(match[1]) if match else 2
    for unit in units:
        if unit.source.replace("\0", ""):
            yield ("\n" + _entry(unit, nplurals).__unicode__(wrapwidth=0)).encode()


def _entry(unit: Unit, nplurals: int) -> polib.POEntry:
    """Return the polib entry of one unit, without NUL."""
    translated = unit.status != "untranslated"
    flags = [flag for flag in unit.flags if flag != "fuzzy"]
    if unit.status in _FUZZY_STATUSES or "fuzzy" in unit.flags:
        flags.insert(0, "fuzzy")
    entry = polib.POEntry(
        msgid=_clean(unit.source),
        msgctxt=_clean(unit.key) or None,
        tcomment="\n".join(_lines(unit.comments)),
        comment="\n".join(_lines(unit.notes)),
        occurrences=[_occurrence(ref) for ref in unit.references if ref.split()],
        flags=flags,
        obsolete=unit.obsolete,
        previous_msgid=_clean(unit.previous_source) or None,
        previous_msgctxt=_clean(unit.previous_context) or None,
    )
    if unit.plural_source:
        entry.msgid_plural = _clean(unit.plural_source)
        targets = [_clean(text) for text in unit.plural_targets] if translated else []
        targets += [""] * (nplurals - len(targets))
        entry.msgstr_plural = dict(enumerate(targets))
    else:
        entry.msgstr = _clean(unit.target) if translated else ""
    return entry


def _clean(text: str) -> str:
    return text.replace("\0", "")


def _lines(texts: list[str]) -> Iterator[str]:
    """Yield the lines of comments, any line break counting as one."""
    for text in texts:
        yield from _LINE_BREAK.split(_clean(text))


def _occurrence(reference: str) -> tuple[str, str]:
    """Split ``file:line`` as polib keeps it; a reference without a line stays whole."""
    reference = "".join(reference.split())
    path, colon, line = reference.rpartition(":")
    return (path, line) if colon and line.isdigit() else (reference, "")
