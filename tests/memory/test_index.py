"""The candidate index: lookups use it, and flush empties it."""

import random

import pytest

from memory import index as memory_index
from memory import lookup as memory
from memory.models import MemoryEntry
from memory.store import store
from tests.memory.samples import (
    one_word_off,
    pair,
)


def test_candidates_come_from_the_index_not_a_scan(generated_memory, monkeypatch):
    made, vocabulary = generated_memory
    fetched = []
    real = memory_index.candidates

    def spy(**kwargs):
        rows = real(**kwargs)
        fetched.append(len(rows))
        return rows

    monkeypatch.setattr(memory_index, "candidates", spy)
    original = sorted(made)[100]
    query = one_word_off(original, random.Random(1), vocabulary)
    assert memory.lookup(query, "en", "zh-Hant")[0].source == original
    assert sum(fetched) < len(made) / 5


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_index_too() -> None:
    from django.core.management import call_command

    store([pair("Before the flush.", "清空之前。")])
    call_command("flush", interactive=False, verbosity=0)
    assert not MemoryEntry.objects.exists()
    store([pair("After the flush.", "清空之後。")])
    assert [m.target for m in memory.lookup("After the flush!", "en", "zh-Hant")] == [
        "清空之後。"
    ]
    assert memory.concordance("flush", "en", "zh-Hant")[0].target == "清空之後。"
