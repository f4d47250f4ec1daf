import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.languages import UnknownLanguage, normalise, parse_languages
from exchange.importing import ImportRefused, import_document, import_new_version
from formats.documents.plaintext import PARAGRAPHS
from jobs.commands import add_background, queue
from jobs.models import Kind
from workbench.management import arguments


class Command(BaseCommand):
    help = (
        "Import a .txt, .md, .html or .docx document; with --document, import "
        "it as a new version of that document. Prints a JSON line of counts "
        "(not_kept: what the file holds that is kept but not offered for "
        "translation; sentences_cut: sentences over the length limit cut at "
        "their clause boundaries), then the document id last. With "
        "--background, a worker imports it as a job and the job's id is "
        "printed alone on the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--source-language", default="en")
        parser.add_argument("--title")
        parser.add_argument("--targets", help="comma-separated, e.g. zh-Hant,zh-Hans")
        parser.add_argument(
            "--document", type=int, help="import as a new version of this document"
        )
        parser.add_argument(
            "--paragraphs",
            choices=PARAGRAPHS,
            default="auto",
            help="where a .txt file's paragraphs end: auto (told from the text: "
            "the default), lines (every line a paragraph) or blank (blank lines "
            "between paragraphs, lines inside them wrapped)",
        )
        add_background(parser)

    def handle(self, *args, **options):
        path = Path(options["path"])
        if options["background"]:
            self._queue(path, options)
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError("%s: %s" % (path, error.strerror)) from error
        try:
            if options["document"]:
                document = arguments.document(options["document"])
                result = import_new_version(
                    document=document, data=data, filename=path.name
                )
                self.stdout.write(
                    "version %(version)d: %(kept)d kept, %(changed)d changed, "
                    "%(added)d added, %(removed)d removed" % result.as_dict()
                )
                self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            else:
                document = import_document(
                    data=data,
                    filename=path.name,
                    source_language=options["source_language"],
                    title=options["title"],
                    targets=parse_languages(options["targets"]),
                    paragraphs=options["paragraphs"],
                )
                counts = {
                    "document": document.pk,
                    "title": document.title,
                    "sentences": document.segments.count(),
                    "not_kept": document.not_kept,
                    "sentences_cut": document.sentences_cut,
                }
                self.stdout.write(json.dumps(counts, ensure_ascii=False))
        except UnknownLanguage as error:
            raise CommandError(
                "%s: unknown language code %r" % (path, str(error))
            ) from error
        except ImportRefused as error:
            raise CommandError("%s: %s" % (path, error.problem)) from error
        self.stdout.write(str(document.pk))

    def _queue(self, path: Path, options: dict) -> None:
        if options["document"]:
            document = arguments.document(options["document"])
            kind, values = Kind.NEW_VERSION, {"document": document.pk}
        else:
            try:
                source = normalise(options["source_language"])
                targets = parse_languages(options["targets"])
            except UnknownLanguage as error:
                raise CommandError(
                    "%s: unknown language code %r" % (path, str(error))
                ) from error
            kind = Kind.IMPORT_DOCUMENT
            values = {
                "source_language": source,
                "title": options["title"] or "",
                "targets": targets,
                "paragraphs": options["paragraphs"],
            }
        queue(self, kind=kind, arguments=values, path=path)
