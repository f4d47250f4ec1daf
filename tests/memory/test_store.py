"""Storing pairs in the memory: merging, duplicates, variants, remarks,
forgetting."""

from datetime import UTC, datetime

import pytest

from core.languages import ScriptNotNamed
from memory import lookup as memory
from memory.index import postgresql, sqlite
from memory.models import MemoryEntry
from memory.remarks import Remarks
from memory.store import forget, memory_language, store
from memory.text import pair_key
from tests.memory.samples import pair


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


def test_forgotten_entries_leave_the_index(db) -> None:
    from django.db import connection

    store([pair("Gone soon.", "即將刪除。"), pair("Stays.", "保留。")])
    forget([MemoryEntry.objects.get(source="Gone soon.")])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM %s" % postgresql.TERMS_TABLE)
        else:
            cursor.execute("SELECT count(*) FROM %s" % sqlite.FTS_TABLES["source"])
        assert cursor.fetchone()[0] == 1


# Variants and remarks


def test_regional_variants_are_kept_and_are_separate_entries(db) -> None:
    """en-US and en-GB are one language for lookups, two variants as stored."""
    added, _merged, _ = store(
        [
            pair("Colour the text.", "文字上色。", source_language="en-GB"),
            pair("Color the text.", "文字上色。", source_language="en-US"),
            pair("Colour the text.", "文字上色。", source_language="en"),
        ]
    )
    assert added == 3
    assert set(
        MemoryEntry.objects.values_list("source_language", "source_variant")
    ) == {("en", "en-GB"), ("en", "en-US"), ("en", "en")}


def test_a_pair_without_a_variant_keeps_its_key_from_before_variants() -> None:
    """Entries stored before variants were kept are found and merged as before."""
    made = pair("Hello world", "你好世界")
    assert made.pair_key == pair_key(made.source_key, made.target_key)
    regional = pair("Hello world", "你好世界", source_language="en-GB")
    assert regional.source_key == made.source_key  # exact lookups find both
    assert regional.pair_key != made.pair_key


def test_a_bare_zh_needs_its_script_from_the_caller() -> None:
    with pytest.raises(ScriptNotNamed):
        pair("Hello", "你好", target_language="zh")
    filed = pair("Hello", "你好", target_language="zh-Hant", target_variant="zh")
    assert (filed.target_language, filed.target_variant) == ("zh-Hant", "zh")


def test_notes_and_props_met_again_are_added_never_lost(db) -> None:
    first = Remarks(
        [{"text": "From the press office."}, {"text": "HK usage", "side": "target"}],
        [{"type": "domain", "text": "politics"}],
        {"unit": {"tuid": "a1"}, "target": {"creationid": "amy"}},
    )
    store([pair("Hello world", "你好世界", remarks=first)])
    again = Remarks(  # the same pair the other way round: its sides swap
        [
            {"text": "HK usage", "side": "source"},
            {"text": "Checked.", "side": "target"},
        ],
        [{"type": "domain", "text": "politics"}, {"type": "domain", "text": "news"}],
        {"unit": {"tuid": "b7", "usagecount": "3"}, "source": {"creationid": "bob"}},
    )
    added, merged, _ = store(
        [
            pair(
                "你好世界",
                "Hello world",
                source_language="zh-Hant",
                target_language="en",
                remarks=again,
            )
        ]
    )
    assert (added, merged) == (0, 1)
    entry = MemoryEntry.objects.get()
    assert entry.notes == [
        {"text": "From the press office."},
        {"text": "HK usage", "side": "target"},
        {"text": "Checked.", "side": "source"},
    ]
    assert entry.props == [
        {"type": "domain", "text": "politics"},
        {"type": "domain", "text": "news"},
    ]
    # The first value of an attribute stays, as the first origin does.
    assert entry.attributes == {
        "unit": {"tuid": "a1", "usagecount": "3"},
        "target": {"creationid": "amy"},
    }


def test_remarks_of_one_batch_are_merged_too(db) -> None:
    store(
        [
            pair("A.", "甲。", remarks=Remarks([{"text": "one"}])),
            pair("A.", "甲。", remarks=Remarks([{"text": "two"}])),
        ]
    )
    assert MemoryEntry.objects.get().notes == [{"text": "one"}, {"text": "two"}]
