"""How long the Chinese version of an English text is, in characters.

Gale and Church's model: a Chinese text translating an English one of
``e`` characters has about ``RATIO * e`` characters (white space not
counted), with a variance of ``VARIANCE * e``. Fitted by ``fit`` on the 168
English–Traditional Chinese paragraph pairs of HKSAR Government and Office
of The Ombudsman releases as published (``tests/data/qa/number_pairs.tsv``,
rows made "as published"; 67,177 English characters):
``.venv/bin/python benchmarks/alignment.py --fit`` prints the figures.
"""

from collections.abc import Iterable

#: Chinese characters per English character.
RATIO = 0.246
#: Variance of the Chinese length per English character.
VARIANCE = 0.559


def chinese_length(text: str) -> int:
    """Characters of a Chinese text, white space not counted."""
    return sum(1 for char in text if not char.isspace())


def fit(pairs: Iterable[tuple[str, str]]) -> tuple[float, float]:
    """The ratio and variance of (English, Chinese) pairs."""
    lengths = [(len(english), chinese_length(chinese)) for english, chinese in pairs]
    ratio = sum(c for _, c in lengths) / sum(e for e, _ in lengths)
    variance = sum((c - ratio * e) ** 2 / e for e, c in lengths) / len(lengths)
    return ratio, variance
