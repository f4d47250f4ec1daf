"""Tests for ``formats.bilingual.xliff``: XLIFF 2.0 out, 2.0 and 1.x in."""

import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace

import pytest
from lxml import etree
from translate.storage.xliff import xlifffile
from translate.storage.xliff2 import Xliff2File

from core.inline import CLOSING, OPENING, PLACEHOLDER, Code, code_char, to_tokens
from formats import FormatError
from formats.bilingual.units import Catalogue, Unit
from formats.bilingual.xliff import (
    escape_key,
    parse,
    unescape_key,
    write,
    write_12,
)
from tests.support import DATA as TEST_DATA

DATA = TEST_DATA / "xliff"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The OASIS XLIFF 2.0 core schema, importing the local xml.xsd."""
    return etree.XMLSchema(etree.parse(str(DATA / "xliff-core-2.0.local.xsd")))


def written(units: list[Unit], writer=write, **kwargs: str) -> bytes:
    """Return the whole document ``writer`` (2.0 unless told) makes of ``units``."""
    options = {
        "source_language": "en",
        "target_language": "zh-Hant",
        "document_id": "42",
        "title": "Annual report",
    }
    return b"".join(writer(units, **(options | kwargs)))


def assert_valid(schema: etree.XMLSchema, data: bytes) -> None:
    """Fail with the schema's errors unless ``data`` is valid XLIFF 2.0."""
    document = etree.fromstring(data)
    assert schema.validate(document), [str(e) for e in schema.error_log]


def sample_units() -> list[Unit]:
    """Units in every status, with awkward texts, notes and keys."""
    return [
        Unit(
            "a1b2c3d4e5f6",
            'Tom & Jerry say "<hi>" ]]>\nand leave.',
            "湯姆與傑利說「<嗨>」\n然後離開。",
            status="draft",
            notes=["Keep the quotes."],
            comments=["Checked with the client.", "Second remark & more"],
            references=["report.docx:3"],
        ),
        Unit("a1b2c3d4e5f6.2", "  Spaces\tand tabs  ", "  空格  ", status="rejected"),
        Unit("b1b2c3d4e5f6", "Translated.", "已翻譯。", status="translated"),
        Unit("c1b2c3d4e5f6", "Approved.", "已批核。", status="approved"),
        Unit("d1b2c3d4e5f6", "Not yet.", status="untranslated"),
        Unit("e1b2c3d4e5f6", "Windows\r\nline", "視窗\r\n行", status="translated"),
        Unit("key with spaces/and:colons_", "Odd key.", "怪鍵。", status="draft"),
        Unit("中文鍵", "Chinese key.", "中文鍵。", status="approved"),
        Unit("", "Empty key.", "", status="untranslated"),
    ]


# Writing


def test_written_document_validates_against_the_xliff_20_schema(schema) -> None:
    data = written(sample_units())
    assert_valid(schema, data)
    root = etree.fromstring(data)
    assert root.tag == f"{{{NS20}}}xliff"
    assert root.attrib == {"version": "2.0", "srcLang": "en", "trgLang": "zh-Hant"}
    (file,) = root
    assert file.attrib == {"id": "d42", "original": "Annual report"}


def test_states_and_targets_follow_the_mapping_table() -> None:
    root = etree.fromstring(written(sample_units()))
    segments = {
        unit.get("id"): unit.find(f"{{{NS20}}}segment")
        for unit in root.iter(f"{{{NS20}}}unit")
    }

    def state_and_target(unit_id: str) -> tuple[str, str | None]:
        segment = segments[unit_id]
        target = segment.find(f"{{{NS20}}}target")
        return segment.get("state"), None if target is None else target.text

    assert state_and_target("a1b2c3d4e5f6")[0] == "initial"  # draft
    assert state_and_target("a1b2c3d4e5f6.2") == ("initial", "  空格  ")  # rejected
    assert state_and_target("b1b2c3d4e5f6") == ("translated", "已翻譯。")
    assert state_and_target("c1b2c3d4e5f6") == ("final", "已批核。")
    assert state_and_target("d1b2c3d4e5f6") == ("initial", None)


def test_untranslated_units_never_carry_a_target_and_empty_targets_are_initial(
    schema,
) -> None:
    data = written(
        [
            Unit("k1", "Stale target.", "舊譯文", status="untranslated"),
            Unit("k2", "Approved but empty.", "", status="approved"),
        ]
    )
    assert_valid(schema, data)
    assert b"<target" not in data
    assert data.count(b'state="initial"') == 2
    assert [u.status for u in parse(data).units] == ["untranslated"] * 2


def test_source_and_target_preserve_space_and_notes_have_categories() -> None:
    root = etree.fromstring(written(sample_units()[:1]))
    space = "{http://www.w3.org/XML/1998/namespace}space"
    assert root.find(f".//{{{NS20}}}source").get(space) == "preserve"
    assert root.find(f".//{{{NS20}}}target").get(space) == "preserve"
    notes = [(n.get("category"), n.text) for n in root.iter(f"{{{NS20}}}note")]
    assert notes == [
        ("note", "Keep the quotes."),
        ("comment", "Checked with the client."),
        ("comment", "Second remark & more"),
        ("reference", "report.docx:3"),
    ]


def test_control_characters_are_removed(schema) -> None:
    unit = Unit(
        "k",
        "bell\x07 vertical\x0b nul\x00 surrogate\ud800 noncharacter\uffff.",
        "目標\x01。",
        status="translated",
        notes=["note\x1f", "\x02"],
    )
    data = written([unit], title="title\x0c")
    assert_valid(schema, data)
    (read,) = parse(data).units
    assert read.source == "bell vertical nul surrogate noncharacter."
    assert read.target == "目標。"
    assert read.notes == ["note"]  # a note of only control characters is dropped
    assert parse(data).title == "title"


def test_empty_document_is_still_valid(schema) -> None:
    data = written([])
    assert_valid(schema, data)
    catalogue = parse(data)
    assert catalogue.units == []
    assert catalogue.document == "42"


def test_unknown_status_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown status"):
        written([Unit("k", "Source.", "目標。", status="fuzzy")])


