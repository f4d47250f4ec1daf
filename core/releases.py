"""What press releases share in every format: the closing line.

A release ends with lines that are not prose: ``Ends/Friday, March 14,
2025``, ``Issued at HKT 19:30``, ``NNNN``, ``完``, ``（完）``, ``- Ends -``,
``Enditem``, ``香港時間…``/``香港时间…``, a date line such as
``2025年3月14日（星期五）`` or ``二○二五年三月十四日（星期五）``. The plain-text
reader keeps such a line a paragraph of its own, and the segmenter
(``documents.segmentation``, rule 9) a sentence of its own.
"""

import re

__all__ = ["CLOSING_LINE"]

#: A press release's closing line matched against one stripped line.
CLOSING_LINE = re.compile(
    r"Ends\s*/.*|Ends\.?|Enditem|[-–—－]\s*(?:Ends?|完)\s*[-–—－]"
    r"|Issued at HKT\s*\d{1,2}:\d{2}.*|NNNN|[（(]?完[）)]?"
    r"|香港[時时][間间].{0,30}"
    r"|(?:\d{4}|[○〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月"
    r"[\d一二三四五六七八九十]{1,3}日\s*(?:[（(]星期.[）)])?"
    r"(?:\s*香港[時时][間间].{0,30})?",
    re.IGNORECASE,
)
