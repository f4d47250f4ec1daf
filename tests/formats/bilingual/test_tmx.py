"""Tests for TMX: the writer against the DTD, real files, hostile files, memory."""

import io
import os
import random
import re
import time
import tracemalloc
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx as ttk_tmx

from core.inline import CLOSING, OPENING, PLACEHOLDER, Code, code_char, plain, to_tokens
from formats import FormatError
from formats.bilingual.tmx import (
    Note,
    Prop,
    TmxHeader,
    TmxUnit,
    iter_units,
    parse,
    units_for,
    write,
    write_tus,
)
from formats.bilingual.tmx.read import CHUNK
from formats.bilingual.units import Unit
from tests.support import DATA as TEST_DATA

DATA = TEST_DATA / "tmx"
SAMPLES = sorted(DATA.glob("*.tmx"))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATE = re.compile(r"^\d{8}T\d{6}Z$")
SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
HK = timezone(timedelta(hours=8))
MB = 1024 * 1024


def _units() -> list[Unit]:
    return [
        Unit(
            "a1b2c3d4e5f6",
            "The Chief Executive met the press.",
            "行政長官會見傳媒。",
            status="approved",
            notes=["Headline"],
            created_at=datetime(2024, 3, 1, 9, 30, tzinfo=HK),
            changed_at=datetime(2024, 3, 2, 1, 2, 3, tzinfo=UTC),
            created_by="tina",
            changed_by="rita",
        ),
        Unit("0123456789ab", "Nobody translated this.", status="untranslated"),
        Unit("0123456789ab.2", "A draft with an empty target.", status="draft"),
        Unit("ffeeddccbbaa", "Tax & <duty>\x07 rose.", "稅項\x0c上升。", "draft"),
        Unit("aaaaaaaaaaaa", "Line one\n\tline two", "第一行\n\t第二行", "rejected"),
    ]


def _write(units: list[Unit], target: str = "zh-Hant") -> bytes:
    chunks = write(units, source_language="en", target_language=target)
    return b"".join(chunks)


def _sample(name: str) -> list[TmxUnit]:
    return parse((DATA / name).read_bytes())


# Writing


def test_written_tmx_validates_against_the_dtd() -> None:
    tree = etree.parse(io.BytesIO(_write(_units())), SAFE)
    dtd = etree.DTD(str(DATA / "tmx14.dtd"))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    assert all(tuv.get(XML_LANG) for tuv in tree.iter("tuv"))


def test_written_tmx_starts_with_the_declaration_and_doctype() -> None:
    data = _write(_units())
    lines = data.decode("utf-8").splitlines()
    assert lines[:2] == [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    ]
    assert not data.startswith(b"\xef\xbb\xbf")
    header = etree.fromstring(data, SAFE).find("header")
    assert dict(header.attrib, creationdate="") == {
        "creationtool": "Translation Workbench",
        "creationtoolversion": "0.1",
        "segtype": "sentence",
        "o-tmf": "Translation Workbench",
        "adminlang": "en",
        "srclang": "en",
        "datatype": "plaintext",
        "creationdate": "",
    }


def test_dates_are_utc_in_tmx_form() -> None:
    data = b"".join(
        write(
            _units(),
            source_language="en",
            target_language="zh-Hant",
            created_at=datetime(2024, 1, 1, 8, 0, tzinfo=HK),
        )
    )
    root = etree.fromstring(data, SAFE)
    assert root.find("header").get("creationdate") == "20240101T000000Z"
    dates = [
        value
        for element in root.iter("header", "tu")
        for name, value in element.attrib.items()
        if name.endswith("date")
    ]
    assert len(dates) == 3 and all(DATE.match(value) for value in dates)
    first = root.find("body/tu")
    assert first.get("creationdate") == "20240301T013000Z"  # 09:30 in Hong Kong
    assert first.get("changedate") == "20240302T010203Z"
    assert (first.get("creationid"), first.get("changeid")) == ("tina", "rita")


def test_untranslated_units_and_empty_targets_are_skipped() -> None:
    root = etree.fromstring(_write(_units()), SAFE)
    tuids = [tu.get("tuid") for tu in root.iter("tu")]
    assert tuids == ["a1b2c3d4e5f6", "ffeeddccbbaa", "aaaaaaaaaaaa"]


