"""Tests for ``formats.bilingual.po``: msgfmt and translate-toolkit judge the output.

No database: the PO module is pure. Samples in ``tests/data/po`` (see its
MANIFEST.tsv) are real files from polib, Django projects, Symfony and Weblate.
"""

import codecs
import shutil
import subprocess
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from django.conf import settings

import polib
import pytest
from translate.storage import po as ttk_po

from formats import FormatError
from formats.bilingual import po
from formats.bilingual.units import Unit
from tests.support import DATA as TEST_DATA

DATA = TEST_DATA / "po"
WHEN = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="GNU gettext is missing")

UNITS = [
    Unit(
        "s-0001",
        "The Secretary for Constitutional and Mainland Affairs, Mr Erick Tsang "
        "Kwok-wai, said today (September 7) that the plan would expand the "
        "Qianhai Co-operation Zone from 14.92 to 120.56 square kilometres.",
        "政制及內地事務局局長曾國衞今日（九月七日）表示，方案把前海合作區由"
        "14.92平方公里擴展至120.56平方公里。",
        "approved",
        notes=["paragraph 1, sentence 1"],
        comments=["checked against the LegCo glossary"],
        references=["press-release.txt:3"],
    ),
    Unit(
        "s-0002",
        'He called Qianhai "a key platform".',
        "他稱前海為「重要平台」。",
        "translated",
    ),
    Unit(
        "s-0003",
        "Files are in C:\\Press\\2021\\ and \\n is not a newline",
        "檔案在 C:\\Press\\2021\\，\\n 並非換行",
        "draft",
        comments=["machine-filled from memory (92%)", "", "second line"],
    ),
    Unit(
        "s-0004",
        "Area:\t14.92 km²\tbefore",
        "面積：\t14.92平方公里\t之前",
        "rejected",
        notes=["table row"],
        comments=["wrong unit: use 平方公里"],
        references=["press-release.txt:9", "table.csv:2"],
    ),
    Unit("s-0005", "Line one\nLine two\n", "第一行\n第二行\n", "translated"),
    Unit(
        "s-0006",
        "%s per cent of %(name)s, 100%",
        "%(name)s的百分之%s，100%",
        "translated",
    ),
    Unit("s-0007", "Not translated yet.", "stale target", "untranslated"),
    Unit("s-0008", "A draft without text", "", "draft", notes=["title"]),
    Unit("s-0009", 'Tabs\tquotes "\'" and a trailing backslash\\', "結尾\\", "draft"),
]
# What comes back: approved -> translated, rejected -> draft, no text -> untranslated.
READ_STATUS = {"approved": "translated", "rejected": "draft"}


def expected_status(unit: Unit) -> str:
    """Return the status that ``unit`` has after a write and a parse."""
    if not unit.target or unit.status == "untranslated":
        return "untranslated"
    return READ_STATUS.get(unit.status, unit.status)


def written(units: list[Unit] = UNITS, **options: object) -> bytes:
    """Return the PO bytes for ``units`` (Traditional Chinese unless told)."""
    arguments = {
        "source_language": "en",
        "target_language": "zh-Hant",
        "project": "Qianhai plan",
        "document_id": "doc-42",
        "revision_date": WHEN,
    } | options
    return b"".join(po.write(units, **arguments))


def header_of(data: bytes) -> dict[str, str]:
    """Return the header fields of PO ``data``, as polib reads them."""
    return polib.pofile(data.decode()).metadata


def refusal(data: bytes) -> str:
    """Return the message of the FormatError that parsing ``data`` raises."""
    with pytest.raises(FormatError) as caught:
        po.parse(data, max_bytes=settings.MAX_PO_BYTES)
    return str(caught.value)


# Writing, judged by msgfmt and translate-toolkit


