"""Benchmark Simplified / Traditional conversion with a 10,000-pair glossary.

Builds a text of about 1,000,000 characters by repeating OpenCC's golden
Simplified input (the US Constitution), and its Hong Kong Traditional form
with raw OpenCC ``s2hk``. The glossary has 10,000 Hans / Hant pairs: a few
hundred multi-character terms taken from the text itself (so they occur, as
real terminology does) and random names and terms that mostly do not; the
Hant side is raw ``s2hk`` of the Hans side.

In the same run, best of 3, for ``s2hk`` (Hans -> Hant) and ``hk2s``
(Hant -> Hans) it times raw OpenCC, ``Converter`` without a glossary, and
``Converter`` with the glossary and a few house-style overrides, and prints
one JSON object: characters per second, the glossary layer's time over raw
OpenCC's, and how many replacements the glossary and overrides made. No
database is needed. Run: ``.venv/bin/python benchmarks/conversion.py``;
with ``--profile`` it also prints cProfile statistics of the glossary
converter to stderr.
"""

import cProfile
import json
import platform
import pstats
import random
import re
import sys
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from conversion.engine import (  # noqa: E402
    Converter,
    implementation,
    opencc_converter,
)

GOLDEN = ROOT / "tests/data/opencc/golden/input/us_constitution_zhs.txt"
CHARACTERS = 1_000_000
GLOSSARY_SIZE = 10_000
#: Glossary terms taken from the text (these occur in it), per scenario:
#: "dense" replaces every ~19 characters; "press_release" every ~40, the
#: density the seed glossary has on the seed press release (one hit per 120
#: English characters, about 40 Chinese ones).
SCENARIOS = {"press_release": 120, "dense": 400}
REPEATS = 3
RNG = random.Random(20260907)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华国卫志红德建文龙海玲"
TERM_CHARS = (
    "发展规划房屋运输劳工福利保安财经库务创新科技工业文化体育旅游教育环境生态卫生"
    "食物安全商务经济贸易投资推广青年民政公务司法海事地政屋宇渠务水务路政铁路机场"
    "港口能源气候文物博物馆图书档案统计普查审计申诉警察消防入境海关议会选举委员"
)
#: A few house-style overrides per target variant (output text -> house style).
OVERRIDES = {
    "s2hk": {"瞭解": "了解", "裏": "裡", "啓": "啟", "秘書": "祕書"},
    "hk2s": {"于": "於", "众议员": "眾議員", "着": "著"},
}


