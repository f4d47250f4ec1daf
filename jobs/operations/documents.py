"""Jobs on documents: an import, a new version, pre-translation from the
memory, conversion from the other Chinese script, an export."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from documents.models import Document
from exchange.exporting import CONTENT_TYPES, export_any
from exchange.importing import (
    describe_cut,
    describe_not_kept,
    import_document,
    import_new_version,
)
from jobs.files import store
from jobs.models import Job, JobChunk
from jobs.operations.base import BYTES, Operation, counted, read_input
from jobs.progress import Progress
from translations.deriving import derive, describe_derivation
from translations.pretranslating import pretranslate


def _document(job: Job) -> Document:
    return Document.objects.get(pk=job.arguments["document"])


def import_document_job(job: Job, progress: Progress) -> dict:
    """Import the job's file as a new document (``import_document``)."""
    arguments = job.arguments
    progress.start(total=job.file_size, phase=gettext_noop("Reading the file"))
    data = read_input(job, progress)
    progress.start(
        total=0, phase=gettext_noop("Splitting into sentences and storing them")
    )
    document = import_document(
        data=data,
        filename=job.file_name,
        source_language=arguments["source_language"],
        title=arguments.get("title") or None,
        targets=arguments.get("targets") or None,
        user=job.started_by,
        paragraphs=arguments.get("paragraphs") or "auto",
    )
    return {
        "document": document.pk,
        "title": document.title,
        "sentences": document.segments.count(),
        "not_kept": document.not_kept,
        "sentences_cut": document.sentences_cut,
    }


def new_version(job: Job, progress: Progress) -> dict:
    """Import the job's file as a new version of a document."""
    progress.start(total=job.file_size, phase=gettext_noop("Reading the file"))
    data = read_input(job, progress)
    progress.start(
        total=0, phase=gettext_noop("Matching the sentences with the last version")
    )
    result = import_new_version(
        document=_document(job),
        data=data,
        filename=job.file_name,
        user=job.started_by,
    )
    return result.as_dict()


def pretranslate_job(job: Job, progress: Progress) -> dict:
    """Fill a document's untranslated sentences from the memory."""
    document = _document(job)
    progress.start(
        total=document.segments.active().count(),
        phase=gettext_noop("Looking up each sentence in the memory"),
    )
    counts = pretranslate(
        document=document,
        language=job.arguments["language"],
        threshold=job.arguments["threshold"],
        user=job.started_by,
        progress=progress.advance,
    )
    return {"document": document.pk, "language": job.arguments["language"], **counts}


def derive_job(job: Job, progress: Progress) -> dict:
    """Fill one Chinese script's translations from the other's."""
    document = _document(job)
    progress.start(
        total=document.segments.active().count(),
        phase=gettext_noop("Converting each sentence"),
    )
    counts = derive(
        document=document,
        from_language=job.arguments["from_language"],
        to_language=job.arguments["to_language"],
        user=job.started_by,
        progress=progress.advance,
    )
    return {
        "document": document.pk,
        "from_language": job.arguments["from_language"],
        "language": job.arguments["to_language"],
        **counts,
    }


def export_document(job: Job, progress: Progress) -> dict:
    """Write a document's translation in a format, kept with the job."""
    arguments = job.arguments
    progress.start(total=0, phase=gettext_noop("Writing the file"))
    chunks = export_any(
        _document(job),
        arguments["language"],
        arguments["format"],
        strict=arguments.get("strict", False),
        approved_only=arguments.get("approved_only", False),
    )
    size, _digest = store(job, counted(chunks, progress, len), role=JobChunk.OUTPUT)
    return {
        "document": arguments["document"],
        "file": arguments["output_name"],
        "bytes": size,
        "content_type": CONTENT_TYPES[arguments["format"]],
    }


def _with_account(lines: list[str], result: dict) -> str:
    """The lines, then what the file held that was not kept or was cut."""
    if result.get("not_kept"):
        lines.append(describe_not_kept(result["not_kept"]))
    if result.get("sentences_cut"):
        lines.append(describe_cut(result["sentences_cut"]))
    return " ".join(lines)


def describe_document_import(job: Job) -> str:
    result = job.result
    lines = [
        ngettext(
            "Imported “%(title)s”: %(sentences)d sentence.",
            "Imported “%(title)s”: %(sentences)d sentences.",
            result["sentences"],
        )
        % result
    ]
    return _with_account(lines, result)


def describe_new_version(job: Job) -> str:
    result = job.result
    if not (result["kept"] or result["changed"] or result["added"]):
        return _("The file is the same as the current version.")
    lines = [
        ngettext(
            "Version %(version)d imported: %(kept)d sentence kept, "
            "%(changed)d changed, %(added)d added, %(removed)d removed.",
            "Version %(version)d imported: %(kept)d sentences kept, "
            "%(changed)d changed, %(added)d added, %(removed)d removed.",
            result["kept"],
        )
        % result
    ]
    return _with_account(lines, result)


def describe_pretranslation(job: Job) -> str:
    counts = job.result
    message = (
        ngettext(
            "Filled from the memory as drafts: %(exact)d exact and %(fuzzy)d "
            "fuzzy matches; %(no_match)d sentence without a match; "
            "%(skipped)d already had work in them and were left alone.",
            "Filled from the memory as drafts: %(exact)d exact and %(fuzzy)d "
            "fuzzy matches; %(no_match)d sentences without a match; "
            "%(skipped)d already had work in them and were left alone.",
            counts["no_match"],
        )
        % counts
    )
    if counts["codes_not_placed"]:
        message += (
            " "
            + _(
                "%(codes_not_placed)d filled without their inline codes (the "
                "remembered sentence's codes did not match): place them by hand."
            )
            % counts
        )
    return message


def describe_export(job: Job) -> str:
    return _("%(file)s is ready (%(size)s).") % {
        "file": job.result["file"],
        "size": _size(job.result["bytes"]),
    }


def _size(count: int) -> str:
    return filesizeformat(count)


IMPORT = Operation(
    run=import_document_job, describe=describe_document_import, unit=BYTES
)
NEW_VERSION = Operation(run=new_version, describe=describe_new_version, unit=BYTES)
PRETRANSLATE = Operation(run=pretranslate_job, describe=describe_pretranslation)
DERIVE = Operation(run=derive_job, describe=lambda job: describe_derivation(job.result))
EXPORT = Operation(run=export_document, describe=describe_export, unit=BYTES)
