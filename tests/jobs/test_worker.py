"""A real worker process (``manage.py db_worker``) on the database queue.

Each test runs manage.py as scripts do, on a SQLite file of its own: one
process queues the job (``import_memory --background``), a worker process
runs it, and ``manage.py jobs`` reports it. One test watches the progress
rise; one kills the worker with SIGKILL in the middle of an import and
checks that the memory is as it was and the job is marked failed.
"""

import json
import os
import signal
import subprocess
import sys
import time

from formats.bilingual.tmx import TmxUnit, write_tus
from tests.support import ROOT, manage_script, script_env


def big_tmx(path, units: int, tag: str = "the test") -> None:
    """A TMX of ``units`` distinct English–Chinese units (``tag`` in each)."""
    with open(path, "wb") as handle:
        for chunk in write_tus(
            (
                TmxUnit(
                    {
                        "en": "Sentence number %d of %s." % (n, tag),
                        "zh-Hant": "%s第%d句。" % (tag, n),
                    }
                )
                for n in range(units)
            ),
            source_language="en",
        ):
            handle.write(chunk)


def env_for(tmp_path, **extra):
    return script_env(
        tmp_path,
        TASKS_BACKEND="database",
        WORKBENCH_JOB_PROGRESS=str(tmp_path / "progress"),
        **extra,
    )


def queue(tmp_path, path, env) -> int:
    done = manage_script(
        tmp_path, "import_memory", str(path), "--background", migrate=True, env=env
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.strip().splitlines()[-1])


def job(tmp_path, job_id: int, env) -> dict:
    done = manage_script(tmp_path, "jobs", str(job_id), env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def memory_size(tmp_path, env) -> int:
    done = manage_script(
        tmp_path,
        "shell",
        "-c",
        "from memory.models import MemoryEntry; print(MemoryEntry.objects.count())",
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.strip().splitlines()[-1])


def worker(env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "db_worker", "--interval", "0.2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_worker_process_runs_the_job_and_the_progress_rises(tmp_path):
    env = env_for(tmp_path)
    path = tmp_path / "big.tmx"
    big_tmx(path, 30_000)
    job_id = queue(tmp_path, path, env)
    assert job(tmp_path, job_id, env)["state"] == "queued"
    process = worker(env)
    try:
        seen = []
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            now = job(tmp_path, job_id, env)
            if now["state"] == "running":
                seen.append(now["done"])
            if now["state"] in ("succeeded", "failed", "cancelled"):
                break
            time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert now["state"] == "succeeded", now
    assert now["result"]["units"] == 30_000 and now["result"]["added"] == 30_000
    assert now["done"] == now["total"] == path.stat().st_size
    rising = [d for d in seen if 0 < d < now["total"]]
    assert len(set(rising)) >= 2, seen  # the bar moved while it ran
    assert rising == sorted(rising)
    assert memory_size(tmp_path, env) == 30_000
    # and what the job imported is found by a lookup
    found = manage_script(
        tmp_path,
        "memory_lookup",
        "--source-language",
        "en",
        "--target-language",
        "zh-Hant",
        stdin="Sentence number 29999 of the test.\n",
        env=env,
    )
    assert found.returncode == 0, found.stderr
    best = json.loads(found.stdout.splitlines()[0])
    assert "the test第29999句。" in json.dumps(best, ensure_ascii=False)


def test_a_worker_killed_mid_import_leaves_the_memory_as_it_was(tmp_path):
    env = env_for(tmp_path, JOB_STALE_SECONDS="3")
    path = tmp_path / "big.tmx"
    big_tmx(path, 60_000)
    job_id = queue(tmp_path, path, env)
    process = worker(env)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            now = job(tmp_path, job_id, env)
            if now["state"] == "running" and now["done"] > 0:
                break
            time.sleep(0.2)
        assert now["state"] == "running", now
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    time.sleep(4)  # longer than JOB_STALE_SECONDS: the heartbeat is stale
    now = job(tmp_path, job_id, env)
    assert now["state"] == "failed"
    assert "worker" in now["error"]
    assert memory_size(tmp_path, env) == 0
