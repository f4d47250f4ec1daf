"""Jobs on the memory: a TMX import, a re-index, a TMX export."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from jobs.files import open_file, store
from jobs.models import Job, JobChunk
from jobs.operations.base import BYTES, Operation, counted
from jobs.progress import Progress, ReadCounter
from memory.models import MemoryEntry
from memory.store import rebuild_index
from memory.tmx import count_units, describe_import, export_tmx, import_tmx


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


def reindex_memory(job: Job, progress: Progress) -> dict:
    """Index every memory entry anew (``rebuild_memory_index``)."""
    progress.start(
        total=MemoryEntry.objects.count(), phase=gettext_noop("Indexing the entries")
    )
    return {"entries": rebuild_index(progress=progress.advance)}


def export_memory(job: Job, progress: Progress) -> dict:
    """Write the memory (or one pair of it) as TMX, kept with the job."""
    arguments = job.arguments
    pair = arguments.get("source_language"), arguments.get("target_language")
    progress.start(total=count_units(*pair), phase=gettext_noop("Writing the TMX file"))
    chunks = export_tmx(*pair)
    units = counted(chunks, progress, lambda chunk: chunk.count(b"</tu>"))
    size, _digest = store(job, units, role=JobChunk.OUTPUT)
    return {
        "file": arguments["output_name"],
        "bytes": size,
        "units": progress.done,
        "content_type": "application/x-tmx+xml",
    }


def _describe_reindex(job: Job) -> str:
    return _("The memory was indexed anew: %(entries)d entries.") % job.result


def _describe_export(job: Job) -> str:
    return _("%(file)s is ready: %(units)d units.") % job.result


IMPORT = Operation(
    run=import_memory,
    describe=lambda job: describe_import(job.file_name, job.result),
    unit=BYTES,
)
REINDEX = Operation(run=reindex_memory, describe=_describe_reindex)
EXPORT = Operation(run=export_memory, describe=_describe_export)
