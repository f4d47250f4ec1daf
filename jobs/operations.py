"""The kinds of job and what each one runs.

An operation takes the job and its ``Progress`` and returns the JSON the
matching command prints. It runs inside the job's transaction: if it raises
(a bad file, a cancel, a lost database), nothing it wrote is kept.
``FormatError`` names the line or unit; any other error is one line too.
"""

from collections.abc import Callable

from django.utils.translation import gettext_noop

from jobs.files import open_file
from jobs.models import Job, Kind
from jobs.progress import Progress, ReadCounter
from memory.tmx import import_tmx


def import_memory(job: Job, progress: Progress) -> dict:
    """Import the job's TMX file into the memory (``import_memory``)."""
    arguments = job.arguments
    progress.start(total=job.file_size, phase=gettext_noop("Reading the TMX file"))
    with open_file(job.pk) as handle:
        counts = import_tmx(
            ReadCounter(handle, progress.advance),
            origin=job.file_name,
            source_language=arguments.get("source_language"),
            target_language=arguments.get("target_language"),
        )
    return counts.as_dict()


OPERATIONS: dict[str, Callable[[Job, Progress], dict]] = {
    Kind.IMPORT_MEMORY: import_memory,
}
