"""The tables this app owns, defined where their concern lives.

The models keep the ``workbench`` app label (and so their tables and
migrations) while their code sits in the package of their concern; this
module imports them so that Django registers them with the app.
"""

from conversion.models import ConversionOverride, ConversionOverrideRevision
from documents.models import Document, DocumentVersion, Paragraph, Segment
from exchange.models import Alignment
from jobs.models import Job, JobChunk
from memory.models import MemoryEntry
from translations.models import Comment, Revision, Translation

__all__ = [
    "Alignment",
    "Comment",
    "ConversionOverride",
    "ConversionOverrideRevision",
    "Document",
    "DocumentVersion",
    "Job",
    "JobChunk",
    "MemoryEntry",
    "Paragraph",
    "Revision",
    "Segment",
    "Translation",
]
