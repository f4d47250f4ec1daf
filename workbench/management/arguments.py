"""The document a command names by id: a bad one is one line and exit 1."""

from django.core.management.base import CommandError

from documents.models import Document


def document(pk: int) -> Document:
    """The document a command names by id."""
    found = Document.objects.filter(pk=pk).first()
    if found is None:
        raise CommandError("no document %d" % pk)
    return found
