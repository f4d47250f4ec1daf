"""Models of the workbench: documents and their sentences, translations, history."""

from workbench.models.conversion import ConversionOverride, ConversionOverrideRevision
from workbench.models.documents import Document, DocumentVersion, Paragraph, Segment
from workbench.models.memory import MemoryEntry, MemorySource
from workbench.models.translations import Comment, Revision, Translation

__all__ = [
    "Comment",
    "ConversionOverride",
    "ConversionOverrideRevision",
    "Document",
    "DocumentVersion",
    "MemoryEntry",
    "MemorySource",
    "Paragraph",
    "Revision",
    "Segment",
    "Translation",
]
