"""TMX into and out of the memory: counts, real files, hostile files, streaming."""

from io import BytesIO

from django.db import connection

import pytest

from core.inline import codes_from_json, to_tokens
from formats import FormatError
from formats.bilingual.tmx import TmxUnit, write_tus
from memory import lookup as memory
from memory.models import MemoryEntry
from memory.store import store
from memory.tmx import import_tmx
from tests.memory.samples import pair, tmx
from tests.support import DATA, run_concurrently

# TMX import


def test_tmx_import_counts_units_entries_and_skipped_units(db) -> None:
    counts = import_tmx(
        tmx(
            TmxUnit({"en": "One.", "zh-Hant": "一。"}),
            TmxUnit({"en": "Two.", "zh-Hant": "二。", "zh-Hans": "二。"}),
            TmxUnit({"en": "Only English."}),
            TmxUnit({"en": "Empty target.", "zh-Hant": "  "}),
        ),
        origin="f.tmx",
    )
    assert counts.as_dict() == {
        "units": 4,
        "added": 4,
        "merged": 0,
        "skipped": 2,
        "not_kept": {"units_with_one_language": 2, "empty_segments": 1},
    }
    assert set(
        MemoryEntry.objects.values_list("source_language", "target_language")
    ) == {("en", "zh-Hant"), ("en", "zh-Hans"), ("zh-Hant", "zh-Hans")}
    assert memory.lookup("二。", "zh-Hans", "zh-Hant")[0].target == "二。"
    assert memory.lookup("二。", "zh-Hans", "en")[0].target == "Two."


def test_tmx_import_can_take_one_language_pair(db) -> None:
    counts = import_tmx(
        tmx(
            TmxUnit({"en": "Two.", "zh-Hant": "二。", "zh-Hans": "二。"}),
            TmxUnit({"en": "Three.", "fr": "Trois."}),
        ),
        origin="f.tmx",
        source_language="zh-Hans",
        target_language="en",
    )
    assert counts.as_dict() == {
        "units": 2,
        "added": 1,
        "merged": 0,
        "skipped": 1,
        "not_kept": {"units_without_the_pair": 1, "variants_outside_the_pair": 2},
    }
    entry = MemoryEntry.objects.get()
    assert (entry.source_language, entry.source, entry.target) == (
        "zh-Hans",
        "二。",
        "Two.",
    )


@pytest.mark.parametrize(
    ("name", "units", "added", "skipped"),
    [
        ("okapi_ImportTest1C_5langs.tmx", 3, 30, 0),  # en-US and en-GB kept apart
        ("okapi_ImportTest1H_usascii.tmx", 3, 3, 0),  # en-US to en-GB
        ("okapi_ImportTest2A_utf16_inline.tmx", 7, 7, 0),
        ("okapi_ImportTest2C_inline_sub_notes.tmx", 1, 3, 0),
        ("okapi_html_test_utf16.tmx", 11, 11, 0),
        ("okapi_sample14b.tmx", 25, 25, 0),
        ("weblate_memory.tmx", 1, 3, 0),
        ("weblate_memory2.tmx", 1, 1, 0),
    ],
)
def test_real_tmx_files_import(db, name: str, units: int, added: int, skipped: int):
    with (DATA / "tmx" / name).open("rb") as stream:
        counts = import_tmx(stream, origin=name)
    assert (counts.units, counts.skipped) == (units, skipped)
    assert counts.added + counts.merged == added
    assert MemoryEntry.objects.count() == counts.added
    assert set(MemoryEntry.objects.values_list("origin", flat=True)) <= {name}


def test_utf16_tmx_with_inline_tags_keeps_them_as_codes_and_is_found(db) -> None:
    with (DATA / "tmx" / "okapi_ImportTest2A_utf16_inline.tmx").open("rb") as stream:
        import_tmx(stream, origin="okapi")
    # the plain sentence: the memory compares text without its codes
    matches = memory.lookup("The big black cat sleeps.", "en-US", "fr-CA")
    assert matches[0].score == 100
    assert to_tokens(matches[0].target) == "Le gros ⟨2⟩chat⟨/2⟩ ⟨1⟩noir⟨/1⟩ dors."
    entry = MemoryEntry.objects.get(pk=matches[0].entry_id)
    assert codes_from_json(entry.codes)[1].native == "<b>"


def test_tmx_11_lang_attribute_is_read(db) -> None:
    data = (
        b'<?xml version="1.0"?><tmx version="1.1"><header srclang="EN-US"/><body>'
        b'<tu><tuv lang="EN-US"><seg>Hello there</seg></tuv>'
        b'<tuv lang="ZH-TW"><seg>\xe4\xbd\xa0\xe5\xa5\xbd</seg></tuv></tu></body></tmx>'
    )
    assert import_tmx(BytesIO(data), origin="old.tmx").added == 1
    entry = MemoryEntry.objects.get()
    assert (entry.source_language, entry.target_language) == ("en", "zh-Hant")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "b">]>'
            b'<tmx version="1.4"><header/><body><tu><tuv xml:lang="en">'
            b"<seg>&a;</seg></tuv></tu></body></tmx>",
            "entities",
        ),
        (b"\x89PNG\r\n\x1a\n" + bytes(300), "not well-formed"),
        (b"<xliff/>", "root element is <xliff>"),
    ],
    ids=["entity declaration", "binary", "not tmx"],
)
def test_hostile_files_are_refused(db, data: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        import_tmx(BytesIO(data), origin="bad.tmx")
    assert not MemoryEntry.objects.exists()


def test_a_file_broken_after_many_good_units_imports_nothing(db) -> None:
    store([pair("Already here.", "已在。")])
    good = b"".join(
        write_tus(
            (
                TmxUnit({"en": "Sentence %d." % i, "zh-Hant": "第%d句。" % i})
                for i in range(5000)
            ),
            source_language="en",
        )
    )
    broken = good[: len(good) - 300]  # cut inside the last units
    with pytest.raises(FormatError, match="not well-formed"):
        import_tmx(BytesIO(broken), origin="cut.tmx")
    assert list(MemoryEntry.objects.values_list("source", flat=True)) == [
        "Already here."
    ]
    assert memory.lookup("Sentence 12.", "en", "zh-Hant", threshold=90) == []


def _peak_import_memory(tmp_path, units: int) -> int:
    import tracemalloc

    path = tmp_path / ("m%d.tmx" % units)
    with path.open("wb") as out:
        for chunk in write_tus(
            (
                TmxUnit(
                    {"en": "Sentence %d of %d." % (i, units), "zh-Hant": "第%d句。" % i}
                )
                for i in range(units)
            ),
            source_language="en",
        ):
            out.write(chunk)
    tracemalloc.start()
    with path.open("rb") as stream:
        counts = import_tmx(stream, origin=path.name)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert counts.added == units
    return peak


def test_import_streams_in_constant_memory(db, tmp_path):
    small = _peak_import_memory(tmp_path, 2_500)
    large = _peak_import_memory(tmp_path, 12_500)
    assert large < small * 1.5, (small, large)


def test_a_bad_context_prop_is_ignored_not_a_crash(db) -> None:
    units = [
        TmxUnit({"en": "A.", "zh-Hant": "甲。"}, props={"x-context": "²"}),
        TmxUnit({"en": "B.", "zh-Hant": "乙。"}, props={"x-context": "9" * 30}),
        TmxUnit({"en": "C.", "zh-Hant": "丙。"}, props={"x-context": "12345"}),
    ]
    assert import_tmx(tmx(*units), origin="ctx.tmx").added == 3
    assert sorted(MemoryEntry.objects.values_list("context", flat=True), key=str) == [
        12345,
        None,
        None,
    ]


def test_an_entity_deep_in_a_large_file_imports_nothing(db) -> None:
    good = b"".join(
        write_tus(
            (
                TmxUnit({"en": "Unit %d." % i, "zh-Hant": "單位%d。" % i})
                for i in range(5000)
            ),
            source_language="en",
        )
    )
    bad = good.replace(
        b"</body>", b'<tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body>'
    )
    with pytest.raises(FormatError, match="not well-formed|entity"):
        import_tmx(BytesIO(bad), origin="late.tmx")
    assert not MemoryEntry.objects.exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers: SQLite runs one writing transaction at a time",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_imports_merge_exactly_and_approved_wins(tmp_path):
    """Two files merging the same 1,500 held units, in opposite orders, at once."""
    units = [
        TmxUnit({"en": "Unit %d of the shared file." % n, "zh-Hant": "第%d單位。" % n})
        for n in range(1500)
    ]
    approved = [
        TmxUnit(dict(unit.variants), props={"x-status": "approved"}) for unit in units
    ]
    import_tmx(tmp(tmp_path, "held.tmx", units).open("rb"), origin="held.tmx")
    first = tmp(tmp_path, "first.tmx", units)
    second = tmp(tmp_path, "second.tmx", list(reversed(approved)))
    for _ in range(3):
        run_concurrently(
            lambda: import_tmx(first.open("rb"), origin="first.tmx"),
            lambda: import_tmx(second.open("rb"), origin="second.tmx"),
        )
    assert MemoryEntry.objects.count() == 1500
    assert set(MemoryEntry.objects.values_list("times_merged", flat=True)) == {6}
    assert set(MemoryEntry.objects.values_list("status", flat=True)) == {"approved"}


def tmp(folder, name: str, units):
    path = folder / name
    path.write_bytes(b"".join(write_tus(units, source_language="en")))
    return path


def test_a_code_whose_markup_differs_in_another_language_is_counted(db) -> None:
    """An image whose ALT text was translated: the first language's markup is
    kept for both, and the other one's is counted, never lost in silence."""
    data = BytesIO(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'
        b'<header creationtool="t" creationtoolversion="1" segtype="sentence"'
        b' o-tmf="t" adminlang="en" srclang="en" datatype="html"/><body>'
        b'<tu><tuv xml:lang="en"><seg>See <ph x="1">&lt;img alt="Logo"&gt;</ph>'
        b" here.</seg></tuv>"
        b'<tuv xml:lang="zh-HK"><seg>\xe8\xa6\x8b<ph x="1">&lt;img alt="\xe6\xa8'
        b'\x99\xe8\xaa\x8c"&gt;</ph>\xe3\x80\x82</seg></tuv></tu>'
        b'<tu><tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>OK'
        b'<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>'
        b'<tuv xml:lang="zh-HK"><seg>\xe6\x8c\x89<bpt i="1">&lt;b&gt;</bpt>OK'
        b'<ept i="1">&lt;/b&gt;</ept>\xe3\x80\x82</seg></tuv></tu>'
        b"</body></tmx>"
    )
    counts = import_tmx(data, origin="alt.tmx")
    assert counts.added == 2
    assert counts.as_dict()["not_kept"] == {"code_markup_of_other_variants": 1}
    entry = MemoryEntry.objects.get(source__startswith="See")
    assert codes_from_json(entry.codes)[1].native == '<img alt="Logo">'