@pytest.mark.parametrize(
    ("key", "unit_id"),
    [
        ("a1b2c3d4e5f6", "a1b2c3d4e5f6"),
        ("a1b2c3d4e5f6.2", "a1b2c3d4e5f6.2"),
        ("-1.", "-1."),
        ("a b", "_a_20_b"),
        ("a_b", "_a_5f_b"),
        ("_", "__5f_"),
        ("", "_"),
        ("x:y", "_x_3a_y"),
        ("中", "__4e2d_"),
        ("\x01", "__1_"),
        ("😀", "__1f600_"),
    ],
)
def test_keys_are_escaped_to_nmtokens_and_back(key: str, unit_id: str) -> None:
    assert escape_key(key) == unit_id
    assert unescape_key(unit_id) == key


@pytest.mark.parametrize("unit_id", ["my_id", "_1_", "__41_", "__01_", "_a__", "x"])
def test_ids_escape_key_cannot_write_are_read_unchanged(unit_id: str) -> None:
    assert unescape_key(unit_id) == unit_id


def test_distinct_keys_give_distinct_ids() -> None:
    keys = ["a b", "a_20_b", "_a_20_b", "a", "_a", "__", "_", "", "a.b", "a-b", "a:b"]
    ids = [escape_key(key) for key in keys]
    assert len(set(ids)) == len(keys)
    assert [unescape_key(unit_id) for unit_id in ids] == keys


def test_write_streams_while_units_are_still_coming() -> None:
    consumed = 0

    def units() -> Iterator[Unit]:
        nonlocal consumed
        for number in range(20_000):
            consumed += 1
            yield Unit(f"{number:012x}", f"Sentence {number}.", "句子。", "draft")

    chunks = write(
        units(), source_language="en", target_language="zh-Hans", document_id="1"
    )
    first = next(chunks)
    assert first.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert 0 < consumed < 20_000
    rest = b"".join(chunks)
    assert consumed == 20_000
    assert len(parse(first + rest).units) == 20_000


def test_writing_200000_units_keeps_memory_flat() -> None:
    def units() -> Iterator[Unit]:
        for number in range(200_000):
            yield Unit(
                f"{number:012x}",
                f"Sentence number {number}, long enough to look like prose.",
                f"第{number}句，看來像一段文字。",
                status="translated",
                notes=["A note."] if number % 10 == 0 else [],
            )

    size = 0
    tracemalloc.start()
    try:
        for chunk in write(
            units(), source_language="en", target_language="zh-Hant", document_id="9"
        ):
            size += len(chunk)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size > 40_000_000  # more than the memory allowed: it was streamed
    assert peak < 40_000_000


# Round trip


def test_round_trip_gives_back_keys_texts_statuses_and_notes() -> None:
    units = sample_units()
    catalogue = parse(written(units))
    assert catalogue.source_language == "en"
    assert catalogue.target_language == "zh-Hant"
    assert catalogue.document == "42"
    assert catalogue.title == "Annual report"
    expected_status = {"rejected": "draft"}
    assert [
        (u.key, u.source, u.target, u.status, u.notes, u.comments, u.references)
        for u in catalogue.units
    ] == [
        (
            u.key,
            u.source,
            "" if u.status == "untranslated" else u.target,
            expected_status.get(u.status, u.status),
            u.notes,
            u.comments,
            u.references,
        )
        for u in units
    ]
    assert [u.line for u in catalogue.units] == [3, 6, 7, 8, 9, 10, 13, 14, 15]


def test_round_trip_without_title_uses_the_document_id_and_normalises_languages() -> (
    None
):
    catalogue = parse(
        written(
            [Unit("k", "Hi.")],
            source_language="en-gb",
            target_language="zh_HK",
            document_id="7",
            title="",
        )
    )
    assert (catalogue.source_language, catalogue.target_language) == (
        "en-GB",
        "zh-Hant",
    )
    assert (catalogue.document, catalogue.title) == ("7", "7")


def test_translate_toolkit_reads_the_written_file() -> None:
    store = Xliff2File.parsestring(written(sample_units()))
    assert store.getsourcelanguage() == "en"
    assert store.gettargetlanguage() == "zh-Hant"
    read = {unit.getid(): unit for unit in store.units}
    assert read["a1b2c3d4e5f6"].source == 'Tom & Jerry say "<hi>" ]]>\nand leave.'
    assert read["a1b2c3d4e5f6"].target == "湯姆與傑利說「<嗨>」\n然後離開。"
    assert read["a1b2c3d4e5f6"].isfuzzy()
    assert read["a1b2c3d4e5f6.2"].target == "  空格  "  # xml:space is honoured
    assert read["b1b2c3d4e5f6"].istranslated()
    assert not read["b1b2c3d4e5f6"].isapproved()
    assert read["c1b2c3d4e5f6"].isapproved()
    assert not read["d1b2c3d4e5f6"].target
    assert read["__4e2d__6587__9375_"].source == "Chinese key."
    # translate-toolkit 3.20 looks for <notes> inside <segment>, where XLIFF 2.0
    # does not allow them, so it does not see the unit's notes.


# Reading the samples


def test_symfony_xliff_20_with_groups() -> None:
    catalogue = parse((DATA / "symfony_resources-2.0.xlf").read_bytes())
    assert (catalogue.source_language, catalogue.target_language) == ("en-US", "ja-JP")
    assert (catalogue.document, catalogue.title) == ("", "Graphic Example.psd")
    assert [(u.key, u.source, u.target, u.status, u.line) for u in catalogue.units] == [
        ("1", "Quetzal", "Quetzal", "translated", 4),
        (
            "2",
            "foo",
            "XLIFF 文書を編集、または処理 するアプリケーションです。",
            "translated",
            11,
        ),
        ("3", "bar", "XLIFF データ・マネージャ", "translated", 17),
    ]


def test_symfony_xliff_12_in_simplified_chinese() -> None:
    catalogue = parse((DATA / "symfony_validators.zh_CN.xlf").read_bytes())
    assert (catalogue.source_language, catalogue.target_language) == ("en", "zh-Hans")
    assert catalogue.title == "file.ext"
    assert len(catalogue.units) == 33
    first, last = catalogue.units[0], catalogue.units[-1]
    assert (first.key, first.line, first.status) == ("28", 5, "translated")
    assert first.source == "This form should not contain extra fields."
    assert first.target == "该表单中不可有额外字段."
    assert (last.key, last.target) == ("128", "请输入有效的星期。")
    assert {u.status for u in catalogue.units} == {"translated"}


