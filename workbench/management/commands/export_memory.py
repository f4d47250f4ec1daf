from pathlib import Path

from django.core.management.base import BaseCommand

from core.commands import language as command_language
from core.commands import write_chunks
from jobs.commands import add_background, queue
from jobs.models import Kind
from memory.store import memory_language
from memory.tmx import export_tmx


class Command(BaseCommand):
    help = (
        "Write the translation memory as TMX 1.4b, streamed; with both languages "
        "given, only that pair (entries stored the other way round included)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            help="file to write; with --background, the name of the file the "
            "job keeps for download (manage.py job_output)",
        )
        parser.add_argument("--source-language")
        parser.add_argument("--target-language")
        add_background(parser)

    def handle(self, *args, **options):
        source, target = (
            command_language(code, memory_language) if code else None
            for code in (options["source_language"], options["target_language"])
        )
        if options["background"]:
            queue(
                self,
                kind=Kind.EXPORT_MEMORY,
                arguments={
                    "source_language": source,
                    "target_language": target,
                    "output_name": Path(options["output"]).name,
                },
            )
            return
        write_chunks(export_tmx(source, target), options["output"])
