import json

from django.core.management.base import BaseCommand

from core.commands import language as command_language
from core.inline import codes_in, to_tokens
from translations.models import Translation
from workbench.management import arguments


class Command(BaseCommand):
    help = (
        "List a document's sentences as JSON lines: id, key, position, "
        "paragraph, source (with --language: target and status). Inline codes "
        "show as tokens (⟨1⟩…⟨/1⟩, ⟨2/⟩) and a codes field says what each "
        "stands for."
    )

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
            self.stdout.write(json.dumps(shown(row, segment.codes), ensure_ascii=False))


def shown(row: dict, codes: dict) -> dict:
    """``row`` with its texts' inline codes as tokens, and a ``codes`` field
    (``core.inline.codes_to_json``; a translation uses its source's numbers)
    for those it holds, when it holds any."""
    texts = [field for field in ("source", "target") if field in row]
    held = {n for field in texts for n, _kind in codes_in(row[field])}
    if not held:
        return row
    row = row | {field: to_tokens(row[field]) for field in texts}
    row["codes"] = {n: c for n, c in (codes or {}).items() if int(n) in held}
    return row
