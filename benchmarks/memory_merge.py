"""Benchmark re-importing TMX units the memory already holds.

Every unit of a re-import is a merge: its entry's count goes up, its dates
widen, approved wins. The merge runs as one set-based UPDATE per 1,000
entries (``memory.store._merge_existing``); before, each entry was loaded and
written back with ``bulk_update`` (kept below as ``per_row_merge`` for the
comparison). Both run in the same process on the same database, one after
the other, on the same file.

Run: ``.venv/bin/python benchmarks/memory_merge.py [--units 20000]
[--database sqlite postgresql]``. One JSON line per database.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from databases import fresh_database, machine, setup_django


def per_row_merge(rows) -> None:
    """The merge as it was: load the entries, change them in Python, write back."""
    from core.statuses import Status
    from memory.models import MemoryEntry

    entries = {}
    ids = [entry_id for entry_id, _ in rows]
    for start in range(0, len(ids), 1000):
        entries.update(MemoryEntry.objects.in_bulk(ids[start : start + 1000]))
    for entry_id, pair in rows:
        entry = entries[entry_id]
        entry.times_merged += 1
        if pair.dated:
            entry.created_at = min(entry.created_at, pair.created_at)
            entry.changed_at = max(entry.changed_at, pair.changed_at)
        if pair.status == Status.APPROVED:
            entry.status = Status.APPROVED
    MemoryEntry.objects.bulk_update(
        list(entries.values()),
        ["created_at", "changed_at", "status", "times_merged"],
        batch_size=500,
    )


def measure(database_url: str, units: int, workdir: Path) -> dict:
    setup_django(database_url)
    from django.core.management import call_command

    from formats.bilingual.tmx import TmxUnit, write_tus
    from memory import store
    from memory.models import MemoryEntry
    from memory.tmx import import_tmx

    call_command("migrate", verbosity=0)
    path = workdir / "units.tmx"
    path.write_bytes(
        b"".join(
            write_tus(
                (
                    TmxUnit(
                        {
                            "en": "Sentence %d of the press office's memory." % n,
                            "zh-Hant": "新聞處記憶庫第%d句。" % n,
                        },
                        props={"x-status": "approved" if n % 2 else "translated"},
                    )
                    for n in range(units)
                ),
                source_language="en",
            )
        )
    )

    def timed() -> float:
        started = time.perf_counter()
        with path.open("rb") as stream:
            counts = import_tmx(stream, origin="units.tmx")
        elapsed = time.perf_counter() - started
        assert counts.merged == units, counts
        return elapsed

    with path.open("rb") as stream:
        import_tmx(stream, origin="units.tmx")
    set_based = timed()
    merge, store._merge_existing = store._merge_existing, per_row_merge
    try:
        per_row = timed()
    finally:
        store._merge_existing = merge
    assert set(MemoryEntry.objects.values_list("times_merged", flat=True)) == {2}
    return {
        "database": database_url.split(":")[0],
        "units": units,
        "reimport_set_based_s": round(set_based, 2),
        "reimport_per_row_s": round(per_row, 2),
        "units_per_s_set_based": round(units / set_based),
        "speedup": round(per_row / set_based, 1),
        "machine": machine(),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--database", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--workdir", default="")
    args = parser.parse_args()
    if args.database_url:  # the child: one database per process
        result = measure(args.database_url, args.units, Path(args.workdir))
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.database:
            url = fresh_database(kind, Path(tmp))
            subprocess.run(
                [sys.executable, __file__, "--units", str(args.units),
                 "--database-url", url, "--workdir", tmp],
                check=True,
            )  # fmt: skip


if __name__ == "__main__":
    main()
