from django.core.management.base import BaseCommand

from core.commands import language as command_language
from core.commands import write_chunks
from memory.store import memory_language
from memory.tmx import export_tmx


class Command(BaseCommand):
    help = (
        "Write the translation memory as TMX 1.4b, streamed; with both languages "
        "given, only that pair (entries stored the other way round included)."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True)
        parser.add_argument("--source-language")
        parser.add_argument("--target-language")

    def handle(self, *args, **options):
        source, target = (
            command_language(code, memory_language) if code else None
            for code in (options["source_language"], options["target_language"])
        )
        write_chunks(export_tmx(source, target), options["output"])