def test_each_tu_carries_status_key_notes_and_two_variants() -> None:
    root = etree.fromstring(_write(_units()), SAFE)
    tu = root.find("body/tu")
    props = {prop.get("type"): prop.text for prop in tu.iter("prop")}
    assert props == {"x-status": "approved", "x-key": "a1b2c3d4e5f6"}
    assert [note.text for note in tu.iter("note")] == ["Headline"]
    variants = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in tu.iter("tuv")}
    assert variants == {
        "en": "The Chief Executive met the press.",
        "zh-Hant": "行政長官會見傳媒。",
    }


def test_characters_xml_forbids_are_removed_and_whitespace_kept() -> None:
    unit = Unit(
        "k\x01ey", "Bell\x07 \ufffe\uffff lone \ud800 ok 😀", "響\x1f鈴", "translated"
    )
    unit.notes = ["note\x0b"]
    tu = etree.fromstring(_write([unit, _units()[4]]), SAFE).find("body/tu")
    assert tu.get("tuid") == "key"
    assert [tuv.findtext("seg") for tuv in tu.iter("tuv")] == [
        "Bell  lone  ok 😀",
        "響鈴",
    ]
    assert tu.findtext("note") == "note"
    assert parse(_write(_units()))[2].variants["en"] == "Line one\n\tline two"


def test_translate_toolkit_reads_the_written_file() -> None:
    store = ttk_tmx.tmxfile(_write(_units()))
    assert store.sourcelanguage == "en"
    pairs = [(unit.source, unit.target, unit.getid()) for unit in store.units]
    assert pairs == [
        ("The Chief Executive met the press.", "行政長官會見傳媒。", "a1b2c3d4e5f6"),
        ("Tax & <duty> rose.", "稅項上升。", "ffeeddccbbaa"),
        ("Line one\n\tline two", "第一行\n\t第二行", "aaaaaaaaaaaa"),
    ]
    assert store.units[0].getnotes() == "Headline"


def test_naive_datetimes_are_taken_as_utc() -> None:
    unit = Unit("k", "a", "b", "translated", created_at=datetime(2024, 2, 29, 23))
    tu = etree.fromstring(_write([unit]), SAFE).find("body/tu")
    assert tu.get("creationdate") == "20240229T230000Z"


def test_the_same_language_twice_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        write(_units(), source_language="en", target_language="en")


def test_write_tus_writes_any_number_of_variants() -> None:
    tus = [
        TmxUnit({"en": "Hello", "zh-Hant": "你好", "zh-Hans": "你好"}, tuid="1"),
        TmxUnit({}),  # no tuv: left out
        TmxUnit({"en": "Bye", "fr": "Au revoir"}, props={"x-origin": "seed"}),
    ]
    data = b"".join(write_tus(tus, source_language="*all*", tool_version="2.0"))
    tree = etree.parse(io.BytesIO(data), SAFE)
    assert etree.DTD(str(DATA / "tmx14.dtd")).validate(tree)
    assert tree.find("header").get("srclang") == "*all*"
    assert tree.find("header").get("creationtoolversion") == "2.0"
    assert [len(tu.findall("tuv")) for tu in tree.iter("tu")] == [3, 2]
    assert [tu.get("tuid") for tu in tree.iter("tu")] == ["1", None]
    assert [tu.variants for tu in parse(data)] == [tus[0].variants, tus[2].variants]


def test_round_trip_gives_back_keys_sources_targets_and_statuses() -> None:
    units = _units()
    back = list(units_for(parse(_write(units)), "en", "zh-Hant"))
    expected = [unit for unit in units if unit.target]
    assert [(u.key, u.source, u.status) for u in back] == [
        (u.key, u.source.replace("\x07", ""), u.status) for u in expected
    ]
    assert [u.target for u in back] == [
        "行政長官會見傳媒。",
        "稅項上升。",
        "第一行\n\t第二行",
    ]
    first = back[0]
    assert first.notes == ["Headline"]
    assert first.created_at == units[0].created_at
    assert first.changed_at == units[0].changed_at
    assert (first.created_by, first.changed_by) == ("tina", "rita")
    assert first.line > 0


# Reading real files


@pytest.mark.parametrize("path", SAMPLES, ids=[path.name for path in SAMPLES])
def test_every_sample_parses(path: Path) -> None:
    tus = parse(path.read_bytes())
    assert tus or path.name == "pythontmx_minimal.tmx"  # an empty body
    assert all(tu.variants for tu in tus)
    with path.open("rb") as stream:
        assert list(iter_units(stream)) == tus


