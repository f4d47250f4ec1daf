import json

from django.core.management.base import BaseCommand

from tqdm import tqdm

from memory.models import MemoryEntry
from memory.store import rebuild_index


class Command(BaseCommand):
    help = (
        "Index every translation memory entry anew (after a PostgreSQL major "
        "upgrade, or entries changed outside the workbench); prints JSON counts."
    )

    def handle(self, *args, **options):
        total = MemoryEntry.objects.count()
        with tqdm(total=total, desc="memory index", unit="entry", disable=None) as bar:
            count = rebuild_index(progress=bar.update)
        self.stdout.write(json.dumps({"entries": count}))