def test_translate_toolkit_states_sample_xliff_11() -> None:
    catalogue = parse((DATA / "ttk_states.xlf").read_bytes())
    assert (catalogue.source_language, catalogue.target_language) == ("en-US", "")
    assert [(u.key, u.source, u.target, u.status) for u in catalogue.units] == [
        ("1", "One", "Un", "approved"),  # approved="yes", no state
        ("2", "Two", "Deux", "draft"),  # needs-work
        ("3", "Three", "Trois", "draft"),  # rejected (not an XLIFF state)
        ("4", "Four", "Quatre", "draft"),  # needs-review
        ("5", "Five", "Cinq", "draft"),  # unreviewed (not an XLIFF state)
        ("6", "Six", "Six", "approved"),  # final
        ("7", "Seven", "Sept", "approved"),  # translated, approved="yes"
        ("8", "Eight", "Huit", "draft"),  # fake
    ]


def test_weblate_xliff_20_keeps_newlines_and_reads_missing_targets() -> None:
    catalogue = parse((DATA / "weblate_cs.xliff2").read_bytes())
    assert (catalogue.source_language, catalogue.target_language) == ("en", "cs")
    assert (catalogue.document, catalogue.title) == ("", "")
    units = {u.key: u for u in catalogue.units}
    assert list(units) == ["hello", "orangutan", "weblate", "thanks"]
    assert (units["hello"].source, units["hello"].target) == (
        "Hello, world!\n",
        "Ahoj světe!\n",
    )
    assert units["hello"].status == "translated"
    assert (units["orangutan"].target, units["orangutan"].status) == (
        "",
        "untranslated",
    )
    assert units["weblate"].source == "Try Weblate at <https://demo.weblate.org/>!\n"
    assert units["thanks"].source == "Thank you for using Weblate."


# Reading XLIFF 2.0 details


def xliff20(body: str, **root: str) -> bytes:
    """Return an XLIFF 2.0 document with ``body`` inside its one <file>."""
    attributes = {"srcLang": "en", "trgLang": "zh-Hant"} | root
    text = " ".join(f'{name}="{value}"' for name, value in attributes.items())
    return (
        f'<xliff xmlns="{NS20}" version="2.0" {text}>'
        f'<file id="f1">{body}</file></xliff>'
    ).encode()


def test_segments_ignorables_and_inline_elements_are_joined() -> None:
    data = xliff20(
        '<unit id="u1"><originalData><data id="d1">&lt;br/&gt;</data></originalData>'
        '<segment state="final"><source>Press <pc id="1">Save</pc>'
        '<ph id="2" dataRef="d1"/> now<cp hex="0001"/>.</source>'
        '<target>按<pc id="1">儲存</pc><ph id="2" dataRef="d1"/>。</target></segment>'
        "<ignorable><source> </source></ignorable>"
        '<segment state="translated"><source><sc id="3"/>Then'
        '<ec startRef="3"/> <mrk id="m" translate="no">quit</mrk>'
        '<cp hex="263A"/><!-- comment -->!</source>'
        '<target><sc id="3"/>然後<ec startRef="3"/>離開<mrk id="m">quit</mrk>！'
        "</target></segment></unit>"
    )
    (unit,) = parse(data).units
    assert to_tokens(unit.source) == "Press ⟨1⟩Save⟨/1⟩⟨2/⟩ now. ⟨3⟩Then⟨/3⟩ quit☺!"
    assert to_tokens(unit.target) == "按⟨1⟩儲存⟨/1⟩⟨2/⟩。 ⟨3⟩然後⟨/3⟩離開quit！"
    assert unit.codes[2] == Code(
        2, PLACEHOLDER, native="<br/>", label="ph", format="xliff"
    )
    assert unit.codes[3].kind == OPENING
    assert unit.status == "translated"  # the lower of final and translated


@pytest.mark.parametrize(
    ("states", "targets", "status"),
    [
        (["final", "initial"], ["甲", "乙"], "draft"),
        (["final", "translated"], ["甲", ""], "draft"),
        (["initial", "initial"], ["", ""], "untranslated"),
        (["reviewed", "final"], ["甲", "乙"], "approved"),
    ],
)
def test_status_of_a_unit_with_several_segments(
    states: list[str], targets: list[str], status: str
) -> None:
    segments = "".join(
        f'<segment state="{state}"><source>S{n}</source>'
        + (f"<target>{target}</target>" if target else "")
        + "</segment>"
        for n, (state, target) in enumerate(zip(states, targets, strict=True))
    )
    (unit,) = parse(xliff20(f'<unit id="u">{segments}</unit>')).units
    assert unit.status == status
    assert unit.target == ("" if status == "untranslated" else "".join(targets))


@pytest.mark.parametrize(
    ("state", "target", "status"),
    [
        ("initial", "甲", "draft"),
        ("initial", "", "untranslated"),
        ("translated", "甲", "translated"),
        ("reviewed", "甲", "approved"),
        ("final", "甲", "approved"),
        ("final", "", "untranslated"),
        (None, "甲", "translated"),
        (None, "", "untranslated"),
    ],
)
def test_xliff_20_states(state: str | None, target: str, status: str) -> None:
    attribute = f' state="{state}"' if state else ""
    data = xliff20(
        f'<unit id="u"><segment{attribute}><source>S</source>'
        f"<target>{target}</target></segment></unit>"
    )
    assert parse(data).units[0].status == status


def test_untranslatable_units_are_skipped_and_ids_unescaped() -> None:
    data = xliff20(
        '<group id="g" translate="no"><unit id="skipped"><segment><source>A</source>'
        '</segment></unit><unit id="back" translate="yes"><segment><source>B</source>'
        '</segment></unit></group><unit id="_a_20_b"><notes><note>n</note>'
        '<note category="comment">c</note><note category="reference">r</note>'
        "</notes><segment><source>C</source></segment></unit>"
    )
    units = parse(data).units
    assert [u.key for u in units] == ["back", "a b"]
    assert (units[1].notes, units[1].comments, units[1].references) == (
        ["n"],
        ["c"],
        ["r"],
    )


# Reading XLIFF 1.x details


