"""The kinds of job and what each one runs (``OPERATIONS``).

One module per concern: ``documents`` (import, new version,
pre-translation, derive, export), ``memory`` (TMX import, re-index, TMX
export), ``glossary`` (import), ``alignment`` (a batch of published
releases aligned for review). ``REFUSALS`` are the errors by which a
service refuses work as asked: their message, already in the language of
whoever started the job, becomes the job's error line.
"""

from exchange.aligning import BatchRefused
from exchange.alignments import AlignmentRefused
from exchange.exporting import ExportRefused
from exchange.importing import ImportRefused
from jobs.models import Kind
from jobs.operations import alignment, documents, glossary, memory
from jobs.operations.base import BYTES, ITEMS, Operation
from translations.deriving import DeriveRefused
from translations.pretranslating import PretranslateRefused

OPERATIONS: dict[str, Operation] = {
    Kind.IMPORT_MEMORY: memory.IMPORT,
    Kind.REINDEX_MEMORY: memory.REINDEX,
    Kind.EXPORT_MEMORY: memory.EXPORT,
    Kind.IMPORT_DOCUMENT: documents.IMPORT,
    Kind.NEW_VERSION: documents.NEW_VERSION,
    Kind.PRETRANSLATE: documents.PRETRANSLATE,
    Kind.DERIVE: documents.DERIVE,
    Kind.EXPORT_DOCUMENT: documents.EXPORT,
    Kind.IMPORT_GLOSSARY: glossary.IMPORT,
    Kind.ALIGN: alignment.ALIGN,
}

REFUSALS = (
    ImportRefused,
    PretranslateRefused,
    DeriveRefused,
    ExportRefused,
    BatchRefused,
    AlignmentRefused,
)

__all__ = ["BYTES", "ITEMS", "OPERATIONS", "REFUSALS", "Operation"]
