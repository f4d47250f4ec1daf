"""The two queues of background jobs against each other: the database's
(``TASKS_BACKEND=database``, ``db_worker``) and Redis's through RQ
(``TASKS_BACKEND=rq``, ``rqworker``).

On a fresh PostgreSQL database each time, with the seed memory loaded: N
small jobs (TMX exports of the seed memory, each to its own file name) are
queued by one process while two worker processes of the backend run, and
the script waits until every job has finished. It reports the wall time
from the first enqueue to the last job's end, and the wait of each job
between being queued and being started (median and 95th percentile):
what a user waits before the progress bar moves.

Run: ``.venv/bin/python benchmarks/queues.py [--jobs 40]`` (needs
``redis-server`` on the PATH: it starts one of its own on a free port).
Prints one JSON object.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from databases import ROOT, fresh_database, machine

WORKER = {
    "database": ["db_worker", "--interval", "0.1", "--no-startup-delay"],
    "rq": ["rqworker", "default", "--job-class", "django_tasks_rq.Job"],
}
QUEUE = (
    "import time\n"
    "from jobs.models import Kind\n"
    "from jobs.running import start_job\n"
    "started = time.time()\n"
    "for n in range(%d):\n"
    "    start_job(\n"
    "        kind=Kind.EXPORT_MEMORY, arguments={'output_name': 'm%%d.tmx' %% n}\n"
    "    )\n"
    "print(started)\n"
)
DONE = (
    "import json\n"
    "from jobs.models import Job\n"
    "rows = Job.objects.values_list('state', 'created_at', 'started_at', "
    "'finished_at')\n"
    "print(json.dumps([[s, c.timestamp(), a and a.timestamp(), f and "
    "f.timestamp()] for s, c, a, f in rows]))\n"
)


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure(backend: str, jobs: int, workdir: Path, redis_url: str) -> dict:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DATABASE_URL": fresh_database("postgresql", workdir),
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-not-a-secret",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "TASKS_BACKEND": backend,
        "WORKBENCH_DATA_DIR": str(workdir),
        "REDIS_URL": redis_url if backend == "rq" else "",
    }
    manage(env, "migrate", "-v", "0")
    manage(env, "import_memory", str(ROOT / "seeds" / "memory.tmx"))
    workers = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), *WORKER[backend]],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    try:
        time.sleep(3)  # both workers up and waiting
        first = float(manage(env, "shell", "-c", QUEUE % jobs).split()[-1])
        while True:
            rows = json.loads(manage(env, "shell", "-c", DONE).splitlines()[-1])
            if all(state in ("succeeded", "failed") for state, *_ in rows):
                break
            time.sleep(0.5)
    finally:
        for process in workers:
            process.terminate()
            process.wait(timeout=60)
    assert all(state == "succeeded" for state, *_ in rows), rows
    waits = sorted(started - created for _, created, started, _ in rows)
    return {
        "jobs": len(rows),
        "wall_s": round(max(finished for *_, finished in rows) - first, 2),
        "wait_median_s": round(statistics.median(waits), 3),
        "wait_p95_s": round(waits[int(0.95 * (len(waits) - 1))], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=40)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="queues-bench-") as tmp:
        workdir = Path(tmp)
        port = free_port()
        server = subprocess.Popen(
            ["redis-server", "--port", str(port), "--save", ""],
            cwd=workdir,
            stdout=subprocess.DEVNULL,
        )
        try:
            time.sleep(1)
            url = "redis://127.0.0.1:%d/0" % port
            figures = {
                backend: measure(backend, options.jobs, workdir, url)
                for backend in ("database", "rq")
            }
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        json.dumps(
            {
                "benchmark": "queues",
                "machine": machine(),
                "database": "postgresql",
                "workers": 2,
                **figures,
                "rq_wall_vs_database": round(
                    figures["rq"]["wall_s"] / figures["database"]["wall_s"], 2
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
