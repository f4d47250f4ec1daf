"""Background jobs: the list (one's own; all of them for managers), a job's
page with its progress bar, polled once a second, and cancel and retry."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from jobs.models import Job, Kind
from jobs.running import cancel_job, current, reap_lost, retry_job
from memory.tmx import describe_import

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
    context = {"job": job, "now": current(job), "summary": _summary(job)}
    template = "workbench/_job_progress.html" if request.htmx else "workbench/job.html"
    return render(request, template, context)


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
    if job.state != "succeeded" or not job.result:
        return ""
    if job.kind == Kind.IMPORT_MEMORY:
        return describe_import(job.file_name, job.result)
    return ""
