"""Models of the workbench: documents and their sentences, translations, history."""

from workbench.models.documents import Document, DocumentVersion, Paragraph, Segment
from workbench.models.translations import Comment, Revision, Translation

__all__ = [
    "Comment",
    "Document",
    "DocumentVersion",
    "Paragraph",
    "Revision",
    "Segment",
    "Translation",
]
