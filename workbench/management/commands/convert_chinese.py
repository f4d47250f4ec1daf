import sys

from django.core.management.base import BaseCommand, CommandError

from conversion.configs import CONFIGS
from conversion.engine import ConversionUnavailable, convert_text
from core.commands import stdin_text


class Command(BaseCommand):
    help = (
        "Convert Chinese text on stdin with OpenCC; approved glossary pairs and "
        "house-style overrides win unless --no-glossary. Lines are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--config", required=True, choices=CONFIGS)
        parser.add_argument(
            "--no-glossary",
            action="store_true",
            help="OpenCC alone: no glossary pairs, no house-style overrides",
        )

    def handle(self, *args, **options):
        text = stdin_text()
        try:
            converted = convert_text(
                text, options["config"], use_glossary=not options["no_glossary"]
            )
        except ConversionUnavailable as error:
            raise CommandError(
                "the installed OpenCC cannot load configuration %s" % error
            ) from error
        sys.stdout.flush()
        sys.stdout.buffer.write(converted.encode("utf-8"))
        sys.stdout.buffer.flush()
