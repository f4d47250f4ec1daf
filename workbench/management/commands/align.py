import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alignment.engine import align
from core.commands import language as command_language
from core.inline import plain
from exchange.importing import ImportRefused, read_source, sentences_of
from formats import FormatError
from formats.textdecoding import decode_text
from glossary.matching import current_matcher


class Command(BaseCommand):
    help = (
        "Align an English file with its Chinese version, sentence by sentence. "
        "Prints one JSON line per bead: source and target (the sentences of "
        "each side, counted from 0; an empty list for a sentence one version "
        "does not have) and confidence (0 to 1)."
    )

    def add_arguments(self, parser):
        parser.add_argument("english")
        parser.add_argument("chinese")
        parser.add_argument(
            "--sentences",
            action="store_true",
            help="each file is already one sentence per line (no segmentation)",
        )
        parser.add_argument(
            "--chinese-language",
            default="zh-Hant",
            help="the Chinese version's language (default zh-Hant)",
        )
        parser.add_argument(
            "--no-glossary",
            action="store_true",
            help="do not use approved glossary terms as anchors",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="JSON lines (the default; kept for scripts that ask for it)",
        )

    def handle(self, *args, **options):
        chinese_language = command_language(options["chinese_language"])
        english = self._sentences(Path(options["english"]), "en", options)
        chinese = self._sentences(Path(options["chinese"]), chinese_language, options)
        terms = None
        if not options["no_glossary"]:
            matcher = current_matcher()
            terms = lambda text, language: [  # noqa: E731
                match.concept_id for match in matcher.find(text, language)
            ]
        for bead in align(
            english, chinese, chinese_language=chinese_language, terms=terms
        ):
            self.stdout.write(json.dumps(bead.as_dict()))

    def _sentences(self, path: Path, language: str, options) -> list[str]:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError("%s: %s" % (path, error.strerror)) from error
        if options["sentences"]:
            try:
                text = decode_text(data)
            except FormatError as error:
                raise CommandError("%s: %s" % (path, error)) from error
            return [line.strip() for line in text.splitlines() if line.strip()]
        try:
            parsed = read_source(data, path.name, None)
            return [plain(s.source) for s in sentences_of(parsed, language, path.name)]
        except ImportRefused as error:
            raise CommandError("%s: %s" % (path, error.problem)) from error
