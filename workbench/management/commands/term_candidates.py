import json

from django.core.management.base import BaseCommand, CommandError

from exchange.term_candidates import all_candidates, open_candidates


class Command(BaseCommand):
    help = (
        "Propose bilingual glossary terms from the pairs aligned into the memory "
        "(align --commit, or an alignment committed from its page): English "
        "names of offices, titles and bodies with the Chinese run that "
        "co-occurs with them best (with --every-name, places and events "
        "too). Leaves out what reviewers accepted or "
        "dismissed on the Term candidates page and what the glossary holds "
        "(unless --all). Prints one JSON line per candidate, best first: "
        "english, chinese, language, count (pairs holding both), score (Dice), "
        "evidence (memory entry ids)."
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
        parser.add_argument(
            "--every-name",
            action="store_true",
            help="also places, events and other names, not only offices, "
            "titles and bodies",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="also the candidates decided on or already in the glossary",
        )

    def handle(self, *args, **options):
        if options["min_count"] < 1:
            raise CommandError("--min-count is 1 or more")
        if options["limit"] < 1:
            raise CommandError("--limit is 1 or more")
        if options["all"]:
            found = all_candidates(min_count=options["min_count"])[: options["limit"]]
        else:
            found = open_candidates(
                min_count=options["min_count"], limit=options["limit"]
            )
        for proposal in found:
            self.stdout.write(json.dumps(proposal.as_dict(), ensure_ascii=False))