def test_five_languages_give_five_variants_per_tu() -> None:
    tus = _sample("okapi_ImportTest1C_5langs.tmx")
    assert [sorted(tu.variants) for tu in tus] == [
        ["en-GB", "en-US", "es-ES", "fr-CA", "ja-JP"]
    ] * 3
    assert tus[1].variants["ja-JP"] == "Second entry in Japanese"
    assert (tus[0].line, tus[2].line) == (7, 21)
    pairs = [(u.source, u.target) for u in units_for(tus, "en", "fr")]
    assert pairs[1] == ("Second entry in US English", "Second entry in French Canadian")


def test_us_ascii_with_character_references() -> None:
    tus = _sample("okapi_ImportTest1H_usascii.tmx")
    assert [tu.variants["en-US"] for tu in tus] == [
        "à=agrave, é=eacute, æ=aelig",
        "ÿ=U+00FF, ™=U+2122, ’=U+2019",
        "“=U+201C, –=U+2013, ¤=U+00A4",
    ]


def tokens(tu) -> dict[str, str]:
    """A unit's variants with their inline codes as tokens."""
    return {language: to_tokens(text) for language, text in tu.variants.items()}


def test_utf16_with_inline_codes_read_as_codes() -> None:
    tus = _sample("okapi_ImportTest2A_utf16_inline.tmx")
    assert [tu.tuid for tu in tus] == ["1", "2", "3", "4", "5", "", ""]
    # the same code in both variants has one number (by x), moved or not
    assert tokens(tus[0]) == {
        "en-US": "The big ⟨1⟩black⟨/1⟩ ⟨2⟩cat⟨/2⟩ sleeps.",
        "fr-CA": "Le gros ⟨2⟩chat⟨/2⟩ ⟨1⟩noir⟨/1⟩ dors.",
    }
    bold = Code(1, OPENING, "bold", "<b>", "</b>", "<b>", "tmx")
    assert tus[0].codes[1] == bold
    assert tokens(tus[1])["en-US"] == (
        'Test for special characters = ⟨1⟩<⟨/1⟩=lt, ⟨2⟩>⟨/2⟩=gt, ⟨3⟩&⟨/3⟩=amp, ⟨4⟩"⟨/4⟩'
        "=quot."
    )
    assert tokens(tus[3])["en-US"] == "First ⟨1⟩sentence."  # <it pos="begin">
    assert tokens(tus[5]) == {  # xml:lang="En-uS" and "FR-CA"
        "en-US": "Picture: ⟨1/⟩",
        "fr-CA": "Image: ⟨1/⟩",
    }
    assert tus[5].codes[1].native == '<img src="img.png"/>'
    assert list(tus[6].variants) == ["fr-CA", "en-US"]  # <hi> is a pair
    assert tokens(tus[6])["en-US"] == "Some text with ⟨1⟩a part highlighted⟨/1⟩."
    assert plain(tus[6].variants["en-US"]) == "Some text with a part highlighted."


def test_inline_sub_notes_props_and_dates() -> None:
    (tu,) = _sample("okapi_ImportTest2C_inline_sub_notes.tmx")
    assert tu.tuid == "tu001"
    assert tu.notes == ["Text of tu note 1", "Text of tu note 2"]  # not the tuv's
    assert tu.props == {"myPropeType": "Data"}
    moment = datetime(2002, 5, 23, 9, 12, tzinfo=UTC)
    assert (tu.created_at, tu.changed_at) == (moment, moment)
    assert (tu.created_by, tu.changed_by) == ("ys", "ys")
    assert tokens(tu) == {
        "en-US": "⟨1⟩⟨2⟩Click ⟨3/⟩ to ⟨4⟩start⟨/4⟩.⟨/2⟩",
        "fr": "⟨1⟩⟨2⟩Cliquez ⟨3/⟩ pour ⟨4⟩commencer⟨/4⟩.⟨/2⟩",
        "en-GB": "⟨1⟩⟨2⟩Click ⟨3/⟩ to ⟨4⟩start⟨/4⟩.⟨/2⟩",
    }
    # the ph's <sub> text is part of its native markup
    assert tu.codes[3].native == '<IMG SRC="here.png" ALT="Start Here!">'


