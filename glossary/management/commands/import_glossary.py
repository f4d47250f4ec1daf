import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from formats import FormatError
from formats.glossary import csv, tbx
from glossary.importing import import_concepts
from glossary.models import Approval

READERS = {".csv": csv, ".tsv": csv, ".txt": csv, ".tbx": tbx, ".xml": tbx}


class Command(BaseCommand):
    help = "Import a glossary from CSV (one column per language code) or TBX."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--approval",
            choices=Approval.values,
            default=Approval.APPROVED,
            help="status of terms whose approval the file does not give",
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            raise CommandError(
                "%s: unsupported glossary file type; use .csv, .tsv or .tbx" % path
            )
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError("%s: %s" % (path, error.strerror)) from error
        try:
            units = reader.parse(data)
        except FormatError as error:
            raise CommandError("%s: %s" % (path, error)) from error
        with tqdm(
            total=len(units), desc=path.name, unit="concept", disable=None
        ) as bar:
            counts = import_concepts(
                units, default_approval=options["approval"], progress=bar.update
            )
        self.stdout.write(json.dumps(counts))
