import json

from django.core.management.base import BaseCommand, CommandError

from jobs.models import Job
from jobs.running import current, reap_lost


class Command(BaseCommand):
    help = (
        "Print background jobs as JSON lines, newest first (id, kind, state, "
        "done, total, unit (bytes or items), phase, result, error, worker, "
        "started_at, finished_at); with ID, that job alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("id", nargs="?", type=int)
        parser.add_argument(
            "--limit", type=int, default=50, help="how many jobs (default 50)"
        )

    def handle(self, *args, **options):
        reap_lost()
        jobs = Job.objects.all()
        if options["id"] is not None:
            jobs = jobs.filter(pk=options["id"])
            if not jobs:
                raise CommandError("job %d: no such job" % options["id"])
        for job in jobs[: options["limit"]]:
            now = current(job)
            now.pop("percent")
            self.stdout.write(json.dumps(now, ensure_ascii=False))
