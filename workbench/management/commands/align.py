import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from core.commands import language as command_language
from exchange.aligning import (
    Release,
    align_texts,
    both_paragraphs,
    commit_alignment,
    read_release,
)
from exchange.importing import ImportRefused
from formats import FormatError


class Command(BaseCommand):
    help = (
        "Align an English file with its Chinese version, sentence by sentence. "
        "Prints one JSON line per bead: source and target (the sentences of "
        "each side, counted from 0; an empty list for a sentence one version "
        "does not have) and confidence (0 to 1). With --commit, the two-sided "
        "beads go into the memory as approved pairs (origin: --origin, else "
        "the English file's name), and a last JSON line gives the counts."
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
            "--no-memory",
            action="store_true",
            help="do not take the pairs the memory holds as evidence",
        )
        parser.add_argument(
            "--commit",
            action="store_true",
            help="store the two-sided beads in the memory",
        )
        parser.add_argument(
            "--min-confidence",
            type=float,
            default=0.0,
            help="with --commit, leave out beads less sure than this (0 to 1)",
        )
        parser.add_argument("--origin", help="with --commit, the origin the pairs keep")
        parser.add_argument(
            "--json",
            action="store_true",
            help="JSON lines (the default; kept for scripts that ask for it)",
        )

    def handle(self, *args, **options):
        if not 0 <= options["min_confidence"] <= 1:
            raise CommandError("--min-confidence is from 0 to 1")
        chinese_language = command_language(options["chinese_language"])
        paths = Path(options["english"]), Path(options["chinese"])
        english_release = self._read(paths[0], "en", options)
        chinese_release = self._read(paths[1], chinese_language, options)
        english, chinese = english_release.sentences, chinese_release.sentences
        beads = align_texts(
            english,
            chinese,
            chinese_language=chinese_language,
            glossary=not options["no_glossary"],
            memory=not options["no_memory"],
            paragraphs=both_paragraphs(english_release, chinese_release),
        )
        for bead in beads:
            self.stdout.write(json.dumps(bead.as_dict()))
        if options["commit"]:
            try:
                with transaction.atomic():
                    counts = commit_alignment(
                        english,
                        chinese,
                        beads,
                        chinese_language=chinese_language,
                        origin=options["origin"] or paths[0].name,
                        min_confidence=options["min_confidence"],
                    )
            except DatabaseError as error:
                raise CommandError(
                    "the memory could not be saved: %s" % error
                ) from error
            self.stdout.write(json.dumps(counts))

    def _read(self, path: Path, language: str, options) -> Release:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError("%s: %s" % (path, error.strerror)) from error
        try:
            return read_release(data, path.name, language, lines=options["sentences"])
        except ImportRefused as error:
            raise CommandError("%s: %s" % (path, error.problem)) from error
        except FormatError as error:
            raise CommandError("%s: %s" % (path, error)) from error