def xliff12(units: str, file: str = 'source-language="en" target-language="zh-TW"'):
    """Return an XLIFF 1.2 document with ``units`` in its body."""
    return (
        f'<?xml version="1.0"?>\n<xliff xmlns="{NS12}" version="1.2">\n'
        f'<file original="a.txt" datatype="plaintext" {file}>\n<body>\n{units}\n'
        "</body>\n</file>\n</xliff>\n"
    ).encode()


@pytest.mark.parametrize(
    ("attributes", "target", "status"),
    [
        ("", "甲", "translated"),
        ("", "", "untranslated"),
        ('approved="yes"', "甲", "approved"),
        ('approved="no"', "甲", "translated"),
        ('state="new"', "", "untranslated"),
        ('state="new"', "甲", "draft"),
        ('state="needs-translation"', "甲", "draft"),
        ('state="needs-adaptation"', "甲", "draft"),
        ('state="needs-l10n"', "甲", "draft"),
        ('state="needs-review-translation"', "甲", "draft"),
        ('state="needs-review-translation" approved="yes"', "甲", "draft"),
        ('state="needs-review-l10n"', "甲", "draft"),
        ('state="translated"', "甲", "translated"),
        ('state="translated" approved="yes"', "甲", "approved"),
        ('state="signed-off"', "甲", "approved"),
        ('state="final"', "甲", "approved"),
        ('state="final"', "", "untranslated"),
        ('state="x-custom"', "甲", "draft"),
    ],
)
def test_xliff_12_states(attributes: str, target: str, status: str) -> None:
    target_state = " ".join(a for a in attributes.split() if a.startswith("state="))
    approved = " ".join(a for a in attributes.split() if a.startswith("approved="))
    data = xliff12(
        f'<trans-unit id="t" {approved}><source>S</source>'
        f"<target {target_state}>{target}</target></trans-unit>"
    )
    (unit,) = parse(data).units
    assert (unit.status, unit.target) == (status, target)


def test_xliff_12_inline_codes_groups_notes_and_alternatives() -> None:
    data = xliff12(
        '<group id="g"><trans-unit id="t1" resname="save.button">'
        '<source>Click <g id="1">Save</g><x id="2"/> <ph id="3">&lt;br/&gt;</ph>'
        '<bpt id="4">&lt;b&gt;</bpt>now<ept id="4">&lt;/b&gt;</ept>.</source>'
        '<target state="translated">按<g id="1">儲存</g><x id="2"/>。</target>'
        "<alt-trans><source>Old</source><target>舊</target></alt-trans>"
        '<note>For the button.</note><note from="dev">Short.</note>'
        "</trans-unit></group>\n"
        '<trans-unit id="t2" translate="no"><source>Logo</source></trans-unit>'
    )
    catalogue = parse(data)
    assert (catalogue.source_language, catalogue.target_language) == ("en", "zh-Hant")
    (unit,) = catalogue.units
    assert unit.key == "t1"
    assert to_tokens(unit.source) == "Click ⟨1⟩Save⟨/1⟩⟨2/⟩ ⟨3/⟩⟨4⟩now⟨/4⟩."
    assert to_tokens(unit.target) == "按⟨1⟩儲存⟨/1⟩⟨2/⟩。"
    assert (unit.codes[3].native, unit.codes[4].native, unit.codes[4].closing) == (
        "<br/>", "<b>", "</b>")  # fmt: skip
    assert unit.notes == ["For the button.", "Short."]
    assert unit.line == 5


def test_xliff_10_without_namespace_is_read() -> None:
    data = (
        b'<xliff version="1.0"><file source-language="en" target-language="zh-CN"'
        b' original="x" datatype="plaintext"><body><trans-unit id="1">'
        b"<source>Hi</source><target>\xe4\xbd\xa0\xe5\xa5\xbd</target>"
        b"</trans-unit></body></file></xliff>"
    )
    (unit,) = parse(data).units
    assert (unit.target, unit.status) == ("你好", "translated")


def test_utf16_xliff_is_read() -> None:
    data = xliff12(
        '<trans-unit id="t"><source>S</source><target>目標</target></trans-unit>'
    )
    text = data.decode().replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'
    )
    assert parse(text.encode("utf-16")).units[0].target == "目標"


# Refusals


def refused(data: bytes) -> FormatError:
    """Return the ``FormatError`` that ``parse(data)`` raises, within 2 s."""
    start = time.perf_counter()
    with pytest.raises(FormatError) as caught:
        parse(data)
    assert time.perf_counter() - start < 2
    return caught.value


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
<file id="f"><unit id="u"><segment><source>&lol9;</source></segment></unit></file>
</xliff>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
<file id="f"><unit id="u"><segment><source>&secret;</source></segment></unit></file>
</xliff>
"""


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_documents_declaring_entities_are_refused(document: str, codec: str) -> None:
    if codec != "utf-8":
        document = document.replace('"1.0"?>', f'"1.0" encoding="{codec}"?>', 1)
    error = refused(document.encode(codec))
    assert error.message == "the file declares XML entities, which are refused"


def test_truncated_document_names_the_line() -> None:
    data = written(sample_units())
    cut = data.index(b'<unit id="c1b2c3d4e5f6">') + 20
    error = refused(data[:cut])
    assert error.message == "line %(line)s: %(error)s"
    assert error.params["line"] == data[:cut].count(b"\n") + 1 == 8
    assert str(error).startswith("line 8: ")  # then libxml2's own words
    assert "column" not in str(error)


@pytest.mark.parametrize("data", [b"", b"  \n\t", b"\xef\xbb\xbf", b"\xff\xfe \x00"])
def test_empty_files_are_refused(data: bytes) -> None:
    assert refused(data).message == "the file is empty"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00",
        bytes(range(256)) * 4,
        b'msgid ""\nmsgstr ""\n',
    ],
)
def test_binary_and_other_text_files_are_refused(data: bytes) -> None:
    assert refused(data).message == "the file is not XML"


def test_wrong_root_is_refused() -> None:
    data = b'<tmx version="1.4"><header/><body/></tmx>'
    error = refused(data)
    assert str(error) == "the file is not XLIFF: its root element is <tmx>"


def test_unknown_xliff_namespace_is_refused() -> None:
    error = refused(b'<xliff xmlns="urn:example:xliff" version="3.0"/>')
    assert error.params == {"version": "3.0", "namespace": "urn:example:xliff"}


def test_duplicate_and_missing_ids_are_refused() -> None:
    twice = xliff12(
        '<trans-unit id="t"><source>A</source></trans-unit>\n'
        '<trans-unit id="t"><source>B</source></trans-unit>'
    )
    assert str(refused(twice)) == "line 6: the unit id t is used twice"
    missing = xliff20('<unit id=""><segment><source>A</source></segment></unit>')
    assert str(refused(missing)) == "line 1: the unit has no id"


def test_bad_language_code_is_refused() -> None:
    error = refused(
        xliff20(
            '<unit id="u"><segment><source>A</source></segment></unit>', srcLang="1"
        )
    )
    assert str(error) == "line 1: 1 is not a language code"


def test_files_with_different_languages_are_refused() -> None:
    data = xliff12("").replace(
        b"</file>",
        b'</file>\n<file original="b" datatype="plaintext" source-language="en"'
        b' target-language="fr"><body/></file>',
    )
    assert refused(data).params == {"line": 8, "code": "fr", "other": "zh-Hant"}


def test_parse_returns_a_catalogue() -> None:
    assert isinstance(parse(written([Unit("k", "S")])), Catalogue)


PACKAGE_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="release-a.html" source-language="en" target-language="zh-HK"
        datatype="html">
    <body>
      <trans-unit id="1"><source>First of A.</source><target>甲一。</target>
      </trans-unit>
      <trans-unit id="2"><source>Second of A.</source></trans-unit>
    </body>
  </file>
  <file original="release-b.html" source-language="en" target-language="zh-HK"
        datatype="html">
    <body>
      <trans-unit id="1"><source>First of B.</source><target>乙一。</target>
      </trans-unit>
      <trans-unit id="2"><source>Second of B.</source><target>乙二。</target>
      </trans-unit>
    </body>
  </file>
</xliff>
""".encode()


