"""A generated memory for the lookup tests."""

import random

import pytest

from formats.bilingual.tmx import TmxUnit
from memory.tmx import import_tmx
from tests.memory.samples import english_sentences, tmx


@pytest.fixture
def generated_memory(db):
    """A memory made like a press office's: seed sentences, a few words changed."""
    rng = random.Random(11)
    sentences = english_sentences()
    vocabulary = sorted({w for s in sentences for w in s.split()})
    made: dict[str, str] = {}
    while len(made) < 3000:
        words = rng.choice(sentences).split()
        for _ in range(rng.randint(1, 6)):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        made.setdefault(" ".join(words), "譯文第%d句" % len(made))
    import_tmx(
        tmx(*(TmxUnit({"en": s, "zh-Hant": t}) for s, t in made.items())), origin="gen"
    )
    return made, vocabulary
