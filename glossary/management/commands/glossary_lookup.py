import json
import sys

from django.core.management.base import BaseCommand, CommandError

from core.commands import language as command_language
from glossary.lookup import lookup


class Command(BaseCommand):
    help = "Find approved glossary terms in the text on stdin; print JSON lines."

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, help="language of the text")

    def handle(self, *args, **options):
        language = command_language(options["language"])
        data = sys.stdin.buffer.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CommandError(
                "stdin: the text is not UTF-8 (byte %d)" % error.start
            ) from error
        for hit in lookup(text, language):
            self.stdout.write(json.dumps(hit.as_dict(), ensure_ascii=False))
