import json

from django.core.management.base import BaseCommand

from core.commands import language as command_language
from core.commands import stdin_text
from glossary.lookup import lookup


class Command(BaseCommand):
    help = "Find approved glossary terms in the text on stdin; print JSON lines."

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, help="language of the text")

    def handle(self, *args, **options):
        language = command_language(options["language"])
        text = stdin_text()
        for hit in lookup(text, language):
            self.stdout.write(json.dumps(hit.as_dict(), ensure_ascii=False))
