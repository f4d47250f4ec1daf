import json

from django.core.management.base import BaseCommand

from tqdm import tqdm

from jobs.commands import add_background, queue
from jobs.models import Kind
from memory.models import MemoryEntry
from memory.store import rebuild_index


class Command(BaseCommand):
    help = (
        "Index every translation memory entry anew (after a PostgreSQL major "
        "upgrade, or entries changed outside the workbench); prints JSON counts."
    )

    def add_arguments(self, parser):
        add_background(parser)

    def handle(self, *args, **options):
        if options["background"]:
            queue(self, kind=Kind.REINDEX_MEMORY, arguments={})
            return
        total = MemoryEntry.objects.count()
        with tqdm(total=total, desc="memory index", unit="entry", disable=None) as bar:
            count = rebuild_index(progress=bar.update)
        self.stdout.write(json.dumps({"entries": count}))
