import json

from django.core.management.base import BaseCommand, CommandError

from jobs.models import Job
from jobs.running import cancel_job, current


class Command(BaseCommand):
    help = (
        "Cancel a background job: a queued one at once, a running one at its "
        "next step (nothing of it is kept). Prints the job as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("id", type=int)

    def handle(self, *args, **options):
        job = Job.objects.filter(pk=options["id"]).first()
        if job is None:
            raise CommandError("job %d: no such job" % options["id"])
        job = cancel_job(job)
        now = current(job)
        now.pop("percent")
        self.stdout.write(json.dumps(now, ensure_ascii=False))