def test_a_package_of_several_files_scopes_unit_ids_per_file():
    """CAT tools restart ids in each <file>: the package is read whole."""
    catalogue = parse(PACKAGE_12)
    assert [(u.file, u.key, u.source) for u in catalogue.units] == [
        ("release-a.html", "1", "First of A."),
        ("release-a.html", "2", "Second of A."),
        ("release-b.html", "1", "First of B."),
        ("release-b.html", "2", "Second of B."),
    ]
    assert [u.target for u in catalogue.units] == ["甲一。", "", "乙一。", "乙二。"]
    assert catalogue.target_language == "zh-Hant"


def test_an_id_used_twice_within_one_file_is_still_refused():
    data = PACKAGE_12.replace(b'<trans-unit id="2"><source>Second of B.', (
        b'<trans-unit id="1"><source>Second of B.'))  # fmt: skip
    with pytest.raises(FormatError, match=r"line 16: the unit id 1 is used twice"):
        parse(data)


def test_files_of_one_name_are_told_apart_by_position():
    data = PACKAGE_12.replace(b"release-b.html", b"release-a.html")
    files = [u.file for u in parse(data).units]
    assert files == ["release-a.html (1)"] * 2 + ["release-a.html (2)"] * 2


def test_an_xliff_2_package_of_several_files_is_read_whole():
    data = b"""<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"
       trgLang="zh-Hant">
  <file id="f1" original="a.txt"><unit id="u1"><segment state="translated">
    <source>One.</source><target>\xe4\xb8\x80\xe3\x80\x82</target></segment></unit></file>
  <file id="f2"><unit id="u1"><segment><source>Two.</source></segment></unit></file>
</xliff>"""
    units = parse(data).units
    assert [(u.file, u.key, u.source, u.status) for u in units] == [
        ("a.txt", "u1", "One.", "translated"),
        ("f2", "u1", "Two.", "untranslated"),
    ]


def test_segments_without_an_ignorable_between_them_are_not_glued_together():
    data = xliff20(
        '<unit id="u1"><segment state="translated"><source>First one.</source>'
        "<target>第一句。</target></segment>"
        '<segment state="translated"><source>Second one.</source>'
        "<target>第二句。</target></segment></unit>"
    )
    (unit,) = parse(data).units
    assert unit.source == "First one. Second one."
    assert unit.target == "第一句。第二句。"  # Chinese is written without spaces


def test_target_order_puts_each_target_where_it_belongs():
    """XLIFF 2.0 lets a translation reorder its segments with ``order``."""
    data = xliff20(
        '<unit id="u1"><segment state="translated"><source>Click OK.</source>'
        '<target order="3">Then close.</target></segment>'
        "<ignorable><source> </source></ignorable>"
        '<segment state="translated"><source>Then close.</source>'
        '<target order="1">Click OK.</target></segment></unit>',
        srcLang="en",
        trgLang="fr",
    )
    (unit,) = parse(data).units
    assert unit.source == "Click OK. Then close."
    assert unit.target == "Click OK. Then close."


# Inline codes


def test_xliff_12_g_and_x_codes_of_a_cat_tool_are_kept_and_matched_by_id():
    units = {
        u.key: u for u in parse((DATA / "okapi_RB-12-Test02.xlf").read_bytes()).units
    }
    assert to_tokens(units["4"].source) == "Text with ⟨1⟩code⟨/1⟩ and ⟨2⟩bold⟨/2⟩."
    assert units["4"].target == units["4"].source
    assert to_tokens(units["7"].source) == "Text with ⟨1⟩⟨2/⟩⟨/1⟩ and more text."
    assert [c.kind for c in units["7"].codes.values()] == [OPENING, PLACEHOLDER]


def test_xliff_12_bpt_ept_and_ph_keep_their_native_code():
    units = {u.key: u for u in parse((DATA / "okapi_xlifftest.xlf").read_bytes()).units}
    assert to_tokens(units["7"].source) == "Text with ⟨1⟩code⟨/1⟩ and ⟨2⟩bold⟨/2⟩."
    assert (units["7"].codes[2].native, units["7"].codes[2].closing) == ("<b>", "</b>")
    assert units["9"].codes[1].native == "<fn>[$SF1$]</fn>"


