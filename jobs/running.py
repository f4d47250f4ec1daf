"""Start, run, cancel and watch jobs.

- ``start_job`` records a queued ``Job`` (with its file stored) and
  enqueues the one task ``run`` once the record is committed, on
  whatever backend ``TASKS`` names: the database (``db_worker``) by
  default, Redis (``rqworker``) to scale out, immediate in tests.
- ``run_job`` is what a worker does: mark the job running, run its
  operation in one transaction with a heartbeat, and record the result, the
  error line or the cancel. A job that raises leaves nothing written.
- ``cancel_job`` cancels a queued job at once and asks a running one to
  stop at its next progress report (its transaction is rolled back).
- ``reap_lost`` marks failed the running jobs whose worker died (killed,
  the host lost): their heartbeat is older than ``JOB_STALE_SECONDS``. Nothing of
  them was kept, as their transaction never committed. They are not re-run
  on their own: ``retry_job`` queues a failed or cancelled job again.
"""

import logging
import os
import socket

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from django_tasks import task

from formats import FormatError
from jobs import progress as live
from jobs.files import discard, store
from jobs.models import FINISHED, Job, JobChunk, State
from jobs.operations import OPERATIONS, REFUSALS

log = logging.getLogger(__name__)

#: This process, as a job that it runs records it: host and process id.
WORKER = "%s:%d" % (socket.gethostname(), os.getpid())

WORKER_STOPPED = gettext_noop(
    "The worker running this job stopped; nothing of it was kept. "
    "Retry it to run it again."
)


class JobRefused(Exception):
    """A job that is not started: the same work is already queued or running.

    Its argument is that earlier job.
    """


