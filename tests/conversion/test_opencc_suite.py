"""OpenCC's own test suite, run through our Converter without glossary.

``Converter(config)`` with no glossary and no overrides is what
``convert_chinese --no-glossary`` does: OpenCC with protected spans kept. It
must give exactly what OpenCC's suite expects, for every case and every
configuration, and for OpenCC's golden files.

The data is OpenCC's (Apache-2.0, BYVoid/OpenCC @ 5249273a), copied into
``tests/data/opencc`` (see its MANIFEST).
"""

import json
import re

import pytest

from conversion.configs import CONFIGS
from conversion.engine import Converter
from tests.support import DATA

OPENCC_DATA = DATA / "opencc"
TESTCASES = OPENCC_DATA / "testcases.json"
GOLDEN = OPENCC_DATA / "golden"
GOLDEN_CONFIGS = ("s2t", "s2hk", "s2hkp", "s2tw", "s2twp")

#: What OpenCC's suite holds at that commit.
EXPECTED_PAIRS = 543
EXPECTED_CASES = 232
EXPECTED_CONFIGS = 16


def load_cases() -> list[dict]:
    """Return the suite's cases; the file has JSON5-style trailing commas."""
    text = TESTCASES.read_text(encoding="utf-8")
    return json.loads(re.sub(r",(\s*[}\]])", r"\1", text))["cases"]


CASES = load_cases()
PAIRS = [
    pytest.param(config, case["input"], expected, id=f"{case['id']}-{config}")
    for case in CASES
    for config, expected in case["expected"].items()
]


def test_suite_has_543_case_config_pairs_over_232_cases_and_16_configs():
    configs = {config for case in CASES for config in case["expected"]}
    assert len(PAIRS) == EXPECTED_PAIRS
    assert len(CASES) == EXPECTED_CASES
    assert len(configs) == EXPECTED_CONFIGS
    assert configs == set(CONFIGS)


@pytest.mark.parametrize(("config", "text", "expected"), PAIRS)
def test_converter_without_glossary_gives_opencc_expected_output(
    config, text, expected
):
    assert Converter(config).convert(text) == expected


def test_golden_input_is_the_text_of_the_golden_files():
    """Guard the golden comparison: a real text, ending with one newline."""
    text = (GOLDEN / "input" / "us_constitution_zhs.txt").read_text(encoding="utf-8")
    assert len(text) > 7000
    assert text.endswith("。\n")
    for config in GOLDEN_CONFIGS:
        path = GOLDEN / "output" / f"us_constitution_zhs.{config}.txt"
        assert path.read_text(encoding="utf-8").endswith("\n")


@pytest.mark.parametrize("config", GOLDEN_CONFIGS)
def test_converter_without_glossary_reproduces_golden_file_exactly(config):
    """The whole file, byte for byte: newlines and the final newline included."""
    source = (GOLDEN / "input" / "us_constitution_zhs.txt").read_bytes()
    expected = (GOLDEN / "output" / f"us_constitution_zhs.{config}.txt").read_bytes()
    converted = Converter(config).convert(source.decode("utf-8"))
    assert converted == expected.decode("utf-8")
    assert converted.encode("utf-8") == expected