def test_reordered_xliff_20_codes_keep_the_source_numbers_in_the_target():
    data = (DATA / "xliff2om_withReorderedCodes.xlf").read_bytes()
    unit = parse(data).units[0]
    # pretty-printed: the indentation between the codes is not text
    assert to_tokens(unit.source) == "⟨1⟩text⟨2/⟩⟨/1⟩⟨3/⟩"
    assert to_tokens(unit.target) == "⟨3/⟩⟨1⟩text⟨2/⟩⟨/1⟩"


def test_a_pair_may_span_the_segments_of_a_unit():
    unit = parse((DATA / "xliff2om_toJoin.xlf").read_bytes()).units[0]
    assert to_tokens(unit.source).startswith("⟨1⟩Sentence 1. Sentence [  ] 2.⟨/1⟩")
    assert to_tokens(unit.target).startswith("⟨1⟩Phrase 1. Phrase [  ] 2.⟨/1⟩")


def test_pretty_printed_text_loses_its_indentation_unless_space_is_preserved():
    units = parse((DATA / "mozl10n_angular.xliff").read_bytes()).units
    assert (units[0].source, units[0].target) == ("Hello i18n!", "Hei i18n!")
    assert units[1].codes[1].label == "{{minutes}}"  # equiv-text
    preserved = xliff12(
        '<trans-unit id="t" xml:space="preserve"><source>\n  A <x id="1"/>\n</source>'
        "</trans-unit>"
    )
    assert to_tokens(parse(preserved).units[0].source) == "\n  A ⟨1/⟩\n"
    indented = xliff12(
        '<trans-unit id="t"><source>\n  A\n  <x id="1"/>\n  b <g id="2">\n   c\n'
        "  </g>\n</source></trans-unit>"
    )
    assert to_tokens(parse(indented).units[0].source) == "A ⟨1/⟩ b ⟨2⟩c⟨/2⟩"


ODD_FILES = {"mozl10n_xcode.xliff"}  # refused: two target languages


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name
        for p in DATA.iterdir()
        if p.suffix in (".xlf", ".xliff", ".xliff2", ".poxliff")
        and p.name not in ODD_FILES
    ),
)
def test_real_files_write_back_valid_with_the_same_texts_and_codes(schema, name):
    catalogue = parse((DATA / name).read_bytes())
    for unit in catalogue.units:
        unit.target = unit.target if unit.status != "untranslated" else ""
    data = written(catalogue.units, source_language=catalogue.source_language or "en")
    assert_valid(schema, data)
    again = parse(data)

    def seen(units):
        return [(u.file, u.key, u.source, u.target, u.codes) for u in units]

    assert seen(again.units) == seen(catalogue.units)


def html_units() -> list[Unit]:
    bold = Code(1, OPENING, type="bold", native="<b>", closing="</b>", label="b",
                format="html")  # fmt: skip
    link = Code(2, OPENING, type="link", native='<a href="/x">', closing="</a>",
                label="a", format="html")  # fmt: skip
    br = Code(3, PLACEHOLDER, type="lb", native="<br>", label="br", format="html")
    b, b_, a, a_ = (code_char(n, k) for n in (1, 2) for k in (OPENING, CLOSING))
    return [
        Unit(
            key="k1",
            source=f"{b}Bold{b_} and {a}link{a_}{br.char()}.",
            target=f"{a}連結{a_}和{b}粗體{b_}{br.char()}。",
            status="translated",
            codes={1: bold, 2: link, 3: br},
        ),  # fmt: skip
        # crossing pairs and a lone half cannot be <pc>
        Unit(
            key="k2",
            source=f"{b}x{a}y{b_}z{a_}",
            target=f"{b}甲{a}乙{b_}",
            status="draft",
            codes={1: bold, 2: link},
        ),  # fmt: skip
    ]


def test_document_codes_are_written_as_xliff_20_codes_that_read_back_the_same(schema):
    units = html_units()
    data = written(units)
    assert_valid(schema, data)
    root = etree.fromstring(data)
    ns = {"x": NS20}
    first = root.find(".//x:unit[@id='k1']", ns)
    pc = first.find("x:segment/x:source/x:pc", ns)
    assert (pc.get("type"), pc.get("subType"), pc.get("dispStart")) == (
        "fmt", "xlf:b", "b")  # fmt: skip
    data_ids = {d.get("id"): d.text for d in first.iterfind(".//x:data", ns)}
    assert data_ids[pc.get("dataRefStart")] == "<b>"
    assert data_ids[pc.get("dataRefEnd")] == "</b>"
    second = root.find(".//x:unit[@id='k2']/x:segment/x:target", ns)
    assert [etree.QName(e).localname for e in second] == ["sc", "sc", "ec"]
    assert second[1].get("isolated") == "yes"  # the link never closes here
    again = {u.key: u for u in parse(data).units}
    for unit in units:
        assert (again[unit.key].source, again[unit.key].target) == (
            unit.source, unit.target)  # fmt: skip
        assert again[unit.key].codes == {
            n: c for n, c in unit.codes.items() if n in again[unit.key].codes
        }


def test_translate_toolkit_reads_the_codes_written():
    store = Xliff2File.parsestring(written(html_units()))
    sources = [unit.source for unit in store.units if unit.source]
    assert sources and "Bold" in sources[0] and "link" in sources[0]


def test_a_package_of_several_files_is_written_back_file_by_file(schema):
    catalogue = parse(PACKAGE_12)
    data = written(catalogue.units)
    assert_valid(schema, data)
    root = etree.fromstring(data)
    originals = [f.get("original") for f in root.iterfind(f"{{{NS20}}}file")]
    assert originals == ["release-a.html", "release-b.html"]
    assert [(u.file, u.key, u.source) for u in parse(data).units] == [
        (u.file, u.key, u.source) for u in catalogue.units
    ]


def test_text_holding_the_characters_of_codes_is_refused():
    data = xliff12(f'<trans-unit id="t"><source>A{code_char(1, OPENING)}</source>'
                   "</trans-unit>")  # fmt: skip
    with pytest.raises(FormatError, match="line 5: .*Private Use Area-A"):
        parse(data)


# Writing XLIFF 1.2 (write12.py)


@pytest.fixture(scope="module")
def schema12() -> etree.XMLSchema:
    """The OASIS XLIFF 1.2 strict schema, importing the local xml.xsd."""
    return etree.XMLSchema(etree.parse(str(DATA / "xliff-core-1.2-strict.local.xsd")))


