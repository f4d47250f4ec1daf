"""What the database benchmarks share: a fresh database, Django set up on it.

Each benchmark runs one database per process (Django is set up once per
process), on a throw-away SQLite file or a PostgreSQL database dropped and
created anew (``BENCH_POSTGRES_URL``).
"""

import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
POSTGRES = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/workbench_bench"
)


def setup_django(database_url: str) -> None:
    """Set Django up on ``database_url``, DEBUG off as in production.

    With DEBUG on, Django keeps every query, which skews time and memory.
    """
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()


def fresh_database(kind: str, workdir: Path) -> str:
    """The URL of an empty database: a SQLite file in ``workdir``, or PostgreSQL."""
    if kind == "sqlite":
        return "sqlite:///%s" % (workdir / "bench.sqlite3")
    import psycopg

    base, _, name = POSTGRES.rpartition("/")
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "%s"' % name)
        conn.execute('CREATE DATABASE "%s"' % name)
    return POSTGRES


def machine() -> str:
    """The machine a figure was measured on."""
    return "%s, %d cores, Python %s" % (
        platform.machine(),
        os.cpu_count(),
        platform.python_version(),
    )
