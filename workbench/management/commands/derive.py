import json

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from core.commands import language as command_language
from jobs.commands import add_background, queue
from jobs.models import Kind
from translations.deriving import DeriveRefused, check_pair, derive
from workbench.management import arguments


class Command(BaseCommand):
    help = (
        "Fill one Chinese script's translations of a document by converting the "
        "other's, as drafts; approved and human translations are never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument("document", type=int)
        parser.add_argument("--from", dest="from_language", required=True)
        parser.add_argument("--to", dest="to_language", required=True)
        add_background(parser)

    def handle(self, *args, **options):
        document = arguments.document(options["document"])
        source = command_language(options["from_language"])
        target = command_language(options["to_language"])
        try:
            check_pair(document, source, target)
        except DeriveRefused as error:
            raise CommandError(str(error)) from error
        if options["background"]:
            queue(
                self,
                kind=Kind.DERIVE,
                arguments={
                    "document": document.pk,
                    "from_language": source,
                    "to_language": target,
                },
            )
            return
        total = document.segments.active().count()
        with tqdm(
            total=total, desc=document.title[:40], unit="sentence", disable=None
        ) as bar:
            counts = derive(
                document=document,
                from_language=source,
                to_language=target,
                progress=bar.update,
            )
        self.stdout.write(json.dumps(counts))