@needs_msgfmt
def test_msgfmt_check_accepts_the_written_file(tmp_path: Path) -> None:
    path = tmp_path / "zh_HK.po"
    path.write_bytes(written())
    result = subprocess.run(
        [MSGFMT, "-c", "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@needs_msgfmt
def test_msgfmt_compiles_the_translated_entries_exactly(tmp_path: Path) -> None:
    path = tmp_path / "zh_HK.po"
    path.write_bytes(written())
    subprocess.run([MSGFMT, "-o", str(tmp_path / "zh_HK.mo"), str(path)], check=True)
    compiled = polib.mofile(str(tmp_path / "zh_HK.mo"))
    got = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in compiled}
    for unit in UNITS:
        if expected_status(unit) == "translated":
            assert got[(unit.key, unit.source)] == unit.target


def test_translate_toolkit_reads_the_same_units() -> None:
    store = ttk_po.pofile(written())
    units = [unit for unit in store.units if not unit.isheader()]
    assert [
        (u.getcontext(), u.source, u.target, u.isfuzzy(), u.getnotes("developer"))
        for u in units
    ] == [
        (
            unit.key,
            unit.source,
            "" if unit.status == "untranslated" else unit.target,
            unit.status in ("draft", "rejected"),
            "\n".join(unit.notes),
        )
        for unit in UNITS
    ]
    assert units[3].getlocations() == ["press-release.txt:9", "table.csv:2"]


def test_round_trip_keeps_keys_texts_statuses_notes_and_comments() -> None:
    catalogue = po.parse(written())
    assert catalogue.source_language == "en"
    assert catalogue.target_language == "zh-Hant"
    assert catalogue.document == "doc-42"
    assert catalogue.title == "Qianhai plan"
    assert [(u.key, u.source, u.target, u.status) for u in catalogue.units] == [
        (
            u.key,
            u.source,
            "" if u.status == "untranslated" else u.target,
            expected_status(u),
        )
        for u in UNITS
    ]
    for read, unit in zip(catalogue.units, UNITS, strict=True):
        assert (read.notes, read.comments, read.references) == (
            unit.notes,
            unit.comments,
            unit.references,
        )


def test_units_know_the_line_they_start_on() -> None:
    data = written()
    lines = data.decode().split("\n")
    for unit in po.parse(data).units:
        assert lines[unit.line - 1].startswith(("#", "msgctxt"))
    assert po.parse(data).units[1].line == lines.index('msgctxt "s-0002"') + 1


def test_header_fields_for_traditional_chinese() -> None:
    data = written()
    assert not data.startswith(codecs.BOM_UTF8)
    header = header_of(data)
    assert header == {
        "Project-Id-Version": "Qianhai plan",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2024-03-05 09:30+0000",
        "PO-Revision-Date": "2024-03-05 09:30+0000",
        "Last-Translator": "",
        "Language-Team": "",
        "Language": "zh_HK",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
        "X-Generator": "translation-workbench",
        "X-Source-Language": "en",
        "X-Document": "doc-42",
    }


@pytest.mark.parametrize(
    ("language", "locale", "plural_forms"),
    [
        ("zh-Hans", "zh_CN", "nplurals=1; plural=0;"),
        ("zh_TW", "zh_HK", "nplurals=1; plural=0;"),
        ("ja", "ja", "nplurals=1; plural=0;"),
        ("en", "en", "nplurals=2; plural=(n != 1);"),
        ("de", "de", "nplurals=2; plural=(n != 1);"),
        ("fr", "fr", "nplurals=2; plural=(n > 1);"),
        ("pt-BR", "pt_BR", "nplurals=2; plural=(n > 1);"),
        ("pt", "pt", "nplurals=2; plural=(n != 1);"),
    ],
)
def test_language_and_plural_forms(
    language: str, locale: str, plural_forms: str
) -> None:
    header = header_of(written(target_language=language))
    assert (header["Language"], header["Plural-Forms"]) == (locale, plural_forms)


@pytest.mark.parametrize(
    ("locale", "language"),
    [("zh_HK", "zh-Hant"), ("zh_TW", "zh-Hant"), ("zh_CN", "zh-Hans")]
    + [("zh-CN", "zh-Hans"), ("pt_BR", "pt-BR"), ("sr@latin", "sr"), ("", "")],
)
def test_reader_maps_gettext_locales_to_bcp47(locale: str, language: str) -> None:
    data = f'msgid ""\nmsgstr "Language: {locale}\\n"\n'.encode()
    assert po.parse(data).target_language == language


def test_revision_date_is_written_in_utc() -> None:
    hong_kong = datetime(2024, 3, 5, 17, 30, tzinfo=timezone(timedelta(hours=8)))
    header = header_of(written(revision_date=hong_kong))
    assert header["PO-Revision-Date"] == "2024-03-05 09:30+0000"
    now = header_of(written(revision_date=None))["PO-Revision-Date"]
    assert now.endswith("+0000") and len(now) == len("2024-03-05 09:30+0000")


def test_header_values_cannot_break_the_header() -> None:
    data = written(project='Plan "A"\nInjected: yes\\', document_id="doc\0-1")
    header = header_of(data)
    assert header["Project-Id-Version"] == 'Plan "A" Injected: yes\\'
    assert "Injected" not in header
    assert po.parse(data).document == "doc-1"


def test_empty_sources_are_skipped_and_nul_is_dropped() -> None:
    units = [
        Unit("empty", "", "x", "translated"),
        Unit("nul-only", "\0", "x", "translated"),
        Unit("k\0ey", "So\0urce", "Tar\0get", "translated", notes=["n\0ote"]),
    ]
    data = written(units)
    assert b"\0" not in data
    [unit] = po.parse(data).units
    assert (unit.key, unit.source, unit.target, unit.notes) == (
        "key",
        "Source",
        "Target",
        ["note"],
    )


def test_a_multi_line_comment_comes_back_as_lines() -> None:
    unit = Unit("k", "Source", "目標", "translated", comments=["first\r\nsecond"])
    assert po.parse(written([unit])).units[0].comments == ["first", "second"]


# Streaming


def test_write_streams_one_chunk_per_unit() -> None:
    chunks = po.write(
        iter(UNITS), source_language="en", target_language="zh-Hant", project="p"
    )
    assert isinstance(chunks, Iterator)
    assert len(list(chunks)) == 1 + len(UNITS)


def test_writing_200000_units_keeps_memory_low() -> None:
    def units() -> Iterator[Unit]:
        for number in range(200_000):
            yield Unit(
                f"k{number:06d}",
                f"Sentence number {number} of the Qianhai plan.",
                f"前海方案第{number}句。",
                "translated",
                notes=["note"],
            )

    tracemalloc.start()
    try:
        size = 0
        for chunk in po.write(
            units(), source_language="en", target_language="zh-Hant", project="p"
        ):
            size += len(chunk)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size > 20_000_000
    assert peak < 30 * 2**20


# Real files from other projects


def sample(name: str) -> bytes:
    """Return the bytes of a sample in tests/data/po."""
    return (DATA / name).read_bytes()


def test_django_zh_cn_catalogue() -> None:
    catalogue = po.parse(sample("django_I18Ntest_zh_CN.po"))
    assert catalogue.target_language == "zh-Hans"
    assert catalogue.source_language == "en"
    assert catalogue.title == "django_I18Ntest 0.1"
    assert len(catalogue.units) == 14
    chinese = catalogue.units[2]
    assert (chinese.key, chinese.source, chinese.target) == ("", "Chinese", "汉语")
    assert chinese.references == ["DjangoI18N/settings.py:102"]
    assert chinese.status == "translated"
    assert catalogue.units[6].target == "这是一个I18N的测试"


def test_iso_8859_15_catalogue_is_decoded_from_its_charset() -> None:
    catalogue = po.parse(sample("polib_test_iso-8859-15.po"))
    assert catalogue.title == "Vim(Français)"
    assert catalogue.target_language == ""
    by_source = {unit.source: unit for unit in catalogue.units}
    assert by_source["E83: Cannot allocate buffer, using other one..."].target == (
        "E83: L'allocation du tampon a échoué : arrêtez Vim, libérez de la mémoire"
    )
    assert by_source["Some msgid"].key == "@context"
    wrapping = by_source["Test wrapping"]
    assert wrapping.notes == [
        "Added for wrapping test, this is a long extracted comment that should be",
        "wrapped by polib, blah, blah, foobar",
    ]
    assert wrapping.references == [
        "/foo/bar/baz/spam.py:710",
        "/foo/bar/baz/spam-ham-foo-bar-baz-spam-something-bar.py",
    ]
    assert by_source["1 line --%d%%--"].comments == []
    assert by_source[" ^X mode (^]^D^E^F^I^K^L^N^O^Ps^U^V^Y)"].comments == [
        'DB - todo : Faut-il une majuscule à "mode" ?'
    ]


def test_msgctxt_catalogue_keeps_its_plural_entry() -> None:
    """Changed by issue 13: plural entries were skipped, now they are units."""
    units = po.parse(sample("polib_test_msgctxt.po")).units
    assert [(u.key, u.source, u.target) for u in units] == [
        ("Some message context", "some string", "une chaîne avec contexte"),
        ("Some other message context", "singular", "singulier"),
        ("", "some string", "une chaîne sans contexte"),
    ]
    assert (units[1].plural_source, units[1].plural_targets) == (
        "plural",
        ["singulier", "pluriel"],
    )


def test_obsolete_entries_are_kept_as_obsolete() -> None:
    """Changed by issue 13: obsolete entries were dropped, now they are marked."""
    catalogue = po.parse(sample("polib_test_obsolete_previousmsgid.po"))
    assert catalogue.target_language == "ca"
    current = [unit for unit in catalogue.units if not unit.obsolete]
    [unit] = current
    assert unit.source == "This address book could not be opened."
    assert unit.target == "No s'ha pogut obrir aquesta llibreta d'adreces."
    assert unit.status == "translated"
    assert unit.references == ["../addressbook/addressbook.error.xml.h:1"]
    obsolete = [unit for unit in catalogue.units if unit.obsolete]
    assert obsolete and all(unit.status == "draft" for unit in obsolete)


def test_a_utf8_bom_is_accepted() -> None:
    data = sample("polib_test_ufeff.po")
    assert data.startswith(codecs.BOM_UTF8)
    catalogue = po.parse(data)
    assert catalogue.title == "django"
    assert [(u.source, u.target) for u in catalogue.units] == [("foo", "bar")]


def test_utf16_with_bom_is_decoded() -> None:
    text = written().decode()
    for codec in ("utf-16", "utf-32"):
        catalogue = po.parse(text.encode(codec))
        assert [u.target for u in catalogue.units] == [
            u.target for u in po.parse(written()).units
        ]


def test_polib_utf8_catalogue() -> None:
    """714 singular current entries, plus plural and obsolete ones (issue 13).

    polib drops blank ``#.`` lines, so the note keeps its two lines of text.
    """
    catalogue = po.parse(sample("polib_test_utf8.po"))
    singular = [u for u in catalogue.units if not u.plural_source and not u.obsolete]
    assert len(singular) == 714
    assert len(catalogue.units) == 733
    by_key = {(u.key, u.source): u for u in singular}
    assert by_key[("@context2", "test context")].target == "test context 2"
    generated = by_key[("", "Test generated comments")]
    assert generated.notes == ["test generated comments", "more tests..."]


def test_only_plural_entries_give_plural_units() -> None:
    """Changed by issue 13: the plural entry is a unit, its quotes unescaped."""
    catalogue = po.parse(sample("symfony_escaped-id-plurals.po"))
    assert catalogue.target_language == "en"
    [unit] = catalogue.units
    assert unit.plural_source and len(unit.plural_targets) == 2
    assert '"' in unit.source


def test_weblate_czech_with_bad_plural_forms_still_reads() -> None:
    catalogue = po.parse(sample("weblate_cs-badplurals.po"))
    assert catalogue.target_language == "cs"
    [unit] = catalogue.units
    assert (unit.source, unit.target) == ("Hello, world!\n", "Ahoj světe!\n")
    assert unit.references == ["main.c:11"]


def test_weblate_hebrew() -> None:
    catalogue = po.parse(sample("weblate_he-three.po"))
    assert catalogue.target_language == "he"
    [unit] = catalogue.units
    assert (unit.source, unit.target) == ("Personal info", "פרטים אישיים")
    assert unit.references == [
        "weblate/accounts/admin.py:106",
        "weblate/accounts/admin.py:111",
    ]


SAMPLES = sorted(path.name for path in DATA.glob("*.po"))


def polib_view(entry: polib.POEntry) -> tuple:
    """Return what matters of a polib entry, in our terms."""
    return (
        entry.msgctxt or "",
        entry.msgid,
        entry.msgid_plural,
        entry.msgstr if not entry.msgid_plural else "",
        [text for _, text in sorted(entry.msgstr_plural.items())],
        sorted(set(entry.flags)),
        entry.comment,
        entry.tcomment,
        [f"{path}:{line}" if line else path for path, line in entry.occurrences],
        entry.previous_msgid or "",
        entry.previous_msgctxt or "",
        bool(entry.obsolete),
    )


def unit_view(unit: Unit) -> tuple:
    """Return what matters of a unit, in polib's terms."""
    fuzzy = unit.status == "draft" or "fuzzy" in unit.flags
    return (
        unit.key,
        unit.source,
        unit.plural_source,
        unit.target if not unit.plural_source else "",
        unit.plural_targets,
        sorted(set(unit.flags) | ({"fuzzy"} if fuzzy else set())),
        "\n".join(unit.notes),
        "\n".join(unit.comments),
        unit.references,
        unit.previous_source,
        unit.previous_context,
        unit.obsolete,
    )


@pytest.mark.parametrize("name", SAMPLES)
def test_every_sample_reads_as_polib_reads_it(name: str) -> None:
    """Every entry, plural and obsolete ones too, agrees with polib.

    polib reads the file from disk here; the workbench never lets it.
    """
    ours = po.parse(sample(name)).units
    theirs = [entry for entry in polib.pofile(str(DATA / name)) if entry.msgid]
    assert [unit_view(u) for u in ours] == [polib_view(e) for e in theirs]


def rewritten(name: str) -> bytes:
    """Parse a sample and write it back with its own Plural-Forms."""
    catalogue = po.parse(sample(name))
    return written(
        catalogue.units,
        target_language=catalogue.target_language or "en",
        plural_forms=catalogue.plural_forms,
    )


@pytest.mark.parametrize("name", SAMPLES)
def test_every_sample_survives_a_round_trip(name: str) -> None:
    """Parse -> write -> parse keeps every entry: plurals, obsolete, flags, #|."""
    first = po.parse(sample(name)).units
    again = po.parse(rewritten(name)).units
    assert [unit_view(u) for u in again] == [unit_view(u) for u in first]
    assert [u.status for u in again] == [u.status for u in first]


@needs_msgfmt
@pytest.mark.parametrize("name", SAMPLES)
def test_msgfmt_judges_the_round_trip_as_it_judges_the_sample(
    name: str, tmp_path: Path
) -> None:
    """A sample msgfmt -c accepts is still accepted after our round trip,
    and compiles to the same messages."""
    original = tmp_path / "original.po"
    original.write_bytes(sample(name))
    check = [MSGFMT, "-c", "-o", str(tmp_path / "original.mo"), str(original)]
    path = tmp_path / "ours.po"
    path.write_bytes(rewritten(name))
    if subprocess.run(check, capture_output=True).returncode:
        # msgfmt refuses the sample itself: ours must still hold every entry
        entries = [e for e in polib.pofile(str(original)) if e.msgid]
        assert len([e for e in polib.pofile(str(path)) if e.msgid]) == len(entries)
        return
    result = subprocess.run(
        [MSGFMT, "-c", "-o", str(tmp_path / "ours.mo"), str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in polib.mofile(str(tmp_path / "ours.mo"))
        if e.msgid
    }
    expected = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in polib.mofile(str(tmp_path / "original.mo"))
        if e.msgid
    }
    assert compiled == expected


def test_a_one_line_upload_naming_a_file_is_not_read_from_disk(
    tmp_path: Path,
) -> None:
    """polib opens a string that names a file; ours never reaches it as a path."""
    target = tmp_path / "secret.po"
    target.write_text('msgid "secret"\nmsgstr "leaked"\n')
    with pytest.raises(FormatError) as caught:
        po.parse(str(target).encode())
    assert "not PO syntax" in str(caught.value)


def test_a_unicode_line_separator_inside_a_string_is_kept() -> None:
    """polib splits on U+2028 and NEL; the guard hands it ``\\n`` lines only."""
    body = 'msgid "one\u2028two\x85three"\nmsgstr "一\u2028二"\n'.encode()
    [unit] = po.parse(HEADER + body).units
    assert (unit.source, unit.target) == ("one\u2028two\x85three", "一\u2028二")


def test_an_unterminated_last_string_is_refused_not_cut() -> None:
    """polib would drop the last character of ``"abc``; the guard refuses it."""
    message = refusal(HEADER + b'msgid "a"\nmsgstr "abc')
    assert message == "line 6: unterminated string or unescaped quote"


def test_an_unterminated_obsolete_string_is_refused() -> None:
    message = refusal(HEADER + b'#~ msgid "a"\n#~ msgstr "abc\n')
    assert message == "line 6: unterminated string or unescaped quote"


# Hostile and broken input


HEADER = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'msgid "open\nmsgstr ""\n', "line 5: unterminated string"),
        (b'msgid "a"\nmsgstr "b"\n"never closed\n', "line 7: unterminated string"),
        (b'msgid "say "hi""\nmsgstr ""\n', "line 5: unterminated string"),
        (b'msgid "a"\nmsgstr "\\q"\n', "line 6: unknown escape \\q"),
        (b'msgid "a"\nmsgstr "\\x4"\n', "line 6: unknown escape \\x"),
        (b'msgid "a"\nmsgstr "\\377"\n', "line 6: escaped bytes that are not UTF-8"),
        (b"Hello, this is not a PO file.\n", "line 5 is not PO syntax"),
        (b'msgid "a"\n\n#. note\nmsgid "b"\nmsgstr ""\n', "line 7: the message"),
        (b'msgid "a"\n', "line 5: the message at line 5 has no msgstr"),
        (b'msgstr "b"\n', "line 5: msgstr is out of place"),
        (b'msgid "a"\nmsgstr "b"\nmsgstr "c"\n', "line 7: msgstr is out of place"),
        (b'#. note\n"floating"\n', "line 6: a string out of place"),
        (b'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', "line 8: the same"),
        (
            b'msgctxt "k"\nmsgid "a"\nmsgstr ""\nmsgctxt "k"\nmsgid "a"\nmsgstr ""\n',
            "as line 5",
        ),
    ],
)
def test_broken_files_are_refused_naming_the_line(body: bytes, message: str) -> None:
    assert message in refusal(HEADER + body)


