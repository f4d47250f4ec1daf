"""The translation memory: storing, merging, fuzzy lookup, concordance."""

import random
from datetime import UTC, datetime
from io import BytesIO

import pytest

from glossary.approval import NewTerm, propose_concept
from tests.conftest import DATA, SEEDS
from workbench import memory, memory_index
from workbench.formats import FormatError
from workbench.formats.textdecoding import decode_text
from workbench.formats.tmx import TmxUnit, write_tus
from workbench.memory_store import (
    Pair,
    context_digest,
    forget,
    import_tmx,
    memory_language,
    store,
)
from workbench.memory_text import index_terms, normalise, pair_key, text_key
from workbench.models import MemoryEntry, MemorySource
from workbench.segmentation import split_sentences


def tmx(*units: TmxUnit, source_language: str = "en") -> BytesIO:
    return BytesIO(b"".join(write_tus(units, source_language=source_language)))


def pair(source: str, target: str, **extra) -> Pair:
    values = {
        "source_language": "en",
        "target_language": "zh-Hant",
        "source_kind": MemorySource.IMPORT,
        "origin": "test",
    }
    values.update(extra)
    return Pair(source=source, target=target, **values)


def english_sentences() -> list[str]:
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            sentences += [
                s for s in split_sentences(block.strip(), "en") if len(s.split()) >= 6
            ]
    return sentences


def chinese_sentences() -> list[str]:
    raw = (DATA / "documents" / "us_constitution_zhs.gb18030.txt").read_bytes()
    text = decode_text(raw)
    sentences = []
    for block in text.split("\n"):
        sentences += [
            s for s in split_sentences(block.strip(), "zh-Hans") if len(s) >= 12
        ]
    return list(dict.fromkeys(sentences))


def one_word_off(sentence: str, rng: random.Random, words: list[str]) -> str:
    parts = sentence.split()
    index = rng.randrange(1, len(parts) - 1)
    replacement = rng.choice([w for w in words if w != parts[index]])
    parts[index] = replacement
    return " ".join(parts)


@pytest.fixture
def generated_memory(db):
    """A memory made like a press office's: seed sentences, a few words changed."""
    rng = random.Random(11)
    sentences = english_sentences()
    vocabulary = sorted({w for s in sentences for w in s.split()})
    made: dict[str, str] = {}
    while len(made) < 3000:
        words = rng.choice(sentences).split()
        for _ in range(rng.randint(1, 6)):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        made.setdefault(" ".join(words), "譯文第%d句" % len(made))
    import_tmx(
        tmx(*(TmxUnit({"en": s, "zh-Hant": t}) for s, t in made.items())), origin="gen"
    )
    return made, vocabulary


# The forms of a sentence


def test_normalise_collapses_whitespace_and_widths() -> None:
    assert normalise("  The\u3000 Chief\tExecutive \n said １２ ") == (
        "The Chief Executive said 12"
    )


def test_index_terms_hold_words_word_pairs_and_chinese_character_pairs() -> None:
    assert index_terms("Mr Tsang, said") == [
        "mr",
        "tsang",
        "said",
        "mr_tsang",
        "tsang_said",
    ]
    assert index_terms("前海管理局") == ["前海", "海管", "管理", "理局"]
    assert index_terms("前海") == ["前海"]


def test_keys_tell_languages_apart_and_pairs_ignore_order() -> None:
    assert text_key("en", "Hello") != text_key("fr", "Hello")
    a, b = text_key("en", "Hello"), text_key("zh-Hant", "你好")
    assert pair_key(a, b) == pair_key(b, a)
    assert 0 <= a < 2**63


def test_memory_language_keeps_chinese_script_and_drops_other_regions() -> None:
    assert memory_language("zh-HK") == "zh-Hant"
    assert memory_language("zh_CN") == "zh-Hans"
    assert memory_language("EN-us") == "en"
    assert memory_language("fr-CA") == "fr"


# Storing and merging


def test_a_pair_met_again_is_merged_keeping_origin_and_widest_dates(db) -> None:
    early = datetime(2020, 1, 2, tzinfo=UTC)
    late = datetime(2024, 5, 6, tzinfo=UTC)
    store([pair("Hello  world", "你好世界", origin="first.tmx", changed_at=early)])
    added, merged, _ = store(
        [
            pair(
                "Hello world",
                "你好世界",
                origin="second.tmx",
                created_at=early,
                changed_at=late,
                status="approved",
            )
        ]
    )
    assert (added, merged) == (0, 1)
    entry = MemoryEntry.objects.get()
    assert entry.origin == "first.tmx"
    assert (entry.created_at, entry.changed_at) == (early, late)
    assert entry.status == "approved"


