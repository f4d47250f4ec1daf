from django.core.management.base import BaseCommand

from core.commands import write_chunks
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
        write_chunks(chunks, options["output"])
