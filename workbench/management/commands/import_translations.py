import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.commands import language as command_language
from exchange.translations import (
    TranslationsRefused,
    import_translations,
    read_translations,
)
from formats import FormatError
from workbench.management import arguments


class Command(BaseCommand):
    help = "Bring translations back from a PO, XLIFF or TMX file; prints JSON counts."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--document", type=int, required=True)
        parser.add_argument("--language", required=True)
        parser.add_argument(
            "--file-language",
            default="",
            help="the file's target language, for a file that does not name it "
            "(needed for a Chinese target); a regional variant of --language "
            "(fr-FR for fr) is taken and noted",
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        language = command_language(options["language"])
        file_language = (
            command_language(options["file_language"])
            if options["file_language"]
            else ""
        )
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError("%s: %s" % (path, error.strerror)) from error
        document = arguments.document(options["document"])
        try:
            catalogue = read_translations(
                data, path.name, document=document, language=language
            )
        except FormatError as error:
            raise CommandError("%s: %s" % (path, error)) from error
        try:
            counts = import_translations(
                document=document,
                language=language,
                catalogue=catalogue,
                filename=path.name,
                file_language=file_language,
            )
        except TranslationsRefused as error:
            raise CommandError("%s: %s" % (path, error)) from error
        self.stdout.write(json.dumps(counts.as_dict(), ensure_ascii=False))
