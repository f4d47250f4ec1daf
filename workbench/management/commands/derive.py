import json

from django.core.management.base import BaseCommand, CommandError

from core.commands import language as command_language
from translations.deriving import DeriveRefused, derive
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

    def handle(self, *args, **options):
        document = arguments.document(options["document"])
        source = command_language(options["from_language"])
        target = command_language(options["to_language"])
        try:
            counts = derive(document=document, from_language=source, to_language=target)
        except DeriveRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(counts))
