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


def script_env(tmp_path, **extra: str) -> dict:
    """The environment of a manage.py run as a script, on its own SQLite file."""
    return {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": "sqlite:///" + str(tmp_path / "db.sqlite3"),
        **extra,
    }


def manage_script(
    tmp_path, *args: str, migrate: bool = False, stdin: str = "", env=None
):
    """Run manage.py as a script would, on a SQLite file of its own."""
    env = env or script_env(tmp_path)
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


def run_concurrently(*calls, timeout: float = 300) -> None:
    """Run each call in a thread of its own, each with its own connection.

    Fails the test with every exception a call raised.
    """
    import threading

    from django.db import connections

    errors = []

    def run(call):
        try:
            call()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert errors == []


def saved_meanwhile(monkeypatch, module, *, text: str, user, which=None) -> list:
    """Make someone save ``text`` just before ``module`` writes a translation.

    ``module.change_translation`` is wrapped: before the first write whose
    translation ``which`` picks (any, by default), ``user`` saves ``text``
    at the version that write was based on, as a person racing it would.
    Returns the list that receives the raced translation's id.
    """
    real = module.change_translation
    raced: list = []

    def racing(**kwargs):
        translation = kwargs["translation"]
        if not raced and (which is None or which(translation)):
            raced.append(translation.pk)
            real(
                translation=translation,
                text=text,
                status="translated",
                user=user,
                expected_version=translation.version,
            )
        return real(**kwargs)

    monkeypatch.setattr(module, "change_translation", racing)
    return raced
