"""Jobs from the browser's side and the command line."""

import io
import json
import re

from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from jobs import files
from jobs.models import Job, State
from memory.models import MemoryEntry
from tests.support import ROOT

SEED_TMX = ROOT / "seeds" / "memory.tmx"


def with_name(data: bytes, name: str):
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def test_a_tmx_upload_becomes_a_job_whose_page_shows_the_result(
    client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    page = client.get(reverse("memory")).content.decode()
    token = re.search(r'name="once" value="([^"]+)"', page)[1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("memory-import"),
            {"file": with_name(SEED_TMX.read_bytes(), "memory.tmx"), "once": token},
        )
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("job", args=[job.pk])
    assert job.state == State.SUCCEEDED and job.started_by == manager
    html = client.get(response["Location"]).content.decode()
    assert "memory.tmx: 7 units read" in html
    assert MemoryEntry.objects.exists()
    # polled by htmx: the fragment alone, no polling once finished
    fragment = client.get(response["Location"], HTTP_HX_REQUEST="true").content
    assert b"<html" not in fragment and b"every 1s" not in fragment


def test_a_running_jobs_fragment_polls_every_second(client, manager):
    job = Job.objects.create(kind="import_memory", started_by=manager)
    client.force_login(manager)
    fragment = client.get(
        reverse("job", args=[job.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "<progress" in fragment


def test_jobs_list_shows_ones_own_and_managers_see_all(
    client, manager, translator, reviewer
):
    mine = Job.objects.create(kind="import_memory", started_by=translator)
    theirs = Job.objects.create(kind="import_memory", started_by=reviewer)
    client.force_login(translator)
    page = client.get(reverse("jobs")).content.decode()
    assert 'id="job-%d"' % mine.pk in page and 'id="job-%d"' % theirs.pk not in page
    assert client.get(reverse("job", args=[theirs.pk])).status_code == 403
    assert client.post(reverse("job-cancel", args=[theirs.pk])).status_code == 403
    client.force_login(manager)
    page = client.get(reverse("jobs")).content.decode()
    assert 'id="job-%d"' % mine.pk in page and 'id="job-%d"' % theirs.pk in page
    client.post(reverse("job-cancel", args=[theirs.pk]))
    theirs.refresh_from_db()
    assert theirs.state == State.CANCELLED


def test_a_twin_upload_is_refused_with_a_message(client, manager):
    client.force_login(manager)
    data = SEED_TMX.read_bytes()
    for _ in range(2):  # no commit in the test: the first stays queued
        page = client.get(reverse("memory")).content.decode()
        token = re.search(r'name="once" value="([^"]+)"', page)[1]
        response = client.post(
            reverse("memory-import"),
            {"file": with_name(data, "memory.tmx"), "once": token},
            follow=True,
        )
    assert "you are already working on this file" in response.content.decode()
    assert Job.objects.count() == 1


def test_the_command_queues_a_job_and_jobs_prints_it(
    db, tmp_path, django_capture_on_commit_callbacks
):
    path = tmp_path / "memory.tmx"
    path.write_bytes(SEED_TMX.read_bytes())
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_memory", str(path), "--background", stdout=out)
    job_id = int(out.getvalue().strip().splitlines()[-1])
    out = io.StringIO()
    call_command("jobs", str(job_id), stdout=out)
    line = json.loads(out.getvalue())
    assert line["id"] == job_id and line["state"] == "succeeded"
    assert line["kind"] == "import_memory" and line["result"]["units"] == 7
    assert set(line) == {
        "id",
        "kind",
        "state",
        "done",
        "total",
        "unit",
        "phase",
        "worker",
        "result",
        "error",
        "started_at",
        "finished_at",
    }


def test_job_cancel_and_unknown_ids(db):
    job = Job.objects.create(kind="import_memory")
    out = io.StringIO()
    call_command("job_cancel", str(job.pk), stdout=out)
    assert json.loads(out.getvalue())["state"] == "cancelled"
    with pytest.raises(CommandError, match="no such job"):
        call_command("job_cancel", "999999")
    with pytest.raises(CommandError, match="no such job"):
        call_command("jobs", "999999")


def test_prune_jobs_deletes_old_files_of_finished_jobs_only(db):
    old = Job.objects.create(
        kind="import_memory",
        state=State.FAILED,
        finished_at=timezone.now() - timezone.timedelta(days=8),
    )
    recent = Job.objects.create(
        kind="import_memory", state=State.FAILED, finished_at=timezone.now()
    )
    queued = Job.objects.create(kind="import_memory")
    for job in (old, recent, queued):
        files.store(job, [b"<tmx/>"])
    out = io.StringIO()
    call_command("prune_jobs", stdout=out)
    assert json.loads(out.getvalue()) == {"files": 1, "chunks": 1}
    assert not old.chunks.exists()
    assert recent.chunks.exists() and queued.chunks.exists()