def test_the_same_pair_stored_the_other_way_round_is_a_duplicate(db) -> None:
    store([pair("Hello world", "你好世界")])
    added, merged, _ = store(
        [
            pair(
                "你好世界",
                "Hello world",
                source_language="zh-Hant",
                target_language="en",
            )
        ]
    )
    assert (added, merged) == (0, 1)
    assert MemoryEntry.objects.count() == 1


def test_duplicates_within_one_batch_are_merged(db) -> None:
    added, merged, ids = store([pair("A b c", "甲"), pair("A  b c", "甲")])
    assert (added, merged) == (1, 1)
    assert ids[0] == ids[1]


def test_forget_removes_the_entry_from_lookup(db) -> None:
    store([pair("The meeting was held in Shenzhen today.", "會議今日在深圳舉行。")])
    entry = MemoryEntry.objects.get()
    forget([entry])
    assert not memory.lookup("The meeting was held in Shenzhen today.", "en", "zh-Hant")
    assert not memory.concordance("Shenzhen", "en", "zh-Hant")


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
    assert counts.as_dict() == {"units": 4, "added": 4, "merged": 0, "skipped": 2}
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
    assert counts.as_dict() == {"units": 2, "added": 1, "merged": 0, "skipped": 1}
    entry = MemoryEntry.objects.get()
    assert (entry.source_language, entry.source, entry.target) == (
        "zh-Hans",
        "二。",
        "Two.",
    )


