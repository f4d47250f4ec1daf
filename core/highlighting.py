"""Source sentences as HTML with glossary terms marked, safely escaped."""

import json

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


def with_marks(text: str, marks) -> str:
    """Return text as HTML: each (start, end, html) replaces its span, the rest escaped.

    ``html`` must already be safe (built with ``format_html``); marks are in
    order and do not overlap.
    """
    pieces = []
    position = 0
    for start, end, html in marks:
        pieces.append(conditional_escape(text[position:start]))
        pieces.append(html)
        position = end
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece is escaped or format_html


def highlight_terms(text: str, hits, target_language: str) -> str:
    """Return text as HTML, each hit in a <mark> carrying its renderings."""
    return with_marks(
        text,
        (
            (
                hit.match.start,
                hit.match.end,
                format_html(
                    '<mark class="term" data-insert="{}" data-terms="{}" title="{}">'
                    "{}</mark>",
                    hit.renderings.get(target_language, ""),
                    json.dumps(hit.renderings, ensure_ascii=False),
                    " / ".join("%s: %s" % item for item in hit.renderings.items()),
                    text[hit.match.start : hit.match.end],
                ),
            )
            for hit in hits
        ),
    )