def test_the_same_msgid_in_other_contexts_is_fine() -> None:
    body = b'msgid "a"\nmsgstr "1"\n\nmsgctxt "k"\nmsgid "a"\nmsgstr "2"\n'
    assert [u.target for u in po.parse(HEADER + body).units] == ["1", "2"]


def test_escapes_are_decoded_as_gettext_does() -> None:
    body = b'msgid "a"\nmsgstr "\\a\\b\\f\\v\\t\\r\\n\\\\\\"\\\'\\?\\101\\x42\\\\q"\n'
    assert po.parse(HEADER + body).units[0].target == "\a\b\f\v\t\r\n\\\"'?AB\\q"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n\t\n", "the file is empty"),
        (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "the file is empty"),
        (bytes(range(256)) * 16, "the file looks binary"),
        (b"\x00\x01\x02garbage\xff" * 100, "the file looks binary"),
    ],
)
def test_empty_and_binary_files_are_refused(data: bytes, message: str) -> None:
    assert message in refusal(data)


@needs_msgfmt
def test_a_compiled_mo_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "in.po").write_bytes(written())
    subprocess.run(
        [MSGFMT, "-o", str(tmp_path / "out.mo"), str(tmp_path / "in.po")], check=True
    )
    data = (tmp_path / "out.mo").read_bytes()
    assert data[:4] == b"\xde\x12\x04\x95"
    assert ".mo file" in refusal(data)
    assert ".mo file" in refusal(b"\x95\x04\x12\xde" + b"\0" * 24)