def start_job(
    *,
    kind: str,
    user=None,
    arguments: dict | None = None,
    file_name: str = "",
    pieces=None,
) -> Job:
    """Record a job, store its file (``pieces`` of bytes), and queue it.

    The same work (same kind and arguments, and the same file by its
    checksum) started by the same user while an earlier one is queued or
    running is refused with ``JobRefused``. The job's messages are in the
    language active now (the page's, or the settings' for a command).
    """
    with transaction.atomic():
        job = Job.objects.create(
            kind=kind,
            started_by=user if user and user.pk else None,
            arguments=arguments or {},
            file_name=file_name[:255],
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        if pieces is not None:
            job.file_size, job.file_checksum = store(job, pieces)
            job.save(update_fields=["file_size", "file_checksum"])
        twin = _twin(job)
        if twin is not None:
            transaction.set_rollback(True)
            raise JobRefused(twin)
        _enqueue_on_commit(job.pk)
    return job


def _twin(job: Job) -> Job | None:
    """The same user's same work, queued or running, other than ``job``."""
    earlier = Job.objects.filter(
        kind=job.kind,
        file_checksum=job.file_checksum,
        started_by=job.started_by,
        state__in=[State.QUEUED, State.RUNNING],
    ).exclude(pk=job.pk)
    return next((e for e in earlier if e.arguments == job.arguments), None)


@task()
def run(job_id: int) -> str:
    """The one task every job goes through: run job ``job_id`` in a worker."""
    return run_job(job_id)


def _enqueue_on_commit(job_id: int) -> None:
    """Queue the job once its record is committed (a worker must see it)."""
    transaction.on_commit(lambda: _enqueue(job_id))


def _enqueue(job_id: int) -> None:
    result = run.enqueue(job_id)
    Job.objects.filter(pk=job_id, task_id="").update(task_id=str(result.id)[:64])


def run_job(job_id: int) -> str:
    """Run a queued job to its end; return the state it ended in."""
    claimed = Job.objects.filter(pk=job_id, state=State.QUEUED).update(
        state=State.RUNNING, started_at=timezone.now(), worker=WORKER[:100]
    )
    if not claimed:
        return Job.objects.get(pk=job_id).state  # cancelled, or run already
    job = Job.objects.get(pk=job_id)
    report = live.Progress(job.pk)
    state, result, error, values = State.SUCCEEDED, None, "", None
    try:
        with (
            translation.override(job.language or settings.LANGUAGE_CODE),
            report.beating(),
            transaction.atomic(),
        ):
            result = OPERATIONS[job.kind].run(job, report)
    except live.Cancelled:
        state = State.CANCELLED
    except REFUSALS as problem:
        # in the starter's language; ImportRefused names its file apart
        state, error = State.FAILED, getattr(problem, "problem", str(problem))
    except FormatError as problem:
        state, error, values = State.FAILED, problem.message, problem.params
    except DatabaseError as problem:
        log.error("job %s: the database refused the work: %s", job.pk, problem)
        state = State.FAILED
        error, values = gettext_noop("The database could not save the work."), {}
    except Exception:
        log.exception("job %s failed", job.pk)
        state = State.FAILED
        error, values = gettext_noop("The job failed; nothing of it was kept."), {}
    except BaseException:
        # the worker is stopping (SIGTERM, Ctrl+C): the transaction is rolled
        # back; say so on the job, then let the worker stop
        Job.objects.filter(pk=job.pk).update(
            state=State.FAILED,
            error=WORKER_STOPPED,
            error_values={},
            finished_at=timezone.now(),
        )
        live.forget(job.pk)
        raise
    Job.objects.filter(pk=job.pk).update(
        state=state,
        result=result,
        error=error,
        error_values=values,
        done=report.done,
        total=report.total,
        phase=report.phase,
        finished_at=timezone.now(),
    )
    live.forget(job.pk)
    if state == State.SUCCEEDED:
        discard(job, JobChunk.INPUT)  # the work is done: the upload goes
    log.info("job %s %s %s", job.pk, job.kind, state)
    return state


def cancel_job(job: Job) -> Job:
    """Cancel a queued job now; ask a running one to stop (rolled back)."""
    if job.is_finished:
        return job
    cancelled = Job.objects.filter(pk=job.pk, state=State.QUEUED).update(
        state=State.CANCELLED, finished_at=timezone.now(), cancel_requested=True
    )
    if not cancelled:
        Job.objects.filter(pk=job.pk).update(cancel_requested=True)
        live.ask_to_cancel(job.pk)
    job.refresh_from_db()
    return job


def retry_job(job: Job) -> Job:
    """Queue a failed or cancelled job again, with its file, as it was."""
    if job.state not in (State.FAILED, State.CANCELLED):
        return job
    if job.file_size and not job.chunks.filter(role=JobChunk.INPUT).exists():
        return job  # the file is gone: start it anew
    discard(job, JobChunk.OUTPUT)
    Job.objects.filter(pk=job.pk).update(
        state=State.QUEUED,
        error="",
        error_values=None,
        result=None,
        done=0,
        cancel_requested=False,
        started_at=None,
        finished_at=None,
        task_id="",
        worker="",
    )
    live.forget(job.pk)
    _enqueue_on_commit(job.pk)
    job.refresh_from_db()
    return job


def reap_lost() -> int:
    """Mark failed the running jobs whose worker stopped beating; return how many."""
    stale_after = live.stale_after()
    lost = 0
    for job in Job.objects.filter(state=State.RUNNING):
        age = live.seconds_since_beat(job.pk)
        started = (timezone.now() - job.started_at).total_seconds()
        if (age is None and started > stale_after) or (age or 0) > stale_after:
            lost += Job.objects.filter(pk=job.pk, state=State.RUNNING).update(
                state=State.FAILED,
                error=WORKER_STOPPED,
                error_values={},
                finished_at=timezone.now(),
            )
    return lost


def current(job: Job) -> dict:
    """What the pages and ``manage.py jobs`` show of a job now."""
    figures = (None if job.state in FINISHED else live.live(job.pk)) or {}
    done = figures.get("done", job.done)
    total = figures.get("total", job.total)
    return {
        "id": job.pk,
        "kind": job.kind,
        "state": job.state,
        "done": done,
        "total": total,
        "phase": figures.get("phase", job.phase),
        "percent": int(100 * done / total) if total else 0,
        "unit": OPERATIONS[job.kind].unit,
        "result": job.result,
        "error": job.shown_error,
        "worker": job.worker,
        "started_at": job.started_at.isoformat() if job.started_at else None,
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }
