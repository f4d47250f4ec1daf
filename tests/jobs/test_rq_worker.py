"""Real RQ workers on a real Redis queue (``TASKS_BACKEND=rq``).

As in the scale-out deployment: the queue and the live progress are in
Redis, the data in PostgreSQL. Two worker processes (``manage.py rqworker
--job-class django_tasks_rq.Job``) share one queue; two imports queued by
a command are taken one each, both succeed, and the progress of a running
job rises, read by another process. The test starts a Redis server of its
own (``redis-server``, installed by ``bin/setup --test``) on a free port,
and makes a PostgreSQL database of its own, so that the SQLite and
PostgreSQL suites running side by side in CI never share a queue. (On
SQLite, which writes one transaction at a time, two workers' imports wait
for each other: one worker is the way there.)
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid

import psycopg
import pytest
import redis

from tests.jobs.test_worker import big_tmx, job, memory_size
from tests.support import ROOT, manage_script, script_env

POSTGRES = os.environ.get("DATABASE_URL", "")
if not POSTGRES.startswith("postgres"):
    POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    """A Redis server of this test's own, stopped at the end."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (bin/setup --test installs it)")
    port = _free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    url = "redis://127.0.0.1:%d/0" % port
    try:
        for _ in range(100):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def postgres_url():
    """A PostgreSQL database of this test's own, dropped at the end."""
    name = "wb_rq_%s" % uuid.uuid4().hex[:12]
    try:
        admin = psycopg.connect(POSTGRES, autocommit=True)
    except psycopg.OperationalError:
        pytest.skip("workers on several hosts share PostgreSQL: none at %s" % POSTGRES)
    with admin:
        admin.execute("CREATE DATABASE %s" % name)
    try:
        yield POSTGRES.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(POSTGRES, autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)


def env_for(tmp_path, url: str, database: str) -> dict:
    return script_env(
        tmp_path, TASKS_BACKEND="rq", REDIS_URL=url, DATABASE_URL=database
    )


def rq_worker(env, name: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "rqworker",
            "default",
            "--job-class",
            "django_tasks_rq.Job",
            "--name",
            name,
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_rq_workers_share_the_queue_and_the_progress_rises(
    tmp_path, redis_url, postgres_url
):
    env = env_for(tmp_path, redis_url, postgres_url)
    files = []
    for n in range(2):
        path = tmp_path / ("part%d.tmx" % n)
        big_tmx(path, 20_000, tag="part %d" % n)  # two different files
        files.append(path)
    first = manage_script(
        tmp_path, "import_memory", str(files[0]), "--background", migrate=True, env=env
    )
    assert first.returncode == 0, first.stderr
    second = manage_script(
        tmp_path, "import_memory", str(files[1]), "--background", env=env
    )
    assert second.returncode == 0, second.stderr
    ids = [int(done.stdout.strip().splitlines()[-1]) for done in (first, second)]
    # the jobs wait in Redis, not in the database's queue
    queued = redis.Redis.from_url(redis_url).llen("rq:queue:default")
    assert queued == 2
    workers = [rq_worker(env, "w%d-%s" % (n, tmp_path.name)) for n in range(2)]
    try:
        seen = {job_id: [] for job_id in ids}
        deadline = time.monotonic() + 300
        states = {}
        while time.monotonic() < deadline:
            for job_id in ids:
                now = job(tmp_path, job_id, env)
                states[job_id] = now
                if now["state"] == "running":
                    seen[job_id].append(now["done"])
            if all(
                s["state"] in ("succeeded", "failed", "cancelled")
                for s in states.values()
            ):
                break
            time.sleep(0.3)
    finally:
        for process in workers:
            process.terminate()
        errors = [process.communicate(timeout=30)[1] for process in workers]
    for job_id, path in zip(ids, files, strict=True):
        now = states[job_id]
        assert now["state"] == "succeeded", (now["error"], "\n".join(errors))
        assert now["done"] == now["total"] == path.stat().st_size
    assert [states[job_id]["result"]["added"] for job_id in ids] == [20_000] * 2
    assert memory_size(tmp_path, env) == 40_000
    # the progress, kept in Redis, rose while a job ran
    assert any(d for values in seen.values() for d in values), seen
    # each worker process took one of the two jobs, from the one queue
    workers_of = {states[job_id]["worker"] for job_id in ids}
    assert len(workers_of) == 2 and all(workers_of), states
