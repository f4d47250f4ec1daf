import json

from django.core.management.base import BaseCommand

from core.commands import language as command_language
from translations.models import Translation
from workbench.management import arguments


class Command(BaseCommand):
    help = "List a document's sentences as JSON lines."

    def add_arguments(self, parser):
        parser.add_argument("document", type=int)
        parser.add_argument("--language", help="include this target language")

    def handle(self, *args, **options):
        document = arguments.document(options["document"])
        language = None
        if options["language"]:
            language = command_language(options["language"])
        targets = {}
        if language:
            targets = {
                t.segment_id: t
                for t in Translation.objects.filter(
                    segment__document=document, language=language
                )
            }
        for segment in document.segments.active().order_by("position"):
            row = {
                "id": segment.pk,
                "key": segment.key,
                "position": segment.position,
                "paragraph": segment.paragraph,
                "source": segment.source,
            }
            if language:
                translation = targets.get(segment.pk)
                row["target"] = translation.text if translation else ""
                row["status"] = translation.status if translation else "untranslated"
            self.stdout.write(json.dumps(row, ensure_ascii=False))
