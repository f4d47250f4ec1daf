"""Plain-text releases as they arrive, imported sentence by sentence.

The releases of ``tests/data/alignment/`` (12, in English and Traditional
Chinese, each paragraph's sentences listed by hand) and the speeches of
``tests/data/plaintext/`` (written for this: a "(with photos)" line, a
salutation, list items, a dateline) are written out as text files in four
conventions:

- ``lines``: one paragraph per line, no blank lines;
- ``blank``: blank lines between paragraphs;
- ``wrapped``: blank lines between paragraphs, lines hard-wrapped at 60
  columns (a CJK character is two), as an e-mail program sends them;
- ``mixed``: the first half of the paragraphs one per line, the rest
  wrapped between blank lines.

Each file is read as ``import_document`` reads it (``auto``: the
convention told from the text) and split into sentences; a sentence counts
when it is exactly a sentence of the hand-made list, in order (the longest
common subsequence of the two lists). The same files read by the reader of
the last release (blank lines only, lines joined) are the comparison.

Run: ``.venv/bin/python benchmarks/plaintext.py``. Prints one JSON object.
"""

import json
import os
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from core.inline import plain  # noqa: E402
from exchange.importing import read_source, sentences_of  # noqa: E402

SETS = (ROOT / "tests" / "data" / "alignment", ROOT / "tests" / "data" / "plaintext")
WIDTH = 60
SIDES = {"en": ("en", " "), "zh": ("zh-Hant", "")}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _chinese_pieces(text: str) -> list[str]:
    """Where Chinese text may break: between wide characters, never inside
    a run of Latin letters and digits (UAX #14's rule for CJK)."""
    pieces: list[str] = []
    for char in text:
        wide = unicodedata.east_asian_width(char) in "WF"
        if pieces and not wide and not pieces[-1][-1:].isspace():
            last_wide = unicodedata.east_asian_width(pieces[-1][-1]) in "WF"
            if not last_wide:
                pieces[-1] += char
                continue
        pieces.append(char)
    return pieces


def wrap(text: str, spaced: bool) -> list[str]:
    """Hard-wrap at ``WIDTH`` columns: at spaces for English; for Chinese
    between characters, never inside a Latin word or a figure."""
    lines, current = [], ""
    pieces = text.split(" ") if spaced else _chinese_pieces(text)
    for piece in pieces:
        candidate = (current + " " + piece) if (spaced and current) else current + piece
        if current and _width(candidate) > WIDTH:
            lines.append(current)
            current = piece
        else:
            current = candidate
    return lines + [current] if current else lines


def render(paragraphs: list[str], convention: str, spaced: bool) -> str:
    if convention == "lines":
        return "\n".join(paragraphs) + "\n"
    if convention == "blank":
        return "\n\n".join(paragraphs) + "\n"
    if convention == "wrapped":
        return "\n\n".join("\n".join(wrap(p, spaced)) for p in paragraphs) + "\n"
    half = len(paragraphs) // 2
    return (
        "\n".join(paragraphs[:half])
        + "\n\n"
        + "\n\n".join("\n".join(wrap(p, spaced)) for p in paragraphs[half:])
        + "\n"
    )


def common(found: list[str], wanted: list[str]) -> int:
    """The length of the longest common subsequence."""
    previous = [0] * (len(wanted) + 1)
    for item in found:
        row = [0]
        for k, other in enumerate(wanted):
            row.append(
                previous[k] + 1 if item == other else max(previous[k + 1], row[k])
            )
        previous = row
    return previous[-1]


def read(text: str, language: str, rule: str) -> list[str]:
    parsed = read_source(text.encode("utf-8"), "release.txt", None, rule)
    return [plain(s.source) for s in sentences_of(parsed, language, "release.txt")]


def main() -> None:
    releases = []
    for folder in SETS:
        for path in sorted(folder.glob("*.json")):
            releases.append(json.loads(path.read_text(encoding="utf-8")))
    figures: dict = {}
    for convention in ("lines", "blank", "wrapped", "mixed"):
        for side, (language, joiner) in SIDES.items():
            totals = {"auto": 0, "blank_only": 0, "sentences": 0}
            for release in releases:
                wanted = [s for paragraph in release[side] for s in paragraph]
                paragraphs = [joiner.join(p) for p in release[side]]
                text = render(paragraphs, convention, spaced=joiner == " ")
                totals["sentences"] += len(wanted)
                totals["auto"] += common(read(text, language, "auto"), wanted)
                totals["blank_only"] += common(read(text, language, "blank"), wanted)
            figures["%s_%s" % (convention, side)] = {
                **totals,
                "auto_exact": round(totals["auto"] / totals["sentences"], 4),
                "blank_only_exact": round(
                    totals["blank_only"] / totals["sentences"], 4
                ),
            }
    every = sum(f["sentences"] for f in figures.values())
    print(
        json.dumps(
            {
                "benchmark": "plaintext",
                "releases": len(releases),
                **figures,
                "all": {
                    "sentences": every,
                    "auto_exact": round(
                        sum(f["auto"] for f in figures.values()) / every, 4
                    ),
                    "blank_only_exact": round(
                        sum(f["blank_only"] for f in figures.values()) / every, 4
                    ),
                },
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
