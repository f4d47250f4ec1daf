"""What many tests share: where things are, and running manage.py as a script.

Everything a test reads lives in this repository: ``tests/data`` (files from
other projects, each folder with a MANIFEST of origins and licences) and
``seeds/``.
"""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"

#: The project's own packages, as ``pip install .`` finds them.
PACKAGES = tuple(
    name.rstrip("*")
    for name in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"][
        "setuptools"
    ]["packages"]["find"]["include"]
    if not name.endswith(".*")
)

TRANSLATORS, REVIEWERS, MANAGERS = "translators", "reviewers", "managers"


def manage_script(tmp_path, *args: str, migrate: bool = False, stdin: str = ""):
    """Run manage.py as a script would, on a SQLite file of its own."""
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": "sqlite:///" + str(tmp_path / "db.sqlite3"),
    }
    command = [sys.executable, str(ROOT / "manage.py")]
    if migrate:
        subprocess.run([*command, "migrate", "-v", "0"], env=env, cwd=ROOT, check=True)
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        input=stdin,
    )
