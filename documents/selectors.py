"""What the document pages show of documents themselves: read models, no writes."""

from django.db.models import QuerySet

from documents.models import Document, DocumentVersion


def all_documents() -> QuerySet[Document]:
    """Every document, newest first, with who imported it."""
    return Document.objects.select_related("created_by")


def version_history(document: Document) -> QuerySet[DocumentVersion]:
    """A document's versions, newest first, without their stored bytes."""
    return document.versions.order_by("-number").only(
        "number", "original_filename", "created_at", "summary", "segment_count"
    )
