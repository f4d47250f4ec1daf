"""Precision and recall of the number check on real bilingual pairs.

Reads ``tests/data/qa/number_pairs.tsv`` (see its MANIFEST.tsv): paragraphs
of published Hong Kong press releases (the Ombudsman's, and the Government's
English and Chinese releases on the Tai Po fire) and the seed memory's
sentences, each labelled ``agree`` (the numbers of the translation are those
of the source) or ``differs`` (one number of the translation was changed),
and runs the check's comparison (``core.numbers``, which
``translations.qa.check_numbers`` reports) on each. Prints one JSON object:
true and false positives and negatives, precision, recall, the
false-positive rate (flags on correct translations) and the false-negative
rate (missed mistakes) over all rows; the same over the published pairs and
their one-number variants only (no seed memory, no OpenCC conversion); the
flags on the published pairs exactly as published (``as_published``: all
``agree``, so only false positives can occur there, also counted as distinct
pairs, a pair given in both directions counting once); the digits-only
reading the check had before Chinese numerals were read; the ids of the
pairs it gets wrong, and the time per pair. No database is needed. Run:
``.venv/bin/python benchmarks/number_check.py``.
"""

import csv
import json
import platform
import re
import sys
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.numbers import numbers_in, unmatched  # noqa: E402

PAIRS = ROOT / "tests/data/qa/number_pairs.tsv"
_CHINESE_NUMERAL = re.compile(r"[〇○零一二三四五六七八九十百千萬万億亿兆兩两]")


def load_pairs(path: Path = PAIRS) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def flagged(source: str, target: str, digits_only: bool = False) -> bool:
    """Whether the number check reports anything for this pair."""
    ours, theirs = numbers_in(source), numbers_in(target)
    if digits_only:  # the reading before Chinese numerals and times were read
        ours = [n for n in ours if not _CHINESE_NUMERAL.search(n.surface)]
        theirs = [n for n in theirs if not _CHINESE_NUMERAL.search(n.surface)]
    return bool(unmatched(ours, theirs) or unmatched(theirs, ours))


def score(pairs: list[dict], digits_only: bool = False) -> dict:
    counts = {"tp": 0, "fp": 0, "tn": 0, "fn": 0}
    wrong = []
    for pair in pairs:
        flag = flagged(pair["source"], pair["target"], digits_only)
        differs = pair["label"] == "differs"
        key = ("t" if flag == differs else "f") + ("p" if flag else "n")
        counts[key] += 1
        if key in ("fp", "fn"):
            wrong.append([key, pair["id"]])
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    return {
        **counts,
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "false_positive_rate": round(fp / (fp + tn), 3) if fp + tn else None,
        "false_negative_rate": round(fn / (fn + tp), 3) if fn + tp else None,
        "wrong": wrong,
    }


def flags(pairs: list[dict]) -> dict:
    """Flags on correct translations: no precision or recall without mistakes."""
    result = score(pairs)
    if result["tp"] + result["fn"]:
        return result
    keep = ("fp", "tn", "false_positive_rate", "wrong")
    return {key: result[key] for key in keep}


def is_published(pair: dict) -> bool:
    """A pair as published, or one number of it changed (no conversion)."""
    return pair["made"].startswith("as published")


def is_as_published(pair: dict) -> bool:
    """A pair exactly as published, in either direction."""
    return pair["made"] in ("as published", "as published, Chinese as the source")


def distinct(pairs: list[dict]) -> int:
    """How many pairs of texts, a pair given in both directions counting once."""
    return len({frozenset((p["source"], p["target"])) for p in pairs})


def main() -> None:
    pairs = load_pairs()
    start = time.perf_counter()
    result = score(pairs)
    elapsed = time.perf_counter() - start
    published = [p for p in pairs if is_published(p)]
    as_published = [p for p in pairs if is_as_published(p)]
    origins = sorted({p["origin"] for p in as_published})
    print(
        json.dumps(
            {
                "pairs": len(pairs),
                "agree": sum(p["label"] == "agree" for p in pairs),
                "differs": sum(p["label"] == "differs" for p in pairs),
                "check": result,
                "published": {
                    "pairs": len(published),
                    "differs": sum(p["label"] == "differs" for p in published),
                    "check": score(published),
                },
                "as_published": {
                    "rows": len(as_published),
                    "distinct_pairs": distinct(as_published),
                    "by_origin": {
                        o: distinct([p for p in as_published if p["origin"] == o])
                        for o in origins
                    },
                    "labelled_differs": sum(
                        p["label"] == "differs" for p in as_published
                    ),
                    "check": flags(as_published),
                },
                "digits_only_before": score(pairs, digits_only=True),
                "ms_per_pair": round(1000 * elapsed / len(pairs), 3),
                "cn2an": version("cn2an"),
                "python": platform.python_version(),
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