def test_trados_export_in_utf16() -> None:
    tus = _sample("okapi_html_test_utf16.tmx")
    assert len(tus) == 11
    assert all(set(tu.variants) == {"en-US", "fr-FR"} for tu in tus)
    assert all(tu.created_by == "BATCH_ANALYZER" for tu in tus)
    assert tus[0].created_at == datetime(2008, 12, 3, 5, 38, 17, tzinfo=UTC)
    assert tus[-1].changed_at == datetime(2008, 12, 5, 2, 12, 13, tzinfo=UTC)
    texts = [to_tokens(tu.variants["en-US"]) for tu in tus]
    assert "This is⟨1/⟩a para⟨2/⟩graph with line breaks" in texts
    assert "end of © body &amp; text" in texts


def test_custom_props_and_placeholders() -> None:
    tus = _sample("okapi_sample14b.tmx")
    assert len(tus) == 25
    assert tus[0].tuid == "ACDetectionCheckFailedAction0_s02"
    assert tus[0].props == {
        "Txt::FileName": "file1_en.info",
        "Txt::GroupName": "ACDetectionCheckFailedAction0",
        "Att::Test": "TestValue",
    }
    assert tus[1].variants["de-DE"] == "'Wiederholen' drücken."
    assert to_tokens(tus[-1].variants["en-US"]).startswith("⟨1/⟩Recent changes")
    assert tus[-1].codes[1].native == "\\n"
    units = list(units_for(tus, "en", "de"))
    assert len(units) == 25 and units[0].key == "ACDetectionCheckFailedAction0_s02"
    assert {unit.status for unit in units} == {"translated"}


def test_weblate_memory_with_upper_case_codes() -> None:
    (tu,) = _sample("weblate_memory.tmx")
    assert tu.variants == {
        "de-DE": "Wenn die Logfunktion installiert ist",
        "en-US": "If the log function is installed",
        "cs-CZ": "Pokud je nainstalované logování",
    }
    (unit,) = units_for([tu], "de", "cs")
    assert (unit.source, unit.target) == (tu.variants["de-DE"], tu.variants["cs-CZ"])


def test_tmx_11_lang_attribute_and_dates_on_the_variant() -> None:
    (tu,) = _sample("weblate_memory2.tmx")
    assert tu.variants == {"en": '"%.1f MB";', "sc": '"%.1f MB";'}
    moment = datetime(2017, 10, 15, 22, 51, 49, tzinfo=UTC)
    assert (tu.created_at, tu.changed_at, tu.changed_by) == (moment, moment, "id")


def test_chinese_codes_are_normalised_and_scripts_never_mix() -> None:
    data = (
        b'<tmx version="1.4"><header/><body>'
        b'<tu><tuv xml:lang="EN-US"><seg>Tax</seg></tuv>'
        b'<tuv xml:lang="ZH-TW"><seg>\xe7\xa8\x85</seg></tuv></tu>'
        b'<tu tuid="t2"><tuv xml:lang="en"><seg>Tax</seg></tuv>'
        b'<tuv xml:lang="zh-CN"><seg>\xe7\xa8\x8e</seg></tuv>'
        b'<prop type="x-status">bogus</prop></tu>'
        b'<tu><tuv xml:lang="en"><seg>Empty</seg></tuv>'
        b'<tuv xml:lang="zh_HK"><seg/></tuv></tu>'
        b"</body></tmx>"
    )
    tus = parse(data)
    assert [list(tu.variants) for tu in tus] == [
        ["en-US", "zh-Hant"],
        ["en", "zh-Hans"],
        ["en", "zh-Hant"],
    ]
    traditional = list(units_for(tus, "en", "zh-HK"))
    assert [(u.source, u.target, u.status) for u in traditional] == [
        ("Tax", "稅", "translated"),
        ("Empty", "", "untranslated"),
    ]
    (simplified,) = units_for(tus, "en-US", "zh-Hans")
    assert (simplified.key, simplified.target, simplified.status) == (
        "t2",
        "税",
        "translated",
    )


