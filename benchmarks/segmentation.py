"""Benchmark ``documents.segmentation`` against pysbd on the same paragraphs.

Run from the project root::

    .venv/bin/python benchmarks/segmentation.py

The English corpus repeats the paragraphs of the two seed documents until it
holds at least 20,000 sentences; the Chinese corpus does the same with the
Simplified and Hong Kong Traditional US Constitution golden files. Our
splitter is timed on the full corpus and on a subset of about 2,000 sentences
(best of three runs); pysbd, which is much slower, is timed once on that
subset only. One JSON object is printed. Only the timings vary between runs.
"""

import gc
import json
import math
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pysbd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from documents.segmentation import split_sentences  # noqa: E402

ENGLISH_SOURCES = [
    ROOT / "seeds" / "000_a73269a67c9f1785.txt",
    ROOT / "seeds" / "003_75247c11c068f792.txt",
]
CHINESE_SOURCES = [
    ROOT / "tests/data/opencc/golden/input/us_constitution_zhs.txt",
    ROOT / "tests/data/opencc/golden/output/us_constitution_zhs.s2hk.txt",
]
FULL_SENTENCES = 20_000
SUBSET_SENTENCES = 2_000
RUNS = 3
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

Splitter = Callable[[str], list[str]]


def read_paragraphs(paths: list[Path]) -> list[str]:
    """Return the non-blank, blank-line separated paragraphs of ``paths``."""
    paragraphs = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        paragraphs += [p.strip() for p in PARAGRAPH_BREAK.split(text) if p.strip()]
    return paragraphs


def repeat_to(paragraphs: list[str], sentences: int, language: str) -> list[str]:
    """Repeat ``paragraphs`` whole until ours finds at least ``sentences``."""
    per_copy = sum(len(split_sentences(p, language)) for p in paragraphs)
    return paragraphs * math.ceil(sentences / per_copy)


def split_all(split: Splitter, paragraphs: list[str]) -> list[list[str]]:
    """Return the sentences of every paragraph."""
    return [split(paragraph) for paragraph in paragraphs]


def timed(split: Splitter, paragraphs: list[str], runs: int) -> tuple[float, int]:
    """Return the best wall time of ``runs`` passes and the sentence count."""
    best = math.inf
    count = 0
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        result = split_all(split, paragraphs)
        best = min(best, time.perf_counter() - started)
        count = sum(len(sentences) for sentences in result)
    return best, count


def pysbd_splitter(language: str) -> Splitter:
    """Return a function that splits a paragraph with pysbd, trimmed."""
    segmenter = pysbd.Segmenter(language=language, clean=False)

    def split(paragraph: str) -> list[str]:
        pieces = (piece.strip() for piece in segmenter.segment(paragraph))
        return [piece for piece in pieces if piece]

    return split


def compare(paragraphs: list[str], language: str, pysbd_language: str) -> dict:
    """Return timings and agreement for one language's corpus."""

    def ours(paragraph: str) -> list[str]:
        return split_sentences(paragraph, language)

    theirs = pysbd_splitter(pysbd_language)
    full = repeat_to(paragraphs, FULL_SENTENCES, language)
    subset = repeat_to(paragraphs, SUBSET_SENTENCES, language)
    full_time, full_count = timed(ours, full, RUNS)
    ours_time, ours_count = timed(ours, subset, RUNS)
    pysbd_time, pysbd_count = timed(theirs, subset, 1)
    ours_rate = ours_count / ours_time
    pysbd_rate = pysbd_count / pysbd_time
    agree = sum(ours(paragraph) == theirs(paragraph) for paragraph in paragraphs) / len(
        paragraphs
    )
    return {
        "distinct_paragraphs": len(paragraphs),
        "full": {
            "paragraphs": len(full),
            "characters": sum(map(len, full)),
            "ours_sentences": full_count,
            "ours_sentences_per_second": round(full_count / full_time),
        },
        "subset": {
            "paragraphs": len(subset),
            "characters": sum(map(len, subset)),
            "ours_sentences": ours_count,
            "pysbd_sentences": pysbd_count,
            "ours_sentences_per_second": round(ours_rate),
            "pysbd_sentences_per_second": round(pysbd_rate),
            "ratio_ours_to_pysbd": round(ours_rate / pysbd_rate, 1),
            "time_ratio_pysbd_to_ours": round(pysbd_time / ours_time, 1),
        },
        "paragraph_agreement_with_pysbd": round(agree, 3),
    }


def main() -> None:
    """Print the benchmark results as one JSON object."""
    report = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "pysbd": getattr(pysbd, "__version__", "unknown"),
        "english": compare(read_paragraphs(ENGLISH_SOURCES), "en", "en"),
        "chinese": compare(read_paragraphs(CHINESE_SOURCES), "zh", "zh"),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
