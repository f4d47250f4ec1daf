"""A glossary import (CSV or TBX) as a job."""

from django.utils.translation import gettext_noop

from glossary.importing import import_concepts, read_file
from glossary.reporting import import_summary
from jobs.models import Job
from jobs.operations.base import Operation, read_input
from jobs.progress import Progress


def import_glossary(job: Job, progress: Progress) -> dict:
    """Read the job's file and merge its concepts into the glossary."""
    arguments = job.arguments
    progress.start(total=job.file_size, phase=gettext_noop("Reading the file"))
    units = read_file(
        read_input(job, progress),
        job.file_name,
        source_language=arguments.get("source_language") or None,
        target_language=arguments.get("target_language") or None,
    )
    progress.start(total=len(units), phase=gettext_noop("Merging the concepts"))
    return import_concepts(
        units,
        user=job.started_by,
        default_approval=arguments["approval"],
        scope=arguments.get("id_scope") or job.file_name,
        merge_on=arguments.get("merge_on", "term"),
        dry_run=arguments.get("dry_run", False),
        progress=progress.advance,
    )


IMPORT = Operation(run=import_glossary, describe=lambda job: import_summary(job.result))
