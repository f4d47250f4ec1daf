"""The digest of a sentence's neighbours, for matches in the same context."""

from documents.models import Segment
from memory.text import normalise, text_key

__all__ = ["context_digest", "segment_context"]


def context_digest(before: str, after: str) -> int:
    """The digest of a sentence's neighbours, for context matches."""
    return text_key("context", "%s\n%s" % (normalise(before), normalise(after)))


def segment_context(segment: Segment) -> int:
    """The context digest of a segment: the sources just before and after it."""
    siblings = Segment.objects.filter(
        document=segment.document_id, is_active=True
    ).order_by("position")
    before = siblings.filter(position__lt=segment.position).last()
    after = siblings.filter(position__gt=segment.position).first()
    return context_digest(
        before.source if before else "", after.source if after else ""
    )
