from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.commands import language as command_language
from core.commands import write_chunks
from exchange.exporting import EXPORT_FORMATS, ExportRefused, export_any
from jobs.commands import add_background, queue
from jobs.models import Kind
from workbench.management import arguments


class Command(BaseCommand):
    help = (
        "Export one document in one target language. With --background, a "
        "worker writes it as a job that keeps the file (manage.py job_output "
        "ID) and the job's id is printed alone on the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("document", type=int)
        parser.add_argument("--language", required=True)
        parser.add_argument(
            "--format",
            required=True,
            choices=EXPORT_FORMATS,
            help="xliff writes XLIFF 2.0, xliff12 XLIFF 1.2",
        )
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
        add_background(parser)

    def handle(self, *args, **options):
        document = arguments.document(options["document"])
        language = command_language(options["language"])
        if language not in document.target_languages:
            raise CommandError(
                "%s is not a target language of document %d" % (language, document.pk)
            )
        if options["background"]:
            if not options["output"] or options["output"] == "-":
                raise CommandError(
                    "give -o NAME with --background: the name of the file the job "
                    "keeps for download"
                )
            queue(
                self,
                kind=Kind.EXPORT_DOCUMENT,
                arguments={
                    "document": document.pk,
                    "language": language,
                    "format": options["format"],
                    "strict": options["strict"],
                    "approved_only": options["approved_only"],
                    "output_name": Path(options["output"]).name,
                },
            )
            return
        try:
            chunks = export_any(
                document,
                language,
                options["format"],
                strict=options["strict"],
                approved_only=options["approved_only"],
            )
        except ExportRefused as error:
            raise CommandError(str(error)) from error
        write_chunks(chunks, options["output"])
