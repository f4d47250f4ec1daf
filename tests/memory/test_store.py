"""Storing pairs in the memory: merging, duplicates, forgetting."""

from datetime import UTC, datetime

from memory import lookup as memory
from memory.index import postgresql, sqlite
from memory.models import MemoryEntry
from memory.store import forget, memory_language, store
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
