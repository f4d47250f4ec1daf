"""TMX imports into the memory as background jobs, against the command.

On a fresh database each time (PostgreSQL by default), with real processes:

1. ``manage.py import_memory FILE`` imports a file of N units inline (timed
   inside the process, as the job is);
2. ``manage.py import_memory FILE --background`` queues it and one worker
   (``manage.py db_worker --batch``) imports it: the job's own time (its
   ``started_at`` to ``finished_at``) and the worker's peak memory;
3. two files of N different units are queued and two workers import them
   at once: each job's time, against the single job's of step 2
   (PostgreSQL only: SQLite writes one transaction at a time).

Run: ``.venv/bin/python benchmarks/jobs.py [--units 200000]
[--database postgresql|sqlite]``. Prints one JSON object.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from databases import ROOT, fresh_database, machine

sys.path.insert(0, str(ROOT))


def write_tmx(path: Path, units: int, tag: str) -> None:
    """A TMX 1.4 file of ``units`` distinct English–Chinese units."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
            'creationtool="bench" creationtoolversion="1" segtype="sentence" '
            'o-tmf="bench" adminlang="en" srclang="en" datatype="plaintext"/><body>\n'
        )
        for n in range(units):
            out.write(
                '<tu><tuv xml:lang="en"><seg>%s unit %d of the vendor\'s memory, '
                'on the harbour\'s %d works.</seg></tuv><tuv xml:lang="zh-Hant">'
                "<seg>%s 供應商記憶第%d段，海港第%d項工程。</seg></tuv></tu>\n"
                % (tag, n, n % 97, tag, n, n % 97)
            )
        out.write("</body></tmx>\n")


def manage(env: dict, *args: str, check: bool = True) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if check and done.returncode:
        raise SystemExit(done.stderr)
    return done.stdout


def environment(database_url: str, workdir: Path) -> dict:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-not-a-secret",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "TASKS_BACKEND": "database",
        "WORKBENCH_DATA_DIR": str(workdir),
    }


def fresh(kind: str, workdir: Path) -> dict:
    for name in ("bench.sqlite3", "bench.sqlite3-wal", "bench.sqlite3-shm"):
        (workdir / name).unlink(missing_ok=True)
    env = environment(fresh_database(kind, workdir), workdir)
    manage(env, "migrate", "-v", "0")
    return env


def job_seconds(env: dict, job_id: int) -> float:
    line = json.loads(manage(env, "jobs", str(job_id)))
    assert line["state"] == "succeeded", line
    started = datetime.datetime.fromisoformat(line["started_at"])
    finished = datetime.datetime.fromisoformat(line["finished_at"])
    return (finished - started).total_seconds()


def queue(env: dict, path: Path) -> int:
    return int(manage(env, "import_memory", str(path), "--background").split()[-1])


def workers(env: dict, count: int, workdir: Path) -> list[int]:
    """Run ``count`` workers until the queue is empty; their peak memory (KB).

    Each worker runs under GNU time, which writes the peak resident memory
    of that one process to a file (``resource``'s figure for children would
    mix in the processes run before it).
    """
    peaks = [workdir / ("peak-%d" % n) for n in range(count)]
    processes = [
        subprocess.Popen(
            [
                "/usr/bin/time",
                "-f",
                "%M",
                "-o",
                str(peak),
                sys.executable,
                str(ROOT / "manage.py"),
                "db_worker",
                "--batch",
                "--interval",
                "0.1",
                "--no-startup-delay",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for peak in peaks
    ]
    for process in processes:
        process.wait()
    return [int(peak.read_text().split()[-1]) for peak in peaks]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=200_000)
    parser.add_argument("--database", default="postgresql")
    options = parser.parse_args()
    units = options.units
    with tempfile.TemporaryDirectory(prefix="jobs-bench-") as tmp:
        workdir = Path(tmp)
        one, two = workdir / "a.tmx", workdir / "b.tmx"
        write_tmx(one, units, "A")
        write_tmx(two, units, "B")
        file_mb = round(one.stat().st_size / 2**20, 1)

        env = fresh(options.database, workdir)
        command = float(
            manage(
                env,
                "shell",
                "-c",
                "import io, time\n"
                "from django.core.management import call_command\n"
                "started = time.perf_counter()\n"
                "call_command('import_memory', %r, stdout=io.StringIO())\n"
                "print(time.perf_counter() - started)" % str(one),
            ).split()[-1]
        )

        env = fresh(options.database, workdir)
        job = queue(env, one)
        (peak_kb,) = workers(env, 1, workdir)
        alone = job_seconds(env, job)

        together = []
        if options.database != "sqlite":  # SQLite writes one at a time
            env = fresh(options.database, workdir)
            jobs = [queue(env, one), queue(env, two)]
            workers(env, 2, workdir)
            together = [job_seconds(env, j) for j in jobs]

    print(
        json.dumps(
            {
                "database": options.database,
                "units": units,
                "file_mb": file_mb,
                "command_s": round(command, 1),
                "command_units_per_s": round(units / command),
                "job_s": round(alone, 1),
                "job_units_per_s": round(units / alone),
                "worker_peak_mb": round(peak_kb / 1024),
                "two_workers_job_s": [round(t, 1) for t in together],
                # the first of two jobs at once, against the job alone; the
                # second's time includes waiting for the first's merge lock
                "first_of_two_slowdown": (
                    round(min(together) / alone - 1, 3) if together else None
                ),
                "both_of_two_s": round(max(together), 1) if together else None,
                "machine": machine(),
            }
        )
    )


if __name__ == "__main__":
    main()
