import json
import tempfile
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from tqdm import tqdm

from core.commands import language as command_language
from exchange.aligning import (
    BatchRefused,
    Release,
    align_texts,
    both_paragraphs,
    commit_alignment,
    folder_files,
    pair_up,
    read_batch_file,
    read_release,
    zip_files,
)
from exchange.importing import ImportRefused
from formats import FormatError
from jobs.commands import add_background, queue
from jobs.models import Kind


class Command(BaseCommand):
    help = (
        "Align a batch of published releases: a folder or a zip holding "
        "NAME.en.EXT and NAME.zh.EXT for each release (any document format "
        "import_document reads). With --commit, every release's two-sided "
        "beads go into the memory, all or nothing. Prints one JSON line per "
        "release (name, beads, one_sided, low_confidence, and with --commit "
        "the memory counts), then a JSON line of totals; a name with only one "
        "version is listed in the totals' unpaired. With --background, a "
        "worker aligns them as a job, keeping each release as an alignment to "
        "review on the Alignments page (committed too with --commit), and the "
        "job's id is printed alone on the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="a folder or a .zip")
        parser.add_argument("--chinese-language", default="zh-Hant")
        parser.add_argument("--commit", action="store_true")
        parser.add_argument("--min-confidence", type=float, default=0.0)
        parser.add_argument(
            "--review-below",
            type=float,
            default=0.5,
            help="beads under this confidence are counted as low_confidence",
        )
        add_background(parser)

    def handle(self, *args, **options):
        chinese_language = command_language(options["chinese_language"])
        path = Path(options["path"])
        try:
            files = self._files(path)
        except BatchRefused as refused:
            raise CommandError(str(refused)) from refused
        if options["background"]:
            self._queue(path, files, chinese_language, options)
            return
        pairs, unpaired = pair_up(files)
        totals = {"releases": 0, "beads": 0, "stored": 0, "added": 0, "merged": 0}
        lines = []
        try:
            with transaction.atomic():
                for name, english_file, chinese_file in tqdm(
                    pairs, desc="align", unit="release", disable=None
                ):
                    english_release = self._read_release(english_file, "en")
                    chinese_release = self._read_release(chinese_file, chinese_language)
                    english = english_release.sentences
                    chinese = chinese_release.sentences
                    beads = align_texts(
                        english,
                        chinese,
                        chinese_language=chinese_language,
                        paragraphs=both_paragraphs(english_release, chinese_release),
                    )
                    line = {
                        "name": name,
                        "beads": len(beads),
                        "one_sided": sum(not b.source or not b.target for b in beads),
                        "low_confidence": sum(
                            b.confidence < options["review_below"] for b in beads
                        ),
                    }
                    if options["commit"]:
                        counts = commit_alignment(
                            english,
                            chinese,
                            beads,
                            chinese_language=chinese_language,
                            origin=name,
                            min_confidence=options["min_confidence"],
                        )
                        line.update(counts)
                        for key in ("stored", "added", "merged"):
                            totals[key] += counts[key]
                    totals["releases"] += 1
                    totals["beads"] += len(beads)
                    lines.append(line)
        except DatabaseError as error:
            raise CommandError("the memory could not be saved: %s" % error) from error
        for line in lines:
            self.stdout.write(json.dumps(line, ensure_ascii=False))
        totals["unpaired"] = unpaired
        self.stdout.write(json.dumps(totals, ensure_ascii=False))

    def _files(self, path: Path) -> dict:
        if path.is_dir():
            return folder_files(path)
        if zipfile.is_zipfile(path):
            return zip_files(path, str(path))
        if path.exists():
            raise CommandError("%s: neither a folder nor a zip file" % path)
        raise CommandError("%s: No such file or directory" % path)

    def _queue(self, path: Path, files: dict, chinese_language: str, options) -> None:
        arguments = {
            "chinese_language": chinese_language,
            "commit": options["commit"],
            "review_below": options["review_below"],
        }
        if not path.is_dir():
            queue(self, kind=Kind.ALIGN, arguments=arguments, path=path)
            return
        # a folder goes to the worker as a zip of its releases' files
        with tempfile.TemporaryDirectory() as folder:
            packed = Path(folder) / ("%s.zip" % (path.resolve().name or "batch"))
            with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
                for entry in files.values():
                    name, data = self._read(entry)
                    archive.writestr(name, data)
            queue(self, kind=Kind.ALIGN, arguments=arguments, path=packed)

    def _read(self, entry) -> tuple[str, bytes]:
        try:
            return read_batch_file(entry)
        except BatchRefused as refused:
            raise CommandError(str(refused)) from refused

    def _read_release(self, entry, language: str) -> Release:
        file_name, data = self._read(entry)
        try:
            return read_release(data, file_name, language)
        except ImportRefused as error:
            raise CommandError("%s: %s" % (entry[0], error.problem)) from error
        except FormatError as error:
            raise CommandError("%s: %s" % (entry[0], error)) from error
