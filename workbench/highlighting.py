"""Source sentences as HTML with glossary terms marked, safely escaped."""

import json

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from glossary.lookup import Hit


def highlight_terms(text: str, hits: list[Hit], target_language: str) -> str:
    """Return text as HTML, each hit in a <mark> carrying its renderings."""
    pieces = []
    position = 0
    for hit in hits:
        match = hit.match
        rendering = hit.renderings.get(target_language, "")
        pieces.append(conditional_escape(text[position : match.start]))
        pieces.append(
            format_html(
                '<mark class="term" data-insert="{}" data-terms="{}" title="{}">{}'
                "</mark>",
                rendering,
                json.dumps(hit.renderings, ensure_ascii=False),
                " / ".join("%s: %s" % item for item in hit.renderings.items()),
                text[match.start : match.end],
            )
        )
        position = match.end
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece is escaped above
