"""Shared fixtures: users per role and the seed documents."""

import subprocess
import sys
from pathlib import Path

import pytest

TRANSLATORS, REVIEWERS, MANAGERS = "translators", "reviewers", "managers"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def _user(django_user_model, name: str, role: str | None):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(name, password="pw-" + name)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def translator(db, django_user_model):
    return _user(django_user_model, "tina", TRANSLATORS)


@pytest.fixture
def reviewer(db, django_user_model):
    return _user(django_user_model, "rita", REVIEWERS)


@pytest.fixture
def manager(db, django_user_model):
    return _user(django_user_model, "mona", MANAGERS)


@pytest.fixture
def nobody(db, django_user_model):
    """A signed-in user with no role at all."""
    return _user(django_user_model, "nick", None)


@pytest.fixture
def seed_press_release(db):
    from workbench.importing import import_document

    data = (SEEDS / "000_a73269a67c9f1785.txt").read_bytes()
    return import_document(
        data=data, filename="000_a73269a67c9f1785.txt", source_language="en"
    )


@pytest.fixture(autouse=True)
def english_by_default():
    """Start every test in English: a page request may leave Chinese active."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def fresh_memory_caches():
    """The memory index's per-process caches must not carry over between tests."""
    from workbench import memory_index

    memory_index.clear_caches()


def manage_script(tmp_path, *args: str, migrate: bool = False):
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
        [*command, *args], capture_output=True, text=True, env=env, cwd=ROOT
    )
