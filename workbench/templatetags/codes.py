"""Show a text's inline codes as tokens (``⟨1⟩…⟨/1⟩``, ``⟨2/⟩``) on a page."""

from django import template

from core.inline import to_tokens

register = template.Library()


@register.filter
def tokens(text: str) -> str:
    """Return ``text`` with its inline codes as tokens (still escaped by the page)."""
    return to_tokens(str(text or ""))
