"""Benchmark the translation memory: TMX import and fuzzy lookup at scale.

The memory is made the way a press office's looks: the seed
press releases' sentences, each with 1 to 6 words replaced by other words of
the same texts, so that every word is common and only the combinations tell
entries apart. Each stored English sentence has a Chinese rendering.

For each size and database it prints one JSON line:

- ``import``: seconds, units per second and peak resident memory of a fresh
  process running ``import_tmx`` on the generated file (statistics included);
- ``lookup``: median and p95 latency of ``memory.lookup`` over 200 queries,
  each a stored sentence with one or two words replaced;
- ``recall``: the share of queries where lookup's best score equals the best
  score of a brute-force ``rapidfuzz`` scan over every entry, measured in the
  same run, and the share where the sentence the query was made from is in
  the top three.

Run: ``.venv/bin/python benchmarks/memory.py --entries 100000 1000000
--database sqlite postgresql`` (PostgreSQL from ``BENCH_POSTGRES_URL``,
default ``postgres://postgres@127.0.0.1:5432/workbench_bench``; the
database is dropped and made anew).
"""

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from databases import ROOT, fresh_database, machine, setup_django

SEEDS = ROOT / "seeds"
QUERIES = 200


def seed_sentences() -> list[str]:
    from documents.segmentation import split_sentences

    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            sentences += [
                s for s in split_sentences(block.strip(), "en") if len(s.split()) >= 4
            ]
    return sentences


def vary(words: list[str], vocabulary: list[str], rng: random.Random, n: int):
    words = list(words)
    for _ in range(n):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return words


def generate(path: Path, entries: int) -> None:
    from formats.bilingual.tmx import TmxUnit, write_tus

    rng = random.Random(20261122)
    sentences = seed_sentences()
    vocabulary = sorted({w for s in sentences for w in s.split()})

    def units():
        for i in range(entries):
            words = vary(
                rng.choice(sentences).split(), vocabulary, rng, rng.randint(1, 6)
            )
            yield TmxUnit(
                variants={
                    "en": " ".join(words),
                    "zh-Hant": "第%d句譯文：%s" % (i, words[0]),
                }
            )

    with path.open("wb") as out:
        for chunk in write_tus(units(), source_language="en"):
            out.write(chunk)


def run_import(path: Path) -> dict:
    from memory.tmx import import_tmx

    start = time.perf_counter()
    with path.open("rb") as stream:
        counts = import_tmx(stream, origin=path.name)
    seconds = time.perf_counter() - start
    return {
        "units": counts.units,
        "seconds": round(seconds, 1),
        "units_per_second": round(counts.units / seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def run_lookups() -> dict:
    from rapidfuzz import fuzz, process

    from memory import lookup as memory
    from memory.models import MemoryEntry
    from memory.text import normalise

    rng = random.Random(7)
    sources = [
        normalise(s) for s in MemoryEntry.objects.values_list("source", flat=True)
    ]
    vocabulary = sorted({w for s in seed_sentences() for w in s.split()})
    queries = []
    for _ in range(QUERIES):
        original = rng.choice(sources)
        words = vary(original.split(), vocabulary, rng, rng.randint(1, 2))
        queries.append((" ".join(words), original))
    for text, _ in queries[:5]:  # warm the caches as a running server has them
        memory.lookup(text, "en", "zh-Hant", differences=False)
    latencies, best_found, original_top3, brute_seconds = [], 0, 0, 0.0
    for text, original in queries:
        start = time.perf_counter()
        matches = memory.lookup(text, "en", "zh-Hant", differences=False)
        latencies.append(time.perf_counter() - start)
        start = time.perf_counter()
        brute = process.extractOne(normalise(text), sources, scorer=fuzz.ratio)
        brute_seconds += time.perf_counter() - start
        if matches and matches[0].score >= memory.score(normalise(text), brute[0]):
            best_found += 1
        if any(normalise(m.source) == original for m in matches[:3]):
            original_top3 += 1
    latencies.sort()
    return {
        "lookup_median_ms": round(statistics.median(latencies) * 1000, 1),
        "lookup_p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 1),
        "brute_force_median_ms": round(brute_seconds / len(queries) * 1000, 1),
        "recall_best": round(best_found / len(queries), 3),
        "original_in_top3": round(original_top3 / len(queries), 3),
    }


def child(step: str, database_url: str, path: str, count: int = 0) -> dict:
    """Run one step in a fresh process, so its time and memory are its own."""
    result = subprocess.run(
        [sys.executable, __file__, "--step", step, "--database-url", database_url,
         "--path", path, "--count", str(count)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, nargs="+", default=[100_000])
    parser.add_argument("--database", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--step", choices=["generate", "migrate", "import", "lookup"])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--path", default="")
    parser.add_argument("--count", type=int, default=0)
    args = parser.parse_args()
    if args.step:
        setup_django(args.database_url or "sqlite:///:memory:")
        if args.step == "generate":
            generate(Path(args.path), args.count)
            print(json.dumps({}))
        elif args.step == "migrate":
            from django.core.management import call_command

            call_command("migrate", verbosity=0)
            print(json.dumps({}))
        elif args.step == "import":
            print(json.dumps(run_import(Path(args.path))))
        else:
            print(json.dumps(run_lookups()))
        return
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for entries in args.entries:
            tmx = workdir / ("memory-%d.tmx" % entries)
            child("generate", "sqlite:///:memory:", str(tmx), entries)
            for kind in args.database:
                url = fresh_database(kind, workdir)
                child("migrate", url, "")
                result = {
                    "entries": entries,
                    "database": kind,
                    "tmx_mb": round(tmx.stat().st_size / 1e6, 1),
                    "import": child("import", url, str(tmx)),
                }
                result.update(child("lookup", url, ""))
                result["machine"] = machine()
                print(json.dumps(result), flush=True)
                if kind == "sqlite":
                    (workdir / "bench.sqlite3").unlink()


if __name__ == "__main__":
    main()
