"""Background jobs: the list (one's own; all of them for managers), a job's
page with its progress bar, polled once a second, cancel and retry, and
the download of what an export job wrote.

A job started with ``?then=1`` (an import of a document, pre-translation,
derive) leads to where its work is seen once it has succeeded, with its
summary as a message."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from jobs.files import has_file, output_chunks
from jobs.models import Job, JobChunk, State
from jobs.operations import OPERATIONS
from jobs.running import cancel_job, current, reap_lost, retry_job
from workbench.background import destination

JOBS_PER_PAGE = 50


def _sees_all(user) -> bool:
    return user.has_perm("workbench.view_job")


def _job(request, pk: int) -> Job:
    job = get_object_or_404(Job.objects.select_related("started_by"), pk=pk)
    if job.started_by_id != request.user.pk and not _sees_all(request.user):
        raise PermissionDenied(_("This job was started by someone else."))
    return job


@never_cache
def job_list(request):
    reap_lost()
    jobs = Job.objects.select_related("started_by")
    if not _sees_all(request.user):
        jobs = jobs.filter(started_by=request.user)
    page = Paginator(jobs, JOBS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [{"job": job, "now": current(job)} for job in page.object_list]
    return render(
        request,
        "workbench/jobs.html",
        {"page": page, "rows": rows, "all": _sees_all(request.user)},
    )


@never_cache
def job_detail(request, pk: int):
    job = _job(request, pk)
    if not job.is_finished:
        reap_lost()
        job.refresh_from_db()
    summary, leads_to = _summary(job), destination(job)
    if request.GET.get("then") and summary and leads_to:
        messages.success(request, summary)
        if request.htmx:
            return HttpResponse(headers={"HX-Redirect": leads_to})
        return redirect(leads_to)
    context = {
        "job": job,
        "now": current(job),
        "summary": summary,
        "destination": leads_to,
        "output": job.state == State.SUCCEEDED and has_file(job, JobChunk.OUTPUT),
        "then": request.GET.get("then", ""),
        "keep_days": settings.JOB_FILES_DAYS,
    }
    template = "workbench/_job_progress.html" if request.htmx else "workbench/job.html"
    return render(request, template, context)


def job_download(request, pk: int):
    """The file an export job wrote, while it is kept."""
    job = _job(request, pk)
    if job.state != State.SUCCEEDED or not has_file(job, JobChunk.OUTPUT):
        messages.error(
            request,
            _("This job's file is no longer kept; run the export again."),
        )
        return redirect("job", job.pk)
    response = StreamingHttpResponse(
        output_chunks(job),
        content_type=job.result.get("content_type", "application/octet-stream"),
    )
    response["Content-Disposition"] = content_disposition_header(
        True, job.result["file"]
    )
    response["Content-Length"] = str(job.result["bytes"])
    return response


@require_POST
def job_cancel(request, pk: int):
    job = _job(request, pk)
    if job.started_by_id != request.user.pk and not request.user.has_perm(
        "workbench.change_job"
    ):
        raise PermissionDenied(_("Only managers cancel other people's jobs."))
    job = cancel_job(job)
    if not job.is_finished:
        messages.info(request, _("Cancelling: the job stops at its next step."))
    return redirect("job", job.pk)


@require_POST
def job_retry(request, pk: int):
    job = retry_job(_job(request, pk))
    return redirect("job", job.pk)


def _summary(job: Job) -> str:
    """What a finished job did, in a line (its result is the command's JSON)."""
    if job.state != State.SUCCEEDED or not job.result:
        return ""
    return OPERATIONS[job.kind].describe(job)
