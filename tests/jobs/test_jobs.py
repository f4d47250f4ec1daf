"""Jobs on the immediate backend: run, fail, cancel, refuse a twin, reap, retry."""

import io

from django.core.cache import caches
from django.utils import timezone
from django.utils import translation as i18n

import pytest

from jobs import files, progress
from jobs.models import Job, JobChunk, Kind, State
from jobs.running import (
    JobRefused,
    cancel_job,
    current,
    reap_lost,
    retry_job,
    run_job,
    start_job,
)
from memory.models import MemoryEntry
from memory.tmx import import_tmx
from tests.support import DATA, ROOT

SEED_TMX = ROOT / "seeds" / "memory.tmx"


def pieces(data: bytes, size: int = 1000):
    return (data[i : i + size] for i in range(0, len(data), size))


@pytest.fixture(autouse=True)
def clean_progress():
    caches["jobs"].clear()


def start(data: bytes, name="memory.tmx", user=None, capture=None, **arguments):
    return start_job(
        kind=Kind.IMPORT_MEMORY,
        user=user,
        arguments=arguments,
        file_name=name,
        pieces=pieces(data),
    )


def test_a_tmx_import_job_does_what_the_command_does(
    db, manager, django_capture_on_commit_callbacks
):
    data = SEED_TMX.read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        job = start(data, user=manager)
    job.refresh_from_db()
    assert job.state == State.SUCCEEDED
    assert job.file_size == len(data) and len(job.file_checksum) == 64
    entries = MemoryEntry.objects.count()
    assert entries > 0
    # the same counts as the inline import of the same file, which merges
    again = import_tmx(io.BytesIO(data), origin="memory.tmx").as_dict()
    assert job.result["units"] == again["units"]
    assert job.result["added"] == again["merged"] == entries
    assert (job.done, job.total) == (len(data), len(data))
    assert job.started_at <= job.finished_at
    # the upload is not kept once the work is done
    assert not JobChunk.objects.filter(job=job).exists()
    assert job.task_id


def test_a_bad_file_fails_with_one_line_and_keeps_nothing(
    db, manager, django_capture_on_commit_callbacks
):
    good = SEED_TMX.read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        job = start(good[: len(good) // 2], name="cut.tmx", user=manager)
    job.refresh_from_db()
    assert job.state == State.FAILED
    assert job.result is None
    assert "\n" not in job.shown_error and job.shown_error
    assert MemoryEntry.objects.count() == 0
    with i18n.override("zh-hant"):
        assert job.shown_error != job.error or job.error_values  # translated
    # the file stays for a retry
    assert JobChunk.objects.filter(job=job, role=JobChunk.INPUT).exists()


def test_a_cancelled_running_job_is_rolled_back(
    db, manager, django_capture_on_commit_callbacks
):
    job = Job.objects.create(kind=Kind.IMPORT_MEMORY, started_by=manager)
    job.file_size, job.file_checksum = files.store(job, [SEED_TMX.read_bytes()])
    job.save()
    job.state = State.RUNNING  # as seen by the page while it runs
    progress.ask_to_cancel(job.pk)
    assert run_job(job.pk) == State.CANCELLED
    job.refresh_from_db()
    assert job.state == State.CANCELLED
    assert MemoryEntry.objects.count() == 0


def test_a_queued_job_is_cancelled_at_once_and_never_runs(db, manager):
    job = Job.objects.create(kind=Kind.IMPORT_MEMORY, started_by=manager)
    cancel_job(job)
    job.refresh_from_db()
    assert job.state == State.CANCELLED and job.finished_at
    assert run_job(job.pk) == State.CANCELLED


def test_the_same_file_twice_while_the_first_runs_is_refused(db, manager):
    data = SEED_TMX.read_bytes()
    first = start(data, user=manager)  # queued: no commit, so no worker ran it
    with pytest.raises(JobRefused) as refused:
        start(data, user=manager)
    assert refused.value.args[0] == first
    assert Job.objects.count() == 1
    # another person's, or another file, is not a twin
    other = start(data + b"\n", user=manager)
    assert other.pk != first.pk


def test_a_job_whose_worker_died_is_marked_failed(db, manager):
    job = Job.objects.create(
        kind=Kind.IMPORT_MEMORY,
        started_by=manager,
        state=State.RUNNING,
        started_at=timezone.now() - timezone.timedelta(minutes=5),
    )
    assert reap_lost() == 1
    job.refresh_from_db()
    assert job.state == State.FAILED
    assert "worker" in job.shown_error
    # a job that beats recently is left alone
    alive = Job.objects.create(
        kind=Kind.IMPORT_MEMORY,
        state=State.RUNNING,
        started_at=timezone.now() - timezone.timedelta(minutes=5),
    )
    progress.Progress(alive.pk).start(total=10)
    assert reap_lost() == 0


def test_a_failed_job_runs_again_on_retry(
    db, manager, django_capture_on_commit_callbacks
):
    job = Job.objects.create(
        kind=Kind.IMPORT_MEMORY, started_by=manager, state=State.FAILED
    )
    job.file_size, job.file_checksum = files.store(job, [SEED_TMX.read_bytes()])
    job.save()
    with django_capture_on_commit_callbacks(execute=True):
        retry_job(job)
    job.refresh_from_db()
    assert job.state == State.SUCCEEDED
    assert MemoryEntry.objects.count() > 0


def test_the_stored_file_reads_back_across_chunks(db, monkeypatch):
    monkeypatch.setattr(files, "CHUNK_BYTES", 7)
    job = Job.objects.create(kind=Kind.IMPORT_MEMORY)
    data = bytes(range(256)) * 3
    size, _sum = files.store(job, pieces(data, 5))
    assert size == len(data)
    assert JobChunk.objects.filter(job=job).count() == -(-len(data) // 7)
    with files.open_file(job.pk) as handle:
        assert handle.read(10) + handle.read() == data


def test_progress_reported_while_running_is_what_current_shows(db):
    job = Job.objects.create(kind=Kind.IMPORT_MEMORY, state=State.RUNNING)
    report = progress.Progress(job.pk)
    report.start(total=200, phase="Reading the TMX file")
    report._reported = 0  # let the next report through at once
    report.update(50)
    now = current(job)
    assert (now["done"], now["total"], now["percent"]) == (50, 200, 25)
    assert now["phase"] == "Reading the TMX file"


def test_real_tmx_files_import_as_jobs(db, django_capture_on_commit_callbacks):
    for path in sorted((DATA / "tmx").glob("modernmt_*.tmx")):
        with django_capture_on_commit_callbacks(execute=True):
            job = start(path.read_bytes(), name=path.name)
        job.refresh_from_db()
        assert job.state == State.SUCCEEDED, (path.name, job.shown_error)
        assert job.result["units"] > 0
