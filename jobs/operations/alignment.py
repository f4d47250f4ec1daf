"""A batch of published releases aligned as a job: a zip of NAME.en.EXT and
NAME.zh.EXT files, each release kept as an alignment to review (and, when
asked, committed into the memory at once)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from exchange.aligning import BatchRefused, pair_up, read_batch_file, zip_files
from exchange.alignments import commit, create_from_files
from exchange.importing import ImportRefused
from formats import FormatError
from jobs.models import Job
from jobs.operations.base import Operation, read_input
from jobs.progress import Progress


def align_batch(job: Job, progress: Progress) -> dict:
    arguments = job.arguments
    chinese_language = arguments["chinese_language"]
    review_below = arguments.get("review_below", 0.5)
    progress.start(total=job.file_size, phase=gettext_noop("Reading the file"))
    pairs, unpaired = pair_up(zip_files(read_input(job, progress), job.file_name))
    if not pairs:
        raise BatchRefused(
            _("%(name)s: no release in it has both a NAME.en and a NAME.zh file")
            % {"name": job.file_name}
        )
    progress.start(total=len(pairs), phase=gettext_noop("Aligning the releases"))
    result = {"releases": 0, "beads": 0, "low_confidence": 0, "alignments": []}
    if arguments.get("commit"):
        result.update(stored=0, added=0, merged=0)
    for name, english_file, chinese_file in pairs:
        english_name, english_data = read_batch_file(english_file)
        chinese_name, chinese_data = read_batch_file(chinese_file)
        try:
            alignment = create_from_files(
                english_data=english_data,
                english_name=english_name,
                chinese_data=chinese_data,
                chinese_name=chinese_name,
                chinese_language=chinese_language,
                user=job.started_by,
                name=name,
            )
        except ImportRefused as refused:
            # the member's name, not only the zip's, says which file it is
            raise BatchRefused(str(refused)) from refused
        except FormatError as error:
            raise BatchRefused("%s: %s" % (name, error.localized())) from error
        beads = alignment.bead_list()
        result["releases"] += 1
        result["beads"] += len(beads)
        result["low_confidence"] += sum(b.confidence < review_below for b in beads)
        result["alignments"].append(alignment.pk)
        if arguments.get("commit"):
            counts = commit(
                alignment, user=job.started_by, expected_version=alignment.version
            )
            for key in ("stored", "added", "merged"):
                result[key] += counts[key]
        progress.advance(1)
    result["unpaired"] = unpaired
    return result


def describe(job: Job) -> str:
    result = job.result or {}
    return ngettext(
        "%(releases)d release aligned into %(beads)d beads, %(low)d of them to check.",
        "%(releases)d releases aligned into %(beads)d beads, %(low)d of them to check.",
        result.get("releases", 0),
    ) % {
        "releases": result.get("releases", 0),
        "beads": result.get("beads", 0),
        "low": result.get("low_confidence", 0),
    }


ALIGN = Operation(run=align_batch, describe=describe)
