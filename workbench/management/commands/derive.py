import json

from django.core.management.base import BaseCommand, CommandError

from workbench.deriving import DeriveRefused, derive
from workbench.languages import UnknownLanguage, normalise
from workbench.models import Document


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
        document = Document.objects.filter(pk=options["document"]).first()
        if document is None:
            raise CommandError("no document %d" % options["document"])
        try:
            source = normalise(options["from_language"])
            target = normalise(options["to_language"])
        except UnknownLanguage as error:
            raise CommandError("unknown language code %r" % str(error)) from error
        try:
            counts = derive(document=document, from_language=source, to_language=target)
        except DeriveRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(counts))
