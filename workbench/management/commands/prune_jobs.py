import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from jobs.models import FINISHED, Job, JobChunk


class Command(BaseCommand):
    help = (
        "Delete the stored files of background jobs that finished more than "
        "--days days ago: an export's file to download, a failed import's "
        "upload kept for a retry. The jobs themselves stay listed. Prints "
        "JSON counts. Run it daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.JOB_FILES_DAYS,
            help="default: the JOB_FILES_DAYS setting (%d)" % settings.JOB_FILES_DAYS,
        )

    def handle(self, *args, **options):
        if options["days"] < 0:
            raise CommandError("--days must be 0 or more")
        before = timezone.now() - timezone.timedelta(days=options["days"])
        jobs = Job.objects.filter(state__in=FINISHED, finished_at__lt=before)
        chunks = JobChunk.objects.filter(job__in=jobs)
        files = chunks.values("job_id").distinct().count()
        deleted, _by_model = chunks.delete()
        self.stdout.write(json.dumps({"files": files, "chunks": deleted}))