def test_big_endian_utf16_split_across_chunks() -> None:
    body = "".join(
        f'<tu><tuv xml:lang="en"><seg>n{i}</seg></tuv>'
        f'<tuv xml:lang="zh-hk"><seg>第{i}句</seg></tuv></tu>'
        for i in range(3000)
    )
    text = f'<?xml version="1.0" encoding="UTF-16"?><tmx><body>{body}</body></tmx>'
    data = b"\xfe\xff" + text.encode("utf-16-be")
    assert len(data) > 2 * CHUNK
    tus = parse(data)
    assert len(tus) == 3000 and tus[-1].variants == {
        "en": "n2999",
        "zh-Hant": "第2999句",
    }


def test_units_are_yielded_before_the_file_is_read_to_the_end() -> None:
    data = _big_tmx(2000)
    reads = []

    class Stream:
        def read(self, size: int) -> bytes:
            reads.append(size)
            start = (len(reads) - 1) * size
            return data[start : start + size]

    units = iter_units(Stream())
    assert next(units).tuid == "k000000"
    assert len(reads) == 1 < len(data) // CHUNK


# Refusals


def _laughs(encoding: str = "utf-8") -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol%s;" % (n - 1 or "")) * 10}">' for n in range(1, 10)
    )
    text = (
        f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n'
        f"<!DOCTYPE tmx [{entities}]>\n"
        '<tmx version="1.4"><header/><body><tu><tuv xml:lang="en">'
        "<seg>&lol9;</seg></tuv></tu></body></tmx>"
    )
    return text.encode(encoding)


_TMX = (
    b'<tmx version="1.4"><header srclang="en"/><body>\n'
    b'<tu tuid="t1"><tuv xml:lang="en"><seg>%s</seg></tuv></tu>\n</body></tmx>'
)
_REFUSED = "the file declares XML entities, which are refused"
HOSTILE = {
    "billion laughs": (_laughs(), _REFUSED),
    "billion laughs in UTF-16": (_laughs("utf-16"), _REFUSED),
    "external entity": (
        b'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM '
        b'"file:///etc/passwd">]>\n' + _TMX % b"&xxe;",
        _REFUSED,
    ),
    "external parameter entity": (
        b'<!DOCTYPE tmx [<!ENTITY % dtd SYSTEM "http://example.com/x.dtd"> %dtd;]>'
        + _TMX % b"x",
        _REFUSED,
    ),
    "entity after a long comment": (
        b"<!--"
        + b"x" * (3 * CHUNK)
        + b'-->\n<!DOCTYPE tmx [<!ENTITY a "b">]>'
        + _TMX % b"&a;",
        _REFUSED,
    ),
    "entity of a DTD never loaded": (
        b'<!DOCTYPE tmx SYSTEM "file:///tmp/evil.dtd">\n' + _TMX % b"a &xxe; b",
        "line 3: the entity &xxe; is refused",
    ),
    "undeclared entity": (_TMX % b"&xxe;", "the XML is not well-formed"),
    "truncated": (
        (_TMX % b"Hello")[:-19],  # ends after </tuv>
        "line 2: the XML is not well-formed: Premature end of data in tag tu",
    ),
    "mismatched tags": (
        (_TMX % b"Hello").replace(b"</tuv>", b"</tu>"),
        "line 2: the XML is not well-formed: Opening and ending tag mismatch",
    ),
    "wrong root": (b"<html><body><p>Hi</p></body></html>", "root element is <html>"),
    "tu outside tmx": (
        b'<xliff><tu><tuv xml:lang="en"><seg>x</seg></tuv></tu></xliff>',
        "root element is <xliff>",
    ),
    "empty": (b"", "the file is empty"),
    "only spaces": (b" \n\n", "line 3: the XML is not well-formed"),
    "binary": (
        bytes(random.Random(7).randrange(256) for _ in range(3000)),
        "the XML is not well-formed",
    ),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500), "not well-formed"),
    "tuv without language": (
        (_TMX % b"x").replace(b' xml:lang="en"', b""),
        "line 2: tu t1 has a tuv without a language",
    ),
    "deep nesting": (_TMX % (b"<hi>" * 50000 + b"</hi>" * 50000), "Excessive depth"),
    "huge text node": (_TMX % (b"a" * (11 * MB)), "Text node too long"),
}


@pytest.mark.parametrize(("data", "message"), HOSTILE.values(), ids=list(HOSTILE))
def test_hostile_and_broken_files_are_refused_quickly(
    data: bytes, message: str
) -> None:
    start = time.perf_counter()
    with pytest.raises(FormatError) as caught:
        parse(data)
    assert time.perf_counter() - start < 2
    assert message in str(caught.value)
    assert "%(" in caught.value.message or not caught.value.params