def written12(units: list[Unit], **kwargs: str) -> bytes:
    """Return the whole document ``write_12`` makes of ``units``."""
    return written(units, writer=write_12, **kwargs)


def valid12(schema12: etree.XMLSchema, data: bytes) -> etree._Element:
    document = etree.fromstring(data)
    assert schema12.validate(document), [str(e) for e in schema12.error_log]
    return document


def kept(units: list[Unit]) -> list[tuple]:
    """What a 1.2 round trip keeps of each unit (a rejected unit reads as draft)."""
    return [
        (
            u.file,
            u.key,
            u.source,
            u.target if u.status != "untranslated" else "",
            "draft" if u.status == "rejected" else u.status,
            u.notes,
            u.comments,
            u.references,
            {n: replace(c, format="") for n, c in u.codes.items()},
        )
        for u in units
    ]


def test_xliff_12_states_follow_the_mapping_table(schema12) -> None:
    units = [u for u in sample_units() if u.key]
    root = valid12(schema12, written12(units))
    ns = {"x": NS12}
    assert root.get("version") == "1.2"
    file = root.find("x:file", ns)
    assert (
        file.get("original"),
        file.get("source-language"),
        file.get("target-language"),
        file.get("datatype"),
    ) == ("Annual report", "en", "zh-Hant", "plaintext")

    def state(key: str) -> tuple:
        unit = next(
            u for u in root.iterfind(".//x:trans-unit", ns) if u.get("id") == key
        )
        target = unit.find("x:target", ns)
        return unit.get("approved"), None if target is None else target.get("state")

    assert state("a1b2c3d4e5f6") == (None, "needs-review-translation")  # draft
    assert state("a1b2c3d4e5f6.2") == (None, "needs-translation")  # rejected
    assert state("b1b2c3d4e5f6") == (None, "translated")
    assert state("c1b2c3d4e5f6") == ("yes", "final")
    assert state("d1b2c3d4e5f6") == (None, None)  # untranslated: no target
    assert state("key with spaces/and:colons_") == (None, "needs-review-translation")


def test_xliff_12_round_trip_keeps_keys_texts_statuses_notes_and_document(
    schema12,
) -> None:
    units = sample_units()[:-1]
    data = written12(units)
    valid12(schema12, data)
    catalogue = parse(data)
    assert kept(catalogue.units) == kept(units)
    assert (catalogue.source_language, catalogue.target_language) == ("en", "zh-Hant")
    assert (catalogue.document, catalogue.title) == ("42", "Annual report")


def test_another_tools_xliff_12_is_not_taken_for_the_workbenchs_own() -> None:
    data = xliff12('<trans-unit id="t"><source>A</source></trans-unit>')
    assert parse(data).document == ""


def test_xliff_12_empty_document_and_unknown_status(schema12) -> None:
    valid12(schema12, written12([]))
    with pytest.raises(ValueError, match="unknown status"):
        written12([Unit("k", "A", "B", status="signed")])


def test_translate_toolkit_reads_the_written_xliff_12() -> None:
    store = xlifffile.parsestring(written12(sample_units()[:-1]))
    assert store.getsourcelanguage() == "en"
    assert store.gettargetlanguage() == "zh-Hant"
    # translate-toolkit names a unit by its file's original and its id
    read = {unit.getid(): unit for unit in store.units}
    read = {key.removeprefix("Annual report\x04"): unit for key, unit in read.items()}
    assert read["a1b2c3d4e5f6"].source == 'Tom & Jerry say "<hi>" ]]>\nand leave.'
    assert read["a1b2c3d4e5f6"].target == "湯姆與傑利說「<嗨>」\n然後離開。"
    assert read["a1b2c3d4e5f6"].isfuzzy()
    assert "Keep the quotes." in read["a1b2c3d4e5f6"].getnotes()
    assert read["a1b2c3d4e5f6.2"].target == "  空格  "  # xml:space is honoured
    # translate-toolkit ranks the states: rejected < draft < translated
    # (which it calls unreviewed: only approved="yes" is translated to it)
    # < approved
    ranks = [
        read[key].get_state_n()
        for key in ("a1b2c3d4e5f6.2", "a1b2c3d4e5f6", "b1b2c3d4e5f6", "c1b2c3d4e5f6")
    ]
    assert ranks == sorted(set(ranks))
    assert read["b1b2c3d4e5f6"].get_state_n() == read["b1b2c3d4e5f6"].S_UNREVIEWED
    assert not read["b1b2c3d4e5f6"].isapproved()
    assert read["c1b2c3d4e5f6"].isapproved() and read["c1b2c3d4e5f6"].istranslated()
    assert not read["d1b2c3d4e5f6"].target
    assert read["key with spaces/and:colons_"].source == "Odd key."


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name
        for p in DATA.iterdir()
        if p.suffix in (".xlf", ".xliff", ".xliff2", ".poxliff")
        and p.name not in ODD_FILES
    ),
)
def test_real_files_write_back_as_valid_xliff_12_that_reads_back_the_same(
    schema12, name
):
    catalogue = parse((DATA / name).read_bytes())
    data = written12(
        catalogue.units,
        source_language=catalogue.source_language or "en",
        target_language=catalogue.target_language,
        title=catalogue.title,
    )
    valid12(schema12, data)
    again = parse(data)
    assert kept(again.units) == kept(catalogue.units)
    assert xlifffile.parsestring(data).units  # translate-toolkit reads it too


INLINE_12 = ("g", "x", "bx", "ex", "ph", "bpt", "ept", "it")


def inline_elements(data: bytes) -> list[tuple[str, str, str]]:
    """(part, element, ctype) of every 1.x inline code, translatable units only."""
    root = etree.fromstring(data)
    found = []
    for unit in root.iter("{*}trans-unit"):
        if any(e.get("translate") == "no" for e in (unit, *unit.iterancestors())):
            continue
        for part in ("source", "target"):
            for element in unit.iterfind(f"{{*}}{part}//*"):
                name = etree.QName(element).localname
                if (
                    name in INLINE_12
                    and etree.QName(element.getparent()).localname != "ph"
                ):
                    found.append((part, name, element.get("ctype", "")))
    return found