@pytest.mark.parametrize(
    ("name", "units", "added", "skipped"),
    [
        ("okapi_ImportTest1C_5langs.tmx", 3, 18, 0),  # en-US and en-GB are one "en"
        ("okapi_ImportTest1H_usascii.tmx", 3, 0, 3),  # only English variants
        ("okapi_ImportTest2A_utf16_inline.tmx", 7, 7, 0),
        ("okapi_ImportTest2C_inline_sub_notes.tmx", 1, 1, 0),
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


def test_utf16_tmx_with_inline_tags_keeps_them_as_text_and_is_found(db) -> None:
    with (DATA / "tmx" / "okapi_ImportTest2A_utf16_inline.tmx").open("rb") as stream:
        import_tmx(stream, origin="okapi")
    matches = memory.lookup("The big <b>black</b> <u>cat</u> sleeps.", "en-US", "fr-CA")
    assert matches[0].score == 100
    assert matches[0].target == "Le gros <u>chat</u> <b>noir</b> dors."


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


# Lookup


def test_exact_sentences_come_back_at_100_with_their_translation(generated_memory):
    made, _ = generated_memory
    for source, target in list(made.items())[:50]:
        best = memory.lookup("  " + source.replace(" ", "  ") + " ", "en", "zh-Hant")[0]
        assert (best.score, best.target) == (100, target)


def test_one_word_off_finds_the_original_in_the_top_three(generated_memory):
    made, vocabulary = generated_memory
    rng = random.Random(5)
    originals = rng.sample(sorted(made), 60)
    for original in originals:
        query = one_word_off(original, rng, vocabulary)
        matches = memory.lookup(query, "en", "zh-Hant")
        top = {m.source: m.score for m in matches[:3]}
        assert original in top, query
        assert 70 <= top[original] <= 99


def test_candidates_come_from_the_index_not_a_scan(generated_memory, monkeypatch):
    made, vocabulary = generated_memory
    fetched = []
    real = memory_index.candidates

    def spy(**kwargs):
        rows = real(**kwargs)
        fetched.append(len(rows))
        return rows

    monkeypatch.setattr(memory_index, "candidates", spy)
    original = sorted(made)[100]
    query = one_word_off(original, random.Random(1), vocabulary)
    assert memory.lookup(query, "en", "zh-Hant")[0].source == original
    assert sum(fetched) < len(made) / 5


def test_the_score_is_an_edit_distance_similarity(db) -> None:
    store(
        [
            pair("The Chief Executive met the delegation today.", "甲"),
            pair("The Chief Executive met the press today.", "乙"),
            pair("Completely different words here.", "丙"),
        ]
    )
    matches = memory.lookup(
        "The Chief Executive met the delegation yesterday.", "en", "zh-Hant"
    )
    assert [m.target for m in matches[:2]] == ["甲", "乙"]
    assert 80 <= matches[0].score <= 99
    assert matches[0].score > matches[1].score
    assert "丙" not in [m.target for m in matches]


def test_the_same_context_scores_above_100(db) -> None:
    context = context_digest("The sentence before.", "The sentence after.")
    store(
        [
            pair("Same sentence.", "同一句。", context=context),
            pair("Same sentence.", "又一譯法。"),
        ]
    )
    matches = memory.lookup("Same sentence.", "en", "zh-Hant", context=context)
    assert [(m.score, m.target) for m in matches] == [
        (101, "同一句。"),
        (100, "又一譯法。"),
    ]


def test_entries_serve_the_opposite_direction(db) -> None:
    store([pair("The Legislative Council met today.", "立法會今日舉行會議。")])
    match = memory.lookup("立法會今日舉行會議。", "zh-HK", "en")[0]
    assert (match.score, match.source, match.target) == (
        100,
        "立法會今日舉行會議。",
        "The Legislative Council met today.",
    )
    fuzzy = memory.lookup("立法會昨日舉行會議。", "zh-Hant", "en")[0]
    assert 70 <= fuzzy.score <= 99


def test_chinese_sources_find_their_fuzzy_matches(db) -> None:
    sentences = chinese_sentences()[:130]
    assert len(sentences) == 130
    store(
        [
            pair(s, "English %d" % i, source_language="zh-Hans", target_language="en")
            for i, s in enumerate(sentences)
        ]
    )
    rng = random.Random(3)
    for original in rng.sample(sentences, 30):
        position = rng.randrange(2, len(original) - 2)
        query = original[:position] + "某" + original[position + 1 :]
        matches = memory.lookup(query, "zh-CN", "en")
        top = {m.source: m.score for m in matches[:3]}
        assert original in top, query
        assert 70 <= top[original] <= 99


def test_differences_in_numbers_dates_and_glossary_terms_are_pointed_out(reviewer):
    for terms in (
        [NewTerm("en", "Qianhai Authority"), NewTerm("zh-Hant", "前海管理局")],
        [NewTerm("en", "Hong Kong")],
    ):
        propose_concept(terms=terms, user=reviewer, approve=True)
    store([pair("On February 6, the Qianhai Authority signed 3 agreements.", "甲")])
    match = memory.lookup(
        "On March 16, the Hong Kong delegation signed 3 agreements.", "en", "zh-Hant"
    )[0]
    found = {d.kind: (d.query, d.match) for d in match.differences}
    assert found["number"] == (("16",), ("6",))
    assert found["date"] == (("March",), ("February",))
    assert found["term"] == (("Hong Kong",), ("Qianhai Authority",))


def test_threshold_and_empty_queries(db) -> None:
    store([pair("The weather is fine today in Hong Kong.", "甲")])
    assert (
        memory.lookup(
            "The weather is fine today in Macao.", "en", "zh-Hant", threshold=99
        )
        == []
    )
    assert memory.lookup("   ", "en", "zh-Hant") == []
    assert memory.lookup("The weather is fine today in Hong Kong.", "en", "fr") == []


# Concordance


def test_concordance_finds_a_phrase_in_source_or_target(db) -> None:
    store(
        [
            pair("The Task Force met in Shenzhen.", "專責小組在深圳開會。"),
            pair("Shenzhen and Hong Kong agreed.", "深圳與香港同意。"),
            pair("The task  force will report.", "專責小組將匯報。"),
        ]
    )
    hits = memory.concordance("task force", "en", "zh-Hant")
    assert sorted(h.source for h in hits) == [
        "The Task Force met in Shenzhen.",
        "The task  force will report.",
    ]
    chinese = memory.concordance("深圳", "en", "zh-Hant")
    assert len(chinese) == 2
    assert {h.target for h in memory.concordance("香港", "en", "zh-Hant")} == {
        "深圳與香港同意。"
    }
    assert memory.concordance("Force met in", "zh-Hant", "en")[0].target == (
        "The Task Force met in Shenzhen."
    )
    assert memory.concordance("nowhere", "en", "zh-Hant") == []


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


def test_concordance_finds_a_single_chinese_character(db) -> None:
    store([pair("The Authority met.", "前海管理局開會。"), pair("Other.", "其他。")])
    assert [h.target for h in memory.concordance("局", "en", "zh-Hant")] == [
        "前海管理局開會。"
    ]


def test_forgotten_entries_leave_the_index(db) -> None:
    from django.db import connection

    store([pair("Gone soon.", "即將刪除。"), pair("Stays.", "保留。")])
    forget([MemoryEntry.objects.get(source="Gone soon.")])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM %s" % memory_index.TERMS_TABLE)
        else:
            cursor.execute(
                "SELECT count(*) FROM %s" % memory_index.FTS_TABLES["source"]
            )
        assert cursor.fetchone()[0] == 1


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


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_index_too() -> None:
    from django.core.management import call_command

    store([pair("Before the flush.", "清空之前。")])
    call_command("flush", interactive=False, verbosity=0)
    assert not MemoryEntry.objects.exists()
    store([pair("After the flush.", "清空之後。")])
    assert [m.target for m in memory.lookup("After the flush!", "en", "zh-Hant")] == [
        "清空之後。"
    ]
    assert memory.concordance("flush", "en", "zh-Hant")[0].target == "清空之後。"
