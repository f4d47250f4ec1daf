"""Pages start background jobs here, and learn where a finished one leads.

``start_from_page`` starts a job for a page and sends the browser to the
job's page (its progress bar), or back with one line when the same work is
already under way. ``destination`` is where a finished job's work is seen:
the job's page follows it on success when started with ``then``.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from jobs.models import Job, Kind
from jobs.running import JobRefused, start_job


def start_from_page(
    request, *, kind: str, back: str, arguments: dict, upload=None, follow=True
):
    """Start a job for a page; redirect to its progress, or ``back`` if refused."""
    try:
        job = start_job(
            kind=kind,
            user=request.user,
            arguments=arguments,
            file_name=upload.name if upload is not None else "",
            pieces=upload.chunks() if upload is not None else None,
        )
    except JobRefused as refused:
        earlier = refused.args[0]
        if upload is not None:
            message = _(
                "%(name)s: you are already working on this file (job %(job)d); "
                "wait for it to finish."
            ) % {"name": upload.name, "job": earlier.pk}
        else:
            message = _(
                "This is already under way (job %(job)d); wait for it to finish."
            ) % {"job": earlier.pk}
        messages.error(request, message)
        return redirect(back)
    url = reverse("job", args=[job.pk])
    return redirect(url + "?then=1" if follow else url)


def destination(job: Job) -> str | None:
    """Where the work of a succeeded job is seen, if anywhere."""
    result = job.result or {}
    document = result.get("document")
    if job.kind in (Kind.IMPORT_DOCUMENT, Kind.NEW_VERSION) and document:
        return reverse("document-detail", args=[document])
    if job.kind in (Kind.PRETRANSLATE, Kind.DERIVE) and document:
        return "%s?language=%s" % (
            reverse("document-detail", args=[document]),
            result["language"],
        )
    if job.kind in (Kind.IMPORT_MEMORY, Kind.REINDEX_MEMORY):
        return reverse("memory")
    if job.kind == Kind.ALIGN:
        made = result.get("alignments") or []
        if len(made) == 1:
            return reverse("alignment", args=[made[0]])
        return reverse("alignments")
    if job.kind == Kind.IMPORT_GLOSSARY and not result.get("dry_run"):
        return reverse("glossary:list")
    return None