@pytest.mark.parametrize(
    "name",
    [
        "okapi_RB-11-Test01.xlf",
        "okapi_RB-12-Test02.xlf",
        "okapi_TS09-12-Test01.xlf",
        "okapi_xlifftest.xlf",
        "okapi_Xslt-Test01.xlf",
        "ttk_odf2xliff_inline.xlf",
        "mozl10n_angular.xliff",
    ],
)
def test_xliff_12_codes_go_back_as_the_elements_they_were(name):
    original = (DATA / name).read_bytes()
    catalogue = parse(original)
    data = written12(catalogue.units, source_language=catalogue.source_language)
    assert inline_elements(data) == inline_elements(original)
    assert inline_elements(data)  # the file has codes


def test_document_codes_are_written_as_xliff_12_codes_that_read_back_the_same(
    schema12,
):
    units = html_units()
    data = written12(units)
    root = valid12(schema12, data)
    ns = {"x": NS12}
    source = root.find(".//x:trans-unit[@id='k1']/x:source", ns)
    assert [(etree.QName(e).localname, e.get("ctype"), e.text) for e in source] == [
        ("bpt", "bold", "<b>"),
        ("ept", None, "</b>"),
        ("bpt", "link", '<a href="/x">'),
        ("ept", None, "</a>"),
        ("ph", "lb", "<br>"),
    ]
    assert source[0].get("equiv-text") == "b"
    target = root.find(".//x:trans-unit[@id='k2']/x:target", ns)
    assert [(etree.QName(e).localname, e.get("pos")) for e in target] == [
        ("bpt", None),
        ("it", "open"),  # the link never closes here
        ("ept", None),
    ]
    again = {u.key: u for u in parse(data).units}
    for unit in units:
        assert (again[unit.key].source, again[unit.key].target) == (
            unit.source, unit.target)  # fmt: skip
        assert again[unit.key].codes == {
            n: replace(c, format="xliff") for n, c in unit.codes.items()
        }


def test_codes_without_markup_go_as_g_x_and_bx_ex_with_types_kept(schema12):
    code = code_char
    units = [
        Unit(
            key="k",
            source=f"{code(1, OPENING)}a{code(2, PLACEHOLDER)}{code(1, CLOSING)}"
            f"{code(3, OPENING)}b{code(4, OPENING)}c{code(3, CLOSING)}d"
            f"{code(4, CLOSING)}{code(5, CLOSING)}",
            codes={
                1: Code(1, OPENING, type="code", label="code"),
                2: Code(2, PLACEHOLDER, type="image", label="img"),
                3: Code(3, OPENING, type="underline", label="u"),
                4: Code(4, OPENING, type="x-html-span", label="span"),
                5: Code(5, CLOSING, label="ex"),
            },
        )
    ]
    data = written12(units)
    root = valid12(schema12, data)
    source = root.find(f".//{{{NS12}}}source")
    assert [(etree.QName(e).localname, e.get("ctype")) for e in source.iter()][1:] == [
        ("g", "x-wb-code"),
        ("x", "image"),
        ("bx", "underlined"),  # crosses the span: not a <g>
        ("g", "x-html-span"),
        ("ex", None),
        ("ex", None),  # a closing alone
    ]
    again = parse(data).units[0]
    assert again.source == units[0].source
    assert again.codes == {
        n: replace(c, format="xliff") for n, c in units[0].codes.items()
    }


def test_a_package_of_several_files_is_written_back_as_xliff_12_files(schema12):
    catalogue = parse(PACKAGE_12)
    data = written12(catalogue.units)
    root = valid12(schema12, data)
    originals = [f.get("original") for f in root.iterfind(f"{{{NS12}}}file")]
    assert originals == ["release-a.html", "release-b.html"]
    assert kept(parse(data).units) == kept(catalogue.units)


def test_xliff_12_streams_while_units_are_still_coming() -> None:
    consumed = 0

    def units() -> Iterator[Unit]:
        nonlocal consumed
        for number in range(20_000):
            consumed += 1
            yield Unit(f"{number:012x}", f"Sentence {number}.", "句子。", "draft")

    chunks = write_12(
        units(), source_language="en", target_language="zh-Hans", document_id="1"
    )
    first = next(chunks)
    assert 0 < consumed < 20_000
    data = first + b"".join(chunks)
    assert consumed == 20_000
    assert len(parse(data).units) == 20_000


# What a unit list cannot hold is listed on the catalogue for the importer to
# count: translate="no" units, file and group notes, <alt-trans>, resname.


@pytest.mark.parametrize(
    "name, ids",
    [
        ("okapi_BinUnitTest01.xlf", ["0"]),
        ("omegat_xliff1_en-xx.xlf", ["Added_2"]),
        ("xliff2om_testTranslateWithTarget.xlf", ["1"]),
    ],
)
def test_units_not_to_translate_are_listed_not_read(name: str, ids: list) -> None:
    catalogue = parse((DATA / name).read_bytes())
    assert catalogue.not_translatable == ids
    assert not {unit.key for unit in catalogue.units} & set(ids)


def test_file_notes_are_listed_by_file_not_given_to_units() -> None:
    typo3 = parse((DATA / "okapi_Typo3Draft.xlf").read_bytes())
    assert typo3.file_notes == ["TYPO3"]
    assert all("Note for translator here" not in u.notes for u in typo3.units)
    fs = parse((DATA / "xliff2om_fs-valid-HTML.xlf").read_bytes())
    assert fs.file_notes == ["bad-filesize2"] * 4 and fs.group_notes == []


def test_xliff_20_group_notes_are_listed() -> None:
    data = (
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"'
        b' srcLang="en" trgLang="fr"><file id="f"><group id="g">'
        b"<notes><note>on the group</note></notes>"
        b'<unit id="u"><segment><source>A.</source></segment></unit>'
        b"</group></file></xliff>"
    )
    catalogue = parse(data)
    assert catalogue.group_notes == ["g"] and catalogue.units[0].notes == []


def test_alt_trans_and_resname_are_read() -> None:
    catalogue = parse((DATA / "okapi_sample12.xlf").read_bytes())
    assert [unit.context for unit in catalogue.units] == [
        "Key1",
        "Key2",
        "Key3",
        "Key4",
    ]
    assert catalogue.units[3].alt_trans == ["Autre text."]
    assert catalogue.units[3].target == "" and catalogue.target_language == "fr-FR"
