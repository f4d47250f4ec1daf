"""What an operation is: the work of one kind of job, and how it reads.

``run`` takes the job and its ``Progress`` and returns the JSON the
matching command prints. It runs inside the job's transaction: if it
raises (a bad file, a refusal, a cancel, a lost database), nothing it wrote
is kept. ``describe`` says in a line, in the reader's language, what a
finished job did. ``unit`` is what ``done`` and ``total`` count.
"""

from collections.abc import Callable
from dataclasses import dataclass

from jobs.files import open_file
from jobs.models import Job
from jobs.progress import Progress

BYTES, ITEMS = "bytes", "items"


@dataclass(frozen=True)
class Operation:
    run: Callable[[Job, Progress], dict]
    describe: Callable[[Job], str]
    unit: str = ITEMS


def counted(chunks, progress: Progress, measure):
    """An output's chunks as they are written, each reported by ``measure``
    (its bytes, the units it holds)."""
    for chunk in chunks:
        progress.advance(measure(chunk))
        yield chunk


def read_input(job: Job, progress: Progress) -> bytes:
    """The job's whole stored file (a document, a glossary), counted as read."""
    pieces = []
    with open_file(job.pk) as handle:
        while piece := handle.read(1024 * 1024):
            pieces.append(piece)
            progress.advance(len(piece))
    return b"".join(pieces)
