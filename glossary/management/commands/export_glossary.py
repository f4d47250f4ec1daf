import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from glossary.exporting import FORMATS, export_glossary


class Command(BaseCommand):
    help = "Export the glossary as CSV or TBX-Basic (TBX v3)."

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("-o", "--output", help="file to write; - or none: stdout")
        parser.add_argument(
            "--approved-only", action="store_true", help="leave out unapproved terms"
        )

    def handle(self, *args, **options):
        chunks = export_glossary(
            options["format"], approved_only=options["approved_only"]
        )
        output = options["output"]
        if not output or output == "-":
            sys.stdout.flush()
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
            return
        path = Path(output)
        tmp = path.with_name(path.name + ".part")
        try:
            with open(tmp, "wb") as handle:
                for chunk in chunks:
                    handle.write(chunk)
            tmp.replace(path)
        except OSError as error:
            tmp.unlink(missing_ok=True)
            raise CommandError("%s: %s" % (output, error.strerror)) from error
