"""Benchmark term recognition: 100,000 terms, 10,000 sentences.

Prints JSON: automaton build time, matching throughput, and the same
sentences through a per-term ``\\b...\\b`` regex loop (Pontoon's way), timed
in the same run on a sample of sentences because the loop is too slow to
run on all of them. Run: ``.venv/bin/python benchmarks/glossary_matching.py``.
"""

import json
import os
import platform
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

from documents.segmentation import split_sentences  # noqa: E402
from glossary.folding import script_table  # noqa: E402
from glossary.matching import TermEntry, TermMatcher  # noqa: E402

TERMS = 100_000
SENTENCES = 10_000
REGEX_SAMPLE = 20
RNG = random.Random(20261122)

EN_WORDS = (
    "development planning housing transport labour welfare security finance "
    "treasury innovation technology industry culture sports tourism education "
    "environment ecology health food safety constitutional mainland affairs "
    "commerce economic trade investment promotion youth home civil service "
    "justice legal marine lands buildings drainage water supplies highways "
    "railway airport harbour energy climate heritage museum library archives "
    "statistics census audit ombudsman police fire immigration customs excise"
).split()
EN_HEADS = (
    "Secretary for|Under Secretary for|Director of|Commissioner for|"
    "Permanent Secretary for|Deputy Director of|Head of|Office of|Bureau of|"
    "Department of|Council for|Committee on|Task Force on|Authority of"
).split("|")
ZH_CHARS = (
    "政制內地事務局長副處署委員會發展規劃房屋運輸勞工福利保安財經庫務創新科技工業文化"
    "體育旅遊教育環境生態衞生食物安全商務經濟貿易投資推廣青年民政公務司法海事地政屋宇"
    "渠務水務路政鐵路機場港口能源氣候文物博物館圖書檔案統計普查審計申訴警察消防入境海關"
)


def make_terms() -> list[TermEntry]:
    seen: set[str] = set()
    entries: list[TermEntry] = []
    while len(entries) < TERMS:
        concept = len(entries) // 2
        if len(entries) % 2 == 0:
            words = RNG.sample(EN_WORDS, RNG.randint(1, 3))
            text = "%s %s" % (RNG.choice(EN_HEADS), " and ".join(words).title())
            language = "en"
        else:
            text = "".join(RNG.choice(ZH_CHARS) for _ in range(RNG.randint(4, 9)))
            language = "zh-Hant"
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        entries.append(TermEntry(len(entries), concept, language, text, False))
    return entries


def make_sentences(entries: list[TermEntry]) -> list[str]:
    seed_text = (ROOT / "seeds" / "000_a73269a67c9f1785.txt").read_text()
    base = [
        s
        for paragraph in seed_text.split("\n\n")
        for s in split_sentences(paragraph, "en")
    ]
    english = [e.text for e in entries if e.language == "en"]
    out = []
    for i in range(SENTENCES):
        sentence = base[i % len(base)]
        words = sentence.split(" ")
        cut = RNG.randrange(len(words))
        term = RNG.choice(english)
        out.append(" ".join(words[:cut] + ["the", term] + words[cut:]))
    return out


def compile_patterns(entries: list[TermEntry]) -> list[re.Pattern]:
    return [
        re.compile(r"\b" + re.escape(e.text) + r"\b", re.IGNORECASE) for e in entries
    ]


def regex_loop(patterns: list[re.Pattern], sentences: list[str]) -> int:
    """Pontoon's way: one case-insensitive \\b...\\b search per term per sentence."""
    hits = 0
    for sentence in sentences:
        for pattern in patterns:
            if pattern.search(sentence):
                hits += 1
    return hits


def main() -> None:
    entries = make_terms()
    sentences = make_sentences(entries)
    script_table()  # the Traditional/Simplified table is built once per process

    started = time.perf_counter()
    matcher = TermMatcher(entries)
    build = time.perf_counter() - started

    best = float("inf")
    found = 0
    for _ in range(3):
        started = time.perf_counter()
        found = sum(len(matcher.find(s, "en")) for s in sentences)
        best = min(best, time.perf_counter() - started)

    sample = sentences[:REGEX_SAMPLE]
    started = time.perf_counter()
    ours_sample_hits = sum(len(matcher.find(s, "en")) for s in sample)
    ours_sample = time.perf_counter() - started
    started = time.perf_counter()
    patterns = compile_patterns(entries)
    regex_compile = time.perf_counter() - started
    started = time.perf_counter()
    regex_hits = regex_loop(patterns, sample)
    regex_sample = time.perf_counter() - started
    regex_per_sentence = regex_sample / len(sample)

    print(
        json.dumps(
            {
                "python": platform.python_version(),
                "terms": len(entries),
                "sentences": len(sentences),
                "automaton_build_seconds": round(build, 3),
                "match_all_sentences_seconds": round(best, 3),
                "sentences_per_second": round(len(sentences) / best),
                "matches_found": found,
                "regex_loop": {
                    "compile_seconds": round(regex_compile, 3),
                    "sample_sentences": len(sample),
                    "seconds_for_sample": round(regex_sample, 3),
                    "seconds_per_sentence": round(regex_per_sentence, 4),
                    "estimated_seconds_for_all": round(
                        regex_per_sentence * len(sentences), 1
                    ),
                    # The loop counts every term found, overlaps included;
                    # the automaton keeps the leftmost-longest ones.
                    "hits_in_sample": regex_hits,
                    "automaton_hits_in_sample": ours_sample_hits,
                },
                "speedup_vs_regex_loop": round(
                    regex_per_sentence / (ours_sample / len(sample))
                ),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