def make_text() -> str:
    """Return about CHARACTERS characters of Simplified Chinese."""
    base = GOLDEN.read_text(encoding="utf-8")
    copies = -(-CHARACTERS // len(base))
    return (base * copies)[:CHARACTERS]


def make_glossary(hans: str, from_text: int) -> dict[str, str]:
    """Return 10,000 Hans -> Hant pairs; ``from_text`` of them occur in the text."""
    runs = re.findall(r"[\u4e00-\u9fff]{2,}", GOLDEN.read_text(encoding="utf-8"))
    substrings = sorted(
        {
            run[start : start + size]
            for run in runs
            for size in range(2, 7)
            for start in range(len(run) - size + 1)
        }
    )
    terms = RNG.sample(substrings, from_text)
    seen = set(terms)
    while len(terms) < GLOSSARY_SIZE:
        if RNG.random() < 0.5:
            size = RNG.randint(1, 2)
            term = RNG.choice(SURNAMES) + "".join(RNG.sample(GIVEN, size))
        else:
            term = "".join(RNG.choice(TERM_CHARS) for _ in range(RNG.randint(2, 8)))
        if term not in seen:
            seen.add(term)
            terms.append(term)
    s2hk = opencc_converter("s2hk")
    return {term: s2hk.convert(term) for term in terms}


def measure(config: str, text: str, glossary: dict[str, str]) -> dict:
    """Time raw OpenCC and both Converter layers for one configuration.

    The three are timed in turn in each round, best of REPEATS rounds, so
    that a slow moment of the machine does not favour one of them.
    """
    raw = opencc_converter(config)
    plain = Converter(config)
    start = time.perf_counter()
    full = Converter(config, glossary=glossary, overrides=OVERRIDES[config])
    build = time.perf_counter() - start
    runs = {"raw": raw.convert, "plain": plain.convert, "full": full.convert}
    best = dict.fromkeys(runs, float("inf"))
    results = {}
    for _ in range(REPEATS):
        for name, function in runs.items():
            start = time.perf_counter()
            results[name] = function(text)
            best[name] = min(best[name], time.perf_counter() - start)
    detailed = full.convert_detailed(text)
    kinds = [r.kind for r in detailed.replacements]
    return {
        "raw_opencc_chars_per_s": round(len(text) / best["raw"]),
        "converter_chars_per_s": round(len(text) / best["plain"]),
        "glossary_converter_chars_per_s": round(len(text) / best["full"]),
        "raw_opencc_s": round(best["raw"], 4),
        "converter_s": round(best["plain"], 4),
        "glossary_converter_s": round(best["full"], 4),
        "glossary_build_s": round(build, 4),
        "ratio_converter_to_raw": round(best["plain"] / best["raw"], 3),
        "ratio_glossary_to_raw": round(best["full"] / best["raw"], 3),
        "converter_equals_raw": results["plain"] == results["raw"],
        "detailed_equals_convert": detailed.text == results["full"],
        "glossary_pairs": len(glossary),
        "overrides": len(OVERRIDES[config]),
        "glossary_replacements": kinds.count("glossary"),
        "override_replacements": kinds.count("override"),
        "layer_us_per_replacement": round(
            (best["full"] - best["plain"]) / max(len(kinds), 1) * 1e6, 2
        ),
    }


def profile(config: str, text: str, glossary: dict[str, str]) -> None:
    """Print where the glossary converter spends its time, to stderr."""
    full = Converter(config, glossary=glossary, overrides=OVERRIDES[config])
    profiler = cProfile.Profile()
    profiler.runcall(full.convert, text)
    print(f"--- {config} with the glossary ---", file=sys.stderr)
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(10)


def scenario(hans: str, hant: str, from_text: int, profiling: bool) -> dict:
    to_hant = make_glossary(hans, from_text)
    to_hans = {target: source for source, target in to_hant.items()}
    s2hk = measure("s2hk", hans, to_hant)
    hk2s = measure("hk2s", hant, to_hans)
    if profiling:
        profile("s2hk", hans, to_hant)
        profile("hk2s", hant, to_hans)
    return {
        "glossary_terms_occurring_in_text": sum(1 for t in to_hant if t in hans),
        "characters_per_glossary_replacement": round(
            len(hans) / max(s2hk["glossary_replacements"], 1), 1
        ),
        "s2hk": s2hk,
        "hk2s": hk2s,
        "ratio_glossary_to_raw": {
            "s2hk": s2hk["ratio_glossary_to_raw"],
            "hk2s": hk2s["ratio_glossary_to_raw"],
        },
    }


def main() -> None:
    hans = make_text()
    hant = opencc_converter("s2hk").convert(hans)
    profiling = "--profile" in sys.argv[1:]
    results = {
        name: scenario(hans, hant, from_text, profiling)
        for name, from_text in SCENARIOS.items()
    }
    print(
        json.dumps(
            {
                "characters": {"hans": len(hans), "hant": len(hant)},
                "glossary_pairs": GLOSSARY_SIZE,
                "repeats": REPEATS,
                **results,
                "target_ratio": 2.0,
                "python": platform.python_version(),
                "opencc": version("OpenCC"),
                "opencc_implementation": implementation(),
                "ahocorasick_rs": version("ahocorasick-rs"),
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
