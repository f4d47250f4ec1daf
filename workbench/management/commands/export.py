import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workbench.exporting import DOCUMENT_FORMATS, ExportRefused, export_document
from workbench.languages import UnknownLanguage, normalise
from workbench.models import Document


class Command(BaseCommand):
    help = "Export one document in one target language."

    def add_arguments(self, parser):
        parser.add_argument("document", type=int)
        parser.add_argument("--language", required=True)
        parser.add_argument("--format", required=True, choices=DOCUMENT_FORMATS)
        parser.add_argument("-o", "--output", help="file to write; - or none: stdout")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="fail, naming them, if any sentence is untranslated",
        )
        parser.add_argument(
            "--approved-only",
            action="store_true",
            help="only approved translations leave the system",
        )

    def handle(self, *args, **options):
        document = Document.objects.filter(pk=options["document"]).first()
        if document is None:
            raise CommandError("no document %d" % options["document"])
        try:
            language = normalise(options["language"])
        except UnknownLanguage as error:
            raise CommandError("unknown language code %r" % str(error)) from error
        try:
            data = export_document(
                document,
                language,
                options["format"],
                strict=options["strict"],
                approved_only=options["approved_only"],
            )
        except ExportRefused as error:
            raise CommandError(str(error)) from error
        output = options["output"]
        if not output or output == "-":
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            try:
                Path(output).write_bytes(data)
            except OSError as error:
                raise CommandError("%s: %s" % (output, error.strerror)) from error