def test_big5_bytes_under_a_utf8_header_are_refused_at_their_line() -> None:
    text = written().decode()
    data = text.encode("big5hkscs", errors="replace")
    first_chinese = next(
        number
        for number, line in enumerate(text.split("\n"), 1)
        if any("\u4e00" <= char <= "\u9fff" for char in line)
    )
    message = refusal(data)
    assert message == (
        f"line {first_chinese} is not valid utf-8; check the charset in the header"
    )


def test_an_unknown_charset_is_refused() -> None:
    data = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=KLINGON\\n"\n'
    assert refusal(data) == "line 3: the charset KLINGON is not supported"
    utf16 = data.replace(b"KLINGON", b"UTF-16")
    assert refusal(utf16) == "line 3: the charset UTF-16 is not supported"


def test_a_charset_in_a_one_line_header_is_found() -> None:
    data = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-15\\n"\n\n'
        'msgid "Euro"\nmsgstr "€uro"\n'
    ).encode("iso-8859-15")
    assert po.parse(data).units[0].target == "€uro"


def test_a_placeholder_charset_is_read_as_utf8() -> None:
    data = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=CHARSET\\n"\n\n'
        'msgid "a"\nmsgstr "前海"\n'
    ).encode()
    assert po.parse(data).units[0].target == "前海"


