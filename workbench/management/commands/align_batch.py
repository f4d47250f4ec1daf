import json
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from tqdm import tqdm

from core.commands import language as command_language
from exchange.aligning import align_texts, commit_alignment, sentences_of_file
from exchange.importing import ImportRefused
from formats import FormatError

#: What names the two versions of a release: NAME.en.EXT and NAME.zh.EXT.
SIDES = {"en": "en", "zh": "zh"}
#: Files of a zip read at most (a zip bomb is refused, naming the member).
MAX_MEMBER_BYTES = 50 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Align a batch of published releases: a folder or a zip holding "
        "NAME.en.EXT and NAME.zh.EXT for each release (any document format "
        "import_document reads). With --commit, every release's two-sided "
        "beads go into the memory, all or nothing. Prints one JSON line per "
        "release (name, beads, one_sided, low_confidence, and with --commit "
        "the memory counts), then a JSON line of totals; a name with only one "
        "version is listed in the totals' unpaired."
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

    def handle(self, *args, **options):
        chinese_language = command_language(options["chinese_language"])
        files = self._files(Path(options["path"]))
        names = sorted({name for name, _side in files})
        pairs = [n for n in names if (n, "en") in files and (n, "zh") in files]
        unpaired = [n for n in names if n not in pairs]
        totals = {"releases": 0, "beads": 0, "stored": 0, "added": 0, "merged": 0}
        lines = []
        try:
            with transaction.atomic():
                for name in tqdm(pairs, desc="align", unit="release", disable=None):
                    english = self._sentences(files[(name, "en")], "en")
                    chinese = self._sentences(files[(name, "zh")], chinese_language)
                    beads = align_texts(
                        english, chinese, chinese_language=chinese_language
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
        """(name, side) -> (file name, bytes) of every NAME.en.EXT / NAME.zh.EXT."""
        found = {}

        def take(file_name: str, read) -> None:
            parts = Path(file_name).name.split(".")
            if len(parts) >= 3 and parts[-2] in SIDES:
                found[(".".join(parts[:-2]), parts[-2])] = (file_name, read)

        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file():
                    take(child.name, child.read_bytes)
        elif zipfile.is_zipfile(path):
            try:
                archive = zipfile.ZipFile(path)
            except (OSError, zipfile.BadZipFile) as error:
                raise CommandError("%s: %s" % (path, error)) from error
            for member in archive.infolist():
                if member.is_dir():
                    continue
                if member.file_size > MAX_MEMBER_BYTES:
                    raise CommandError(
                        "%s: %s unpacks to more than %d MB"
                        % (path, member.filename, MAX_MEMBER_BYTES // 2**20)
                    )
                take(member.filename, lambda m=member: _read_member(archive, m))
        elif path.exists():
            raise CommandError("%s: neither a folder nor a zip file" % path)
        else:
            raise CommandError("%s: No such file or directory" % path)
        return found

    def _sentences(self, entry, language: str) -> list[str]:
        file_name, read = entry
        try:
            return sentences_of_file(read(), Path(file_name).name, language)
        except ImportRefused as error:
            raise CommandError("%s: %s" % (file_name, error.problem)) from error
        except FormatError as error:
            raise CommandError("%s: %s" % (file_name, error)) from error
        except (OSError, zipfile.BadZipFile) as error:
            raise CommandError("%s: %s" % (file_name, error)) from error


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """A member's bytes, read no further than its declared size allows."""
    with archive.open(member) as handle:
        data = handle.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise OSError("unpacks to more than %d MB" % (MAX_MEMBER_BYTES // 2**20))
    return data
