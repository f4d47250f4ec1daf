import json

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from core.commands import language as command_language
from jobs.commands import add_background, queue
from jobs.models import Kind
from translations.pretranslating import (
    DEFAULT_THRESHOLD,
    PretranslateRefused,
    check_request,
    pretranslate,
)
from workbench.management import arguments


class Command(BaseCommand):
    help = (
        "Fill a document's untranslated sentences from the translation memory, "
        "as drafts; never over existing work. Prints JSON counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("document", type=int)
        parser.add_argument("--language", required=True)
        parser.add_argument(
            "--threshold",
            type=int,
            default=DEFAULT_THRESHOLD,
            help="lowest fuzzy score used (default %d)" % DEFAULT_THRESHOLD,
        )
        add_background(parser)

    def handle(self, *args, **options):
        document = arguments.document(options["document"])
        language = command_language(options["language"])
        if options["background"]:
            self._queue(document, language, options["threshold"])
            return
        total = document.segments.active().count()
        try:
            with tqdm(
                total=total, desc=document.title[:40], unit="sentence", disable=None
            ) as bar:
                counts = pretranslate(
                    document=document,
                    language=language,
                    threshold=options["threshold"],
                    progress=bar.update,
                )
        except PretranslateRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(counts))

    def _queue(self, document, language: str, threshold: int) -> None:
        try:
            check_request(document=document, language=language, threshold=threshold)
        except PretranslateRefused as error:
            raise CommandError(str(error)) from error
        queue(
            self,
            kind=Kind.PRETRANSLATE,
            arguments={
                "document": document.pk,
                "language": language,
                "threshold": threshold,
            },
        )
