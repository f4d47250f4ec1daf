import json

from django.core.management.base import BaseCommand, CommandError

from core.commands import language as command_language
from core.commands import stdin_text
from core.inline import KINDS, codes_in, from_tokens, to_tokens
from memory.lookup import concordance, lookup
from memory.store import memory_variant

#: Every code a token may stand for (numbers 1 to 4095, ``core.inline``).
_ANY_CODE = {(number, kind) for number in range(1, 0x1000) for kind in KINDS}


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
                        query(line),
                        source,
                        target,
                        limit=options["limit"],
                        threshold=options["threshold"],
                    )
                ]
            for row in rows:
                self.stdout.write(json.dumps(row, ensure_ascii=False))


def query(line: str) -> str:
    """The line with its tokens (``⟨1⟩``, ``⟨/1⟩``, ``⟨1/⟩``) as inline codes,
    so that entries with the same codes come first."""
    return from_tokens(line, _ANY_CODE)


def shown(row: dict, codes: dict) -> dict:
    """``row`` with its texts' inline codes as tokens, and a ``codes`` field
    (``core.inline.codes_to_json``) for those it holds, when it holds any."""
    held = {n for text in (row["source"], row["target"]) for n, _ in codes_in(text)}
    if not held:
        return row
    row = row | {"source": to_tokens(row["source"]), "target": to_tokens(row["target"])}
    row["codes"] = {n: c for n, c in codes.items() if int(n) in held}
    return row