def test_refusal_names_the_unnumbered_tu_by_position() -> None:
    data = (_TMX % b"x").replace(b' tuid="t1"', b"")
    data = data.replace(
        b"<body>\n", b'<body>\n<tu><tuv lang="en"><seg>y</seg></tuv></tu>'
    )
    data = data.replace(b' xml:lang="en"', b"")
    with pytest.raises(FormatError) as caught:
        parse(data)
    assert str(caught.value) == "line 2: tu #2 has a tuv without a language"
    assert caught.value.params == {"line": 2, "tu": "#2"}


# Memory


def _big_tmx(count: int) -> bytes:
    return b"".join(
        write(_many_units(count), source_language="en", target_language="zh-Hant")
    )


def _many_units(count: int):
    moment = datetime(2024, 5, 1, tzinfo=UTC)
    for n in range(count):
        yield Unit(
            "k%06d" % n,
            "Sentence number %d of a long press release." % n,
            "新聞稿的第%d句。" % n,
            status="translated",
            notes=["from the seed"],
            created_at=moment,
            changed_at=moment,
            created_by="tina",
        )


def _rss() -> int:
    """Return the resident memory in bytes: libxml2's share, unseen by tracemalloc."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


@pytest.fixture(scope="module")
def written_200k(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """Write 200,000 units to a file chunk by chunk; return it, its peak and size."""
    path = tmp_path_factory.mktemp("tmx") / "big.tmx"
    tracemalloc.start()
    try:
        with path.open("wb") as out:
            for chunk in write(
                _many_units(200_000), source_language="en", target_language="zh-Hant"
            ):
                out.write(chunk)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return path, peak, path.stat().st_size


def test_writing_200000_units_keeps_memory_flat(written_200k) -> None:
    path, peak, size = written_200k
    assert size > 60 * MB
    assert peak < 40 * MB


def test_reading_200000_units_keeps_memory_flat(written_200k) -> None:
    path = written_200k[0]
    count, growth = 0, 0
    with path.open("rb") as stream:
        before = _rss() if os.path.exists("/proc/self/statm") else 0
        tracemalloc.start()
        try:
            for tu in iter_units(stream):
                count, last = count + 1, tu
                if count % 20_000 == 0 and before:
                    growth = max(growth, _rss() - before)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert count == 200_000
    assert last.variants["zh-Hant"] == "新聞稿的第199999句。"
    assert peak < 40 * MB
    assert growth < 40 * MB  # the parsed tree is dropped as it goes


# Inline codes written back


@pytest.mark.parametrize(
    "name",
    ["okapi_ImportTest2A_utf16_inline.tmx", "okapi_ImportTest2C_inline_sub_notes.tmx",
     "okapi_Paragraph_TM.tmx", "okapi_html_test_utf16.tmx", "okapi_mytm.tmx"],
)  # fmt: skip
def test_codes_read_are_written_back_as_tmx_codes(name: str) -> None:
    tus = _sample(name)
    data = b"".join(write_tus(tus, source_language="*all*"))
    tree = etree.fromstring(data, SAFE)
    assert etree.DTD(str(DATA / "tmx14.dtd")).validate(tree)
    again = parse(data)
    assert [(tu.variants, tu.codes) for tu in again] == [
        (tu.variants, tu.codes) for tu in tus
    ]


def test_document_codes_become_bpt_ept_ph_and_it() -> None:
    bold = Code(1, OPENING, "bold", "<b>", "</b>", "b", "html")
    br = Code(2, PLACEHOLDER, type="lb", native="<br>", label="br", format="html")
    b, b_, ph = code_char(1, OPENING), code_char(1, CLOSING), code_char(2, PLACEHOLDER)
    units = [
        Unit(
            key="k",
            source=f"{b}Bold{b_} text{ph}",
            target=f"{b}粗體{b_}文字{ph}",
            status="translated",
            codes={1: bold, 2: br},
        ),  # fmt: skip
        Unit(
            key="l",
            source=f"{b}Open",
            target=f"{b}開",
            status="translated",
            codes={1: bold},
        ),  # fmt: skip
    ]
    data = b"".join(write(units, source_language="en", target_language="zh-Hant"))
    tree = etree.fromstring(data, SAFE)
    assert etree.DTD(str(DATA / "tmx14.dtd")).validate(tree)
    seg = tree.find(".//tu[@tuid='k']/tuv[2]/seg")
    assert [(e.tag, e.text, e.get("type")) for e in seg] == [
        ("bpt", "<b>", "bold"), ("ept", "</b>", None), ("ph", "<br>", "lb"),
    ]  # fmt: skip
    assert tree.find(".//tu[@tuid='l']/tuv/seg/it").get("pos") == "begin"
    # translate-toolkit reads the codes' text as the original markup
    store = ttk_tmx.tmxfile.parsestring(data)
    assert "Bold" in store.units[0].source
    read = list(units_for(parse(data), "en", "zh-Hant"))
    assert [(u.source, u.target) for u in read] == [(u.source, u.target) for u in units]
    assert read[0].codes[1].native == "<b>" and read[0].codes[2].native == "<br>"


# Variants, notes, props and attributes


def test_every_tuv_note_prop_and_attribute_is_read_in_its_place() -> None:
    header = TmxHeader()
    (tu,) = list(
        iter_units(
            (DATA / "okapi_ImportTest2C_inline_sub_notes.tmx").open("rb"), header=header
        )
    )
    assert [tuv.language for tuv in tu.tuvs] == ["en-US", "fr", "en-GB"]
    assert tu.tu_notes[0] == Note("Text of tu note 1", "en-us", "iso-8859-1")
    assert tu.tu_props == [Prop("myPropeType", "Data", "en-us", "iso-8859-1")]
    assert tu.attributes["usagecount"] == "100" and tu.attributes["tuid"] == "tu001"
    english, french, _british = tu.tuvs
    assert [n.text for n in english.notes] == ["Text of tuv en note 1"] * 2
    assert [p.type for p in french.props] == ["myPropeType", "myPropeType"]
    assert french.attributes["creationid"] == "ys"
    assert XML_LANG not in french.attributes
    assert (len(header.notes), len(header.props), header.udes) == (2, 1, 1)


def test_a_bare_zh_stays_bare_and_two_tuvs_of_one_language_are_both_read() -> None:
    data = (
        b'<tmx version="1.4"><header/><body><tu>'
        b'<tuv xml:lang="en"><seg>Hello</seg></tuv>'
        b'<tuv xml:lang="ZH"><seg>\xe4\xbd\xa0\xe5\xa5\xbd</seg></tuv>'
        b'<tuv xml:lang="fr-ca"><seg>Bonjour</seg></tuv>'
        b'<tuv xml:lang="fr-CA"><seg>Salut</seg></tuv>'
        b"</tu></body></tmx>"
    )
    (tu,) = parse(data)
    assert [(t.language, t.text) for t in tu.tuvs] == [
        ("en", "Hello"),
        ("zh", "你好"),
        ("fr-CA", "Bonjour"),
        ("fr-CA", "Salut"),
    ]
    assert tu.variants == {"en": "Hello", "zh": "你好", "fr-CA": "Bonjour"}
    # A bare zh answers for either script; the caller measures its text.
    (unit,) = units_for([tu], "en", "zh-Hant")
    assert unit.target == "你好"


def test_notes_props_and_attributes_are_written_back_valid() -> None:
    tus = parse((DATA / "okapi_ImportTest2C_inline_sub_notes.tmx").read_bytes())
    data = b"".join(write_tus(tus, source_language="en-US"))
    tree = etree.parse(io.BytesIO(data), SAFE)
    dtd = etree.DTD(str(DATA / "tmx14.dtd"))
    assert dtd.validate(tree), dtd.error_log
    (again,) = parse(data)
    assert again.tu_notes == tus[0].tu_notes and again.tu_props == tus[0].tu_props
    assert [(t.language, t.notes, t.props, t.attributes) for t in again.tuvs] == [
        (t.language, t.notes, t.props, t.attributes) for t in tus[0].tuvs
    ]
    assert ttk_tmx.tmxfile(data).units[0].getnotes()


def test_text_holding_the_characters_of_codes_is_refused() -> None:
    data = (
        '<tmx version="1.4"><header srclang="en"/><body><tu>'
        f'<tuv xml:lang="en"><seg>A{code_char(1, OPENING)}</seg></tuv>'
        "</tu></body></tmx>"
    ).encode()
    with pytest.raises(FormatError, match="Private Use Area-A"):
        parse(data)
