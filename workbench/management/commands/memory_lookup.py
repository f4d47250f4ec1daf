import json

from django.core.management.base import BaseCommand, CommandError

from core.commands import language as command_language
from core.commands import stdin_text
from memory.lookup import concordance, lookup, query_of, shown
from memory.store import memory_variant


class Command(BaseCommand):
    help = (
        "Look up each line of stdin in the translation memory; prints JSON lines "
        "score, source, target, origin, the variants of both sides and the "
        "entry's notes and props, best first; the nearest variants of the "
        "languages (en-GB, then en, then other en-*) come first at a score "
        "(with --concordance: every entry holding the text in its source or "
        "target). Inline codes show as tokens (⟨1⟩…⟨/1⟩, ⟨2/⟩) and a codes "
        "field says what each stands for. A line may hold tokens: ⟨1⟩ and ⟨/1⟩ "
        "are a pair, ⟨1/⟩ a placeholder."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source-language", required=True)
        parser.add_argument("--target-language", required=True)
        parser.add_argument("--limit", type=int, default=5)
        parser.add_argument("--threshold", type=int, default=50)
        parser.add_argument("--concordance", action="store_true")

    def handle(self, *args, **options):
        source = command_language(options["source_language"], memory_variant)
        target = command_language(options["target_language"], memory_variant)
        if not 1 <= options["limit"] <= 1000:
            raise CommandError("--limit is a number from 1 to 1000")
        text = stdin_text()
        for line in text.splitlines():
            if not line.strip():
                continue
            if options["concordance"]:
                rows = [
                    shown(
                        {
                            "source": hit.source,
                            "target": hit.target,
                            "origin": hit.origin,
                            "source_language": hit.source_language,
                            "target_language": hit.target_language,
                        },
                        hit.codes,
                    )
                    for hit in concordance(line, source, target, limit=options["limit"])
                ]
            else:
                rows = [
                    shown(match.as_dict(), match.codes)
                    for match in lookup(
                        query_of(line),
                        source,
                        target,
                        limit=options["limit"],
                        threshold=options["threshold"],
                    )
                ]
            for row in rows:
                self.stdout.write(json.dumps(row, ensure_ascii=False))
