"""The REST API under load: a sentence's PATCH and a memory lookup, at 1, 10
and 50 concurrent clients, against gunicorn with two workers on PostgreSQL.

A fresh PostgreSQL database gets the seeds (documents, glossary, memory), a
translator and a token. Each client is a thread with its own keep-alive
connection over loopback that sends a bounded number of requests:
- ``patch``: each client saves its own sentence again and again, each save
  stating the version the previous answer gave (so none is a conflict);
- ``lookup``: each client asks the memory for a sentence of the seed
  documents (fuzzy lookup, five best).

Reported per operation and number of clients: the median and 95th
percentile of the request's time as the client saw it, requests per
second, and how many answers were not a success (expected: none). The
throttle is set out of the way (``API_RATE``): it counts in the database
cache on every request, as in production.

Run: ``.venv/bin/python benchmarks/api.py [--requests 400]`` (requests per
operation and level, shared among the clients). Prints one JSON object.
"""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from databases import ROOT, fresh_database, machine

LEVELS = (1, 10, 50)
SETUP = """
import json
from django.contrib.auth.models import Group, User
from api.tokens import create_token
from documents.models import Segment
from translations.models import Translation
user = User.objects.create_user("bench-translator", password="x")
user.groups.add(Group.objects.get(name="translators"))
rows = list(
    Translation.objects.filter(language="zh-Hant", segment__is_active=True)
    .order_by("pk").values_list("pk", "version")[:60]
)
texts = list(
    Segment.objects.filter(is_active=True, document__source_language="en")
    .order_by("pk").values_list("source", flat=True)[:60]
)
print(json.dumps({"token": create_token(user, "bench")[1], "rows": rows,
                  "texts": texts}))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_level(port: int, setup: dict, operation: str, clients: int, total: int):
    per_client = max(4, total // clients)
    times: list[float] = []
    failures = [0]
    lock = threading.Lock()
    headers = {
        "Authorization": "Bearer " + setup["token"],
        "Content-Type": "application/json",
        "Host": "127.0.0.1",
    }

    def client(k: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        pk, version = setup["rows"][k % len(setup["rows"])]
        mine = []
        bad = 0
        for n in range(per_client):
            if operation == "patch":
                method, path = "PATCH", "/api/v1/translations/%d/" % pk
                body = {"text": "基準測試第%d次" % n, "version": version}
            else:
                method, path = "POST", "/api/v1/memory/lookup/"
                body = {
                    "text": setup["texts"][(k + n) % len(setup["texts"])],
                    "source_language": "en",
                    "target_language": "zh-Hant",
                }
            started = time.perf_counter()
            connection.request(method, path, json.dumps(body), headers)
            answer = connection.getresponse()
            data = answer.read()
            mine.append(time.perf_counter() - started)
            if answer.status != 200:
                bad += 1
            elif operation == "patch":
                version = json.loads(data)["version"]
        connection.close()
        with lock:
            times.extend(mine)
            failures[0] += bad

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {
        "clients": clients,
        "requests": len(times),
        "p50_ms": round(1000 * statistics.median(times), 1),
        "p95_ms": round(1000 * percentile(times, 0.95), 1),
        "requests_per_second": round(len(times) / wall, 1),
        "not_ok": failures[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        url = fresh_database("postgresql", workdir)
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DEBUG": "0",
            "SECRET_KEY": "benchmark-only-not-a-secret",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "API_RATE": "100000000/minute",
            "WORKBENCH_DATA_DIR": str(workdir),
        }
        manage(env, "migrate", "-v", "0")
        manage(env, "createcachetable")
        manage(env, "load_seeds")
        setup = json.loads(manage(env, "shell", "-c", SETUP).strip().splitlines()[-1])
        port = free_port()
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "config.wsgi",
                "--workers",
                "2",
                "--bind",
                "127.0.0.1:%d" % port,
                "--access-logfile",
                "/dev/null",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            # warm both workers (imports, the glossary automaton, the index)
            run_level(port, setup, "lookup", 2, 20)
            results = {
                operation: [
                    run_level(port, setup, operation, clients, options.requests)
                    for clients in LEVELS
                ]
                for operation in ("patch", "lookup")
            }
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        json.dumps(
            {
                "benchmark": "api",
                "machine": machine(),
                "server": "gunicorn, 2 sync workers, PostgreSQL",
                **results,
            }
        )
    )


if __name__ == "__main__":
    main()
