"""Settings from the environment and the production checks."""

import os
import subprocess
import sys

from tests.support import ROOT


def _manage(*args, **env):
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env={**base, **env},
        cwd=ROOT,
    )


def test_check_deploy_is_clean_with_production_values():
    proc = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="x" * 20 + "a-long-random-production-secret-value-1234",
        DEBUG="0",
        ALLOWED_HOSTS="workbench.example.org",
        DATABASE_URL="postgres://wb@db.example.org/workbench",
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout


def test_secret_key_is_required_when_debug_is_off():
    proc = _manage("check", DJANGO_SETTINGS_MODULE="config.settings", DEBUG="0")
    assert proc.returncode != 0
    assert "SECRET_KEY must be set" in proc.stderr


def test_a_fresh_checkout_gets_its_sqlite_database_in_the_data_folder(tmp_path):
    data_dir = tmp_path / "not-yet" / "data"
    proc = _manage(
        "migrate",
        "-v",
        "0",
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="1",
        WORKBENCH_DATA_DIR=str(data_dir),
    )
    assert proc.returncode == 0, proc.stderr
    assert (data_dir / "workbench.sqlite3").exists()


def test_database_url_chooses_the_database():
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'\n"
        "from django.conf import settings\n"
        "print(settings.DATABASES['default']['ENGINE'])"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"DEBUG": "1", "DATABASE_URL": "postgres://u@h/db", "PATH": "/usr/bin"},
    )
    assert proc.stdout.strip() == "django.db.backends.postgresql"


def test_every_log_line_is_printed_once_even_under_debug():
    code = (
        "import logging\n"
        "for name in ('django.request', 'django.security.csrf', 'axes',"
        " 'workbench', 'django.server'):\n"
        "    logging.getLogger(name).warning('event from %s', name)\n"
    )
    for debug in ("1", ""):
        env = {"DEBUG": debug, "SECRET_KEY": "x" * 50}
        proc = _manage("shell", "-c", code, **env)
        assert proc.returncode == 0, proc.stderr
        lines = [line for line in proc.stderr.splitlines() if "event from" in line]
        names = [line.rsplit(" ", 1)[-1] for line in lines]
        assert sorted(names) == sorted(
            [
                "django.request",
                "django.security.csrf",
                "axes",
                "workbench",
                "django.server",
            ]
        ), (debug, lines)
