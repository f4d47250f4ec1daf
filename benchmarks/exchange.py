"""Export 200,000 sentences as TMX and PO: our streaming writers against
translate-toolkit's in the same run. Prints JSON.

Each writer runs in a fresh process that writes the file to /dev/null, so
peak memory (maximum resident set size, which counts lxml's C allocations
too) is comparable; a process that only builds the units gives the baseline
to subtract. Run: ``.venv/bin/python benchmarks/exchange.py``.
"""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
UNITS = 200_000
WRITERS = ("baseline", "ours-tmx", "ttk-tmx", "ours-po", "ttk-po")


def units():
    """Yield UNITS units made from the seed press release's sentences."""
    from documents.segmentation import split_sentences
    from formats.bilingual.units import Unit

    text = (ROOT / "seeds" / "000_a73269a67c9f1785.txt").read_text()
    sentences = [s for p in text.split("\n\n") for s in split_sentences(p, "en")]
    for number in range(UNITS):
        source = "%s (%d)" % (sentences[number % len(sentences)], number)
        yield Unit(
            key="k%011d" % number,
            source=source,
            target="譯文第%d句：前海深港現代服務業合作區。" % number,
            status="translated",
            notes=["paragraph %d" % (number // 5 + 1)],
        )


def run_one(name: str) -> dict:
    import django

    django.setup()
    started = time.perf_counter()
    written = 0
    with open(os.devnull, "wb") as sink:
        if name == "baseline":
            written = sum(len(u.source) for u in units())
        elif name.startswith("ours"):
            from formats.bilingual import po, tmx

            if name == "ours-tmx":
                chunks = tmx.write(
                    units(), source_language="en", target_language="zh-Hant"
                )
            else:
                chunks = po.write(
                    units(),
                    source_language="en",
                    target_language="zh-Hant",
                    project="benchmark",
                )
            for chunk in chunks:
                sink.write(chunk)
                written += len(chunk)
        elif name == "ttk-tmx":
            from translate.storage.tmx import tmxfile

            store = tmxfile(sourcelanguage="en", targetlanguage="zh-Hant")
            for unit in units():
                store.addtranslation(unit.source, "en", unit.target, "zh-Hant")
            data = bytes(store)
            sink.write(data)
            written = len(data)
        elif name == "ttk-po":
            from translate.storage.po import pofile

            store = pofile()
            for unit in units():
                entry = store.addsourceunit(unit.source)
                entry.target = unit.target
                entry.setcontext(unit.key)
            data = bytes(store)
            sink.write(data)
            written = len(data)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "bytes": written,
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_one(sys.argv[2])))
        return
    results = {}
    for name in WRITERS:
        output = subprocess.run(
            [sys.executable, __file__, "--one", name],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        results[name] = json.loads(output)
    base = results["baseline"]["peak_rss_mb"]
    for name in WRITERS[1:]:
        results[name]["peak_over_baseline_mb"] = round(
            results[name]["peak_rss_mb"] - base, 1
        )
    results["units"] = UNITS
    results["speedup"] = {
        "tmx": round(results["ttk-tmx"]["seconds"] / results["ours-tmx"]["seconds"], 1),
        "po": round(results["ttk-po"]["seconds"] / results["ours-po"]["seconds"], 1),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
