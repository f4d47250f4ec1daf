"""Precision and recall of the number check on real bilingual pairs.

Reads ``tests/data/qa/number_pairs.tsv`` (see its MANIFEST.tsv): pairs from a
published Hong Kong press release and the seed memory, each labelled
``agree`` (the numbers of the translation are those of the source) or
``differs`` (one number of the translation was changed), and runs the
check's comparison (``core.numbers``, which ``translations.qa.check_numbers``
reports) on each. Prints one JSON object: true and false positives and
negatives, precision, recall, the false-positive rate (flags on correct
translations) and the false-negative rate (missed mistakes), the same for
the digits-only reading the check had before Chinese numerals were read,
the ids of the pairs it gets wrong, and the time per pair. No database is
needed. Run: ``.venv/bin/python benchmarks/number_check.py``.
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


def main() -> None:
    pairs = load_pairs()
    start = time.perf_counter()
    result = score(pairs)
    elapsed = time.perf_counter() - start
    print(
        json.dumps(
            {
                "pairs": len(pairs),
                "agree": sum(p["label"] == "agree" for p in pairs),
                "differs": sum(p["label"] == "differs" for p in pairs),
                "check": result,
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
