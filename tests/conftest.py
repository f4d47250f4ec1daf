"""Shared fixtures: users per role and the seed documents."""

import pytest

from tests.support import MANAGERS, REVIEWERS, SEEDS, TRANSLATORS


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
    from exchange.importing import import_document

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
    from memory import index as memory_index

    memory_index.clear_caches()


@pytest.fixture
def jobs_run_at_once(monkeypatch):
    """Jobs started inside a test's transaction run at once, as if committed.

    The test client's requests never commit (each test is rolled back), so a
    job a page starts would stay queued; with this fixture it runs when its
    commit would have queued it, on the immediate backend of the tests.
    """
    from jobs import running

    monkeypatch.setattr(running, "_enqueue_on_commit", running._enqueue)
