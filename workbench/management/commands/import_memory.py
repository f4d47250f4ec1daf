import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from tqdm import tqdm

from core.commands import language as command_language
from formats import FormatError
from jobs.commands import add_background, queue
from jobs.models import Kind
from jobs.progress import ReadCounter
from memory.store import memory_language
from memory.tmx import import_tmx


class Command(BaseCommand):
    help = (
        "Import a TMX file (1.1 to 1.4) into the translation memory, streamed; "
        "prints JSON counts: units, entries added and merged, units skipped, "
        "what was not kept by reason (not_kept) and how bare zh variants were "
        "filed by their script (bare_chinese). Nothing is imported from a file "
        "that cannot be read. With --background, a worker imports it as a job "
        "and the job's id is printed alone on the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--source-language",
            help="import only this language paired with --target-language",
        )
        parser.add_argument("--target-language")
        add_background(parser)

    def handle(self, *args, **options):
        path = Path(options["path"])
        pair = [options["source_language"], options["target_language"]]
        if any(pair) and not all(pair):
            raise CommandError(
                "give both --source-language and --target-language, or neither"
            )
        if all(pair):
            pair = [command_language(code, memory_language) for code in pair]
        else:
            pair = [None, None]
        if options["background"]:
            arguments = {}
            if all(pair):
                arguments = {"source_language": pair[0], "target_language": pair[1]}
            queue(self, kind=Kind.IMPORT_MEMORY, arguments=arguments, path=path)
            return
        try:
            handle = path.open("rb")
            size = path.stat().st_size
        except OSError as error:
            raise CommandError("%s: %s" % (path, error.strerror)) from error
        try:
            with (
                handle,
                tqdm(
                    total=size, desc=path.name, unit="B", unit_scale=True, disable=None
                ) as bar,
            ):
                counts = import_tmx(
                    ReadCounter(handle, bar.update),
                    origin=path.name,
                    source_language=pair[0],
                    target_language=pair[1],
                )
        except FormatError as error:
            raise CommandError("%s: %s" % (path, error)) from error
        except OSError as error:
            raise CommandError("%s: %s" % (path, error.strerror)) from error
        except DatabaseError as error:
            raise CommandError(
                "%s: the memory could not be saved: %s" % (path, error)
            ) from error
        self.stdout.write(json.dumps(counts.as_dict()))
