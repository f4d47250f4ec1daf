from django.core.management.base import BaseCommand, CommandError

from core.commands import write_chunks
from jobs.files import has_file, output_chunks
from jobs.models import Job, JobChunk, State


class Command(BaseCommand):
    help = (
        "Write the file a finished export job keeps (kept for JOB_FILES_DAYS "
        "days after it ends) to -o PATH, or to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("id", type=int)
        parser.add_argument("-o", "--output", help="file to write; - or none: stdout")

    def handle(self, *args, **options):
        job = Job.objects.filter(pk=options["id"]).first()
        if job is None:
            raise CommandError("job %d: no such job" % options["id"])
        if job.state != State.SUCCEEDED:
            raise CommandError("job %d: %s, not succeeded" % (job.pk, job.state))
        if not has_file(job, JobChunk.OUTPUT):
            raise CommandError(
                "job %d: keeps no file (not an export, or cleaned up)" % job.pk
            )
        write_chunks(output_chunks(job), options["output"])
