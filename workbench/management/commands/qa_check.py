import json

from django.core.management.base import BaseCommand, CommandError

from core.commands import language, stdin_text
from translations.qa import check_translation


class Command(BaseCommand):
    help = (
        'Run the quality checks on JSON lines {"source": ..., "target": ...} on '
        'stdin; print one JSON line per input line: {"line": N, "findings": '
        '[{"check": ..., "message": ...}]}.'
    )

    def add_arguments(self, parser):
        parser.add_argument("--source-language", required=True)
        parser.add_argument("--target-language", required=True)
        parser.add_argument(
            "--no-glossary", action="store_true", help="skip the glossary check"
        )

    def handle(self, *args, **options):
        source_language = language(options["source_language"])
        target_language = language(options["target_language"])
        pairs = []
        for number, line in enumerate(stdin_text().splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as error:
                raise CommandError(
                    "stdin line %d: not JSON (%s)" % (number, error.msg)
                ) from error
            if not isinstance(item, dict):
                raise CommandError("stdin line %d: not a JSON object" % number)
            for key in ("source", "target"):
                if not isinstance(item.get(key), str):
                    raise CommandError(
                        "stdin line %d: %r missing or not a string" % (number, key)
                    )
            pairs.append((number, item["source"], item["target"]))
        out = []
        for number, source, target in pairs:
            findings = check_translation(
                source=source,
                source_language=source_language,
                target=target,
                target_language=target_language,
                with_glossary=not options["no_glossary"],
            )
            out.append(
                json.dumps(
                    {
                        "line": number,
                        "findings": [
                            {"check": f.check, "message": f.message} for f in findings
                        ],
                    },
                    ensure_ascii=False,
                )
            )
        for line in out:
            self.stdout.write(line)
