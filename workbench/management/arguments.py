"""What commands make of their arguments: a bad one is one line and exit 1."""

from collections.abc import Callable

from django.core.management.base import CommandError

from workbench.languages import UnknownLanguage, normalise
from workbench.models import Document


def language(code: str, normaliser: Callable[[str], str] = normalise) -> str:
    """The normalised form of a language code given on the command line."""
    try:
        return normaliser(code)
    except UnknownLanguage as error:
        raise CommandError("unknown language code %r" % str(error)) from error


def document(pk: int) -> Document:
    """The document a command names by id."""
    found = Document.objects.filter(pk=pk).first()
    if found is None:
        raise CommandError("no document %d" % pk)
    return found
