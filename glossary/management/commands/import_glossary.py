import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from formats import FormatError
from glossary.importing import import_concepts, read_file
from glossary.models import Approval


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
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError("%s: %s" % (path, error.strerror)) from error
        try:
            units = read_file(data, path.name)
        except FormatError as error:
            raise CommandError("%s: %s" % (path, error)) from error
        with tqdm(
            total=len(units), desc=path.name, unit="concept", disable=None
        ) as bar:
            counts = import_concepts(
                units, default_approval=options["approval"], progress=bar.update
            )
        self.stdout.write(json.dumps(counts))
