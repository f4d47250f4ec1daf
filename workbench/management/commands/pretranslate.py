import json

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from core.commands import language as command_language
from translations.pretranslating import (
    DEFAULT_THRESHOLD,
    PretranslateRefused,
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

    def handle(self, *args, **options):
        document = arguments.document(options["document"])
        language = command_language(options["language"])
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
