import json

from django.core.management.base import BaseCommand, CommandError

from alignment.terms import term_candidates
from memory.models import MemoryEntry, MemorySource


class Command(BaseCommand):
    help = (
        "Propose bilingual glossary terms from the pairs aligned into the memory "
        "(align --commit): English names of offices, titles and bodies with the "
        "Chinese run that co-occurs with them best. Prints one JSON line per "
        "candidate, best first: english, chinese, count (pairs holding both), "
        "score (Dice), evidence (memory entry ids)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-count",
            type=int,
            default=2,
            help="pairs a candidate must be seen in (default 2)",
        )
        parser.add_argument(
            "--limit", type=int, default=50, help="candidates printed (default 50)"
        )

    def handle(self, *args, **options):
        if options["min_count"] < 1:
            raise CommandError("--min-count is 1 or more")
        entries = list(
            MemoryEntry.objects.filter(source_kind=MemorySource.ALIGNED)
            .filter(source_language="en", target_language__startswith="zh")
            .order_by("pk")
            .values_list("pk", "source", "target")
        )
        pairs = [(source, target) for _, source, target in entries]
        found = term_candidates(pairs, min_count=options["min_count"])
        for candidate in found[: options["limit"]]:
            line = candidate.as_dict()
            line["evidence"] = [entries[i][0] for i in candidate.evidence]
            self.stdout.write(json.dumps(line, ensure_ascii=False))
