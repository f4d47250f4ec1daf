"""Memory test material: TMX bytes, pairs, and sentences from real text."""

import random
from io import BytesIO

from documents.segmentation import split_sentences
from formats.bilingual.tmx import TmxUnit, write_tus
from formats.textdecoding import decode_text
from memory.models import MemorySource
from memory.store import Pair
from tests.support import DATA, SEEDS


def tmx(*units: TmxUnit, source_language: str = "en") -> BytesIO:
    return BytesIO(b"".join(write_tus(units, source_language=source_language)))


def pair(source: str, target: str, **extra) -> Pair:
    values = {
        "source_language": "en",
        "target_language": "zh-Hant",
        "source_kind": MemorySource.IMPORT,
        "origin": "test",
    }
    values.update(extra)
    return Pair(source=source, target=target, **values)


def english_sentences() -> list[str]:
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            sentences += [
                s for s in split_sentences(block.strip(), "en") if len(s.split()) >= 6
            ]
    return sentences


def chinese_sentences() -> list[str]:
    raw = (DATA / "documents" / "us_constitution_zhs.gb18030.txt").read_bytes()
    text = decode_text(raw)
    sentences = []
    for block in text.split("\n"):
        sentences += [
            s for s in split_sentences(block.strip(), "zh-Hans") if len(s) >= 12
        ]
    return list(dict.fromkeys(sentences))


def one_word_off(sentence: str, rng: random.Random, words: list[str]) -> str:
    parts = sentence.split()
    index = rng.randrange(1, len(parts) - 1)
    replacement = rng.choice([w for w in words if w != parts[index]])
    parts[index] = replacement
    return " ".join(parts)