def test_an_unknown_language_is_refused() -> None:
    data = b'msgid ""\nmsgstr ""\n"Language: 12!\\n"\n'
    assert refusal(data) == "line 1: the language 12! is unknown"


def test_format_errors_are_localizable() -> None:
    with pytest.raises(FormatError) as caught:
        po.parse(HEADER + b'msgid "open\n')
    assert caught.value.message == (
        "line %(line)d: unterminated string or unescaped quote"
    )
    assert caught.value.params == {"line": 5}


def test_a_50_mb_file_is_refused_at_once() -> None:
    entry = (
        b'\n#. note\nmsgctxt "k"\nmsgid "The plan was issued."\nmsgstr "\xe6\x96\xb9"\n'
    )
    data = HEADER + entry * (50 * 2**20 // len(entry))
    assert len(data) > 49 * 2**20
    started = time.perf_counter()
    assert refusal(data) == "the file is larger than 10 MB"
    assert time.perf_counter() - started < 0.5


def test_a_file_just_under_the_limit_parses_in_a_few_seconds() -> None:
    template = (
        '\n#. paragraph {0}\n#: press-release.txt:{0}\nmsgctxt "k{0:07d}"\n'
        'msgid "The Secretary for Constitutional and Mainland Affairs said {0}."\n'
        'msgstr "政制及內地事務局局長表示{0}。"\n'
    )
    chunks, size, number = [HEADER], len(HEADER), 0
    while True:
        chunk = template.format(number).encode()
        if size + len(chunk) > settings.MAX_PO_BYTES:
            break
        chunks.append(chunk)
        size += len(chunk)
        number += 1
    data = b"".join(chunks)
    started = time.perf_counter()
    catalogue = po.parse(data, max_bytes=settings.MAX_PO_BYTES)
    elapsed = time.perf_counter() - started
    assert len(catalogue.units) == number > 40_000
    assert catalogue.units[-1].key == f"k{number - 1:07d}"
    assert elapsed < 10


def test_msgctxt_is_the_units_context_too() -> None:
    """OmegaT's multilines.po: a long msgctxt and an empty one."""
    path = DATA / "omegat_POFilter-multilines.po"
    contexts = [e.msgctxt or "" for e in polib.pofile(str(path)) if e.msgid]
    assert [unit.context for unit in po.parse(path.read_bytes()).units] == contexts
    assert any(contexts)
