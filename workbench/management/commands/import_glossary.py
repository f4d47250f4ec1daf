import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from formats import FormatError
from glossary.importing import MERGE_RULES, import_concepts, read_file
from glossary.models import Approval
from jobs.commands import add_background, queue
from jobs.models import Kind


class Command(BaseCommand):
    help = (
        "Import a glossary from CSV (one column per language code, source,target "
        "or no header with --source-language/--target-language) or TBX; print "
        "JSON counts. With --background, a worker imports it as a job and the "
        "job's id is printed alone on the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--approval",
            choices=Approval.values,
            default=Approval.APPROVED,
            help="status of terms whose approval the file does not give",
        )
        parser.add_argument(
            "--id-scope",
            help="where the file's concept ids belong (default: the file's name); "
            "ids match only within their scope",
        )
        parser.add_argument(
            "--merge-on",
            choices=MERGE_RULES,
            default="term",
            help="join a concept of another file: term (a shared term, same "
            "domain, no conflicting term; the default), id (the same id in "
            "another scope) or none; the rest is reported as possible duplicates",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="print what would be created, merged and reported; write nothing",
        )
        parser.add_argument("--source-language", help="of a source,target CSV")
        parser.add_argument("--target-language", help="of a source,target CSV")
        add_background(parser)

    def handle(self, *args, **options):
        path = Path(options["path"])
        if options["background"]:
            queue(
                self,
                kind=Kind.IMPORT_GLOSSARY,
                path=path,
                arguments={
                    "approval": options["approval"],
                    "id_scope": options["id_scope"] or "",
                    "merge_on": options["merge_on"],
                    "dry_run": options["dry_run"],
                    "source_language": options["source_language"] or "",
                    "target_language": options["target_language"] or "",
                },
            )
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError("%s: %s" % (path, error.strerror)) from error
        try:
            units = read_file(
                data,
                path.name,
                source_language=options["source_language"],
                target_language=options["target_language"],
            )
        except FormatError as error:
            raise CommandError("%s: %s" % (path, error)) from error
        scope = path.name if options["id_scope"] is None else options["id_scope"]
        with tqdm(
            total=len(units), desc=path.name, unit="concept", disable=None
        ) as bar:
            counts = import_concepts(
                units,
                default_approval=options["approval"],
                scope=scope,
                merge_on=options["merge_on"],
                dry_run=options["dry_run"],
                progress=bar.update,
            )
        self.stdout.write(json.dumps(counts, ensure_ascii=False))
