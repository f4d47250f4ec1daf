"""Which Chinese script a text is in, measured on real text (OpenCC's golden files)."""

from pathlib import Path

import pytest

from conversion.scripts import HANS, HANT, chinese_script, count_scripts

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "opencc" / "golden"
SIMPLIFIED = (GOLDEN / "input" / "us_constitution_zhs.txt").read_text("utf-8")
TRADITIONAL = {
    path.name.split(".")[1]: path.read_text("utf-8")
    for path in sorted((GOLDEN / "output").glob("us_constitution_zhs.*.txt"))
}


def paragraphs(text: str) -> list[str]:
    """Return the paragraphs of a text long enough to judge (20+ characters)."""
    return [part.strip() for part in text.split("\n\n") if len(part.strip()) >= 20]


def test_the_simplified_constitution_is_simplified():
    """The whole Simplified text, and every paragraph of it, reads as zh-Hans."""
    assert chinese_script(SIMPLIFIED) == HANS
    verdicts = {chinese_script(part) for part in paragraphs(SIMPLIFIED)}
    assert HANT not in verdicts
    assert verdicts & {HANS}


@pytest.mark.parametrize("config", sorted(TRADITIONAL))
def test_every_traditional_rendering_is_traditional(config):
    """OpenCC's Taiwan, Hong Kong and plain Traditional outputs read as zh-Hant."""
    text = TRADITIONAL[config]
    assert chinese_script(text) == HANT
    verdicts = {chinese_script(part) for part in paragraphs(text)}
    assert HANS not in verdicts


def test_the_same_sentence_in_both_scripts():
    """One sentence from each file: the verdicts differ, and are right."""
    simplified = "本宪法所授予的全部立法权均属于由参议院和众议院组成的合众国国会。"
    traditional = "本憲法所授予的全部立法權均屬於由參議院和眾議院組成的合眾國國會。"
    assert simplified in SIMPLIFIED and traditional in TRADITIONAL["s2tw"]
    assert chinese_script(simplified) == HANS
    assert chinese_script(traditional) == HANT


@pytest.mark.parametrize(
    "text",
    ["保存", "Save the file", "", "第 一 条", "皇后 台 里 干"],
    ids=["same-in-both", "latin", "empty", "one-counted", "big5-simplified-forms"],
)
def test_too_little_evidence_is_none(text):
    """Characters shared by both scripts (后, 台, 里, 干 among them) decide nothing."""
    assert chinese_script(text) is None


def test_a_mixed_text_has_no_verdict():
    """Half Traditional, half Simplified: no clear majority, so no verdict."""
    text = "打开文件后保存设置" + "開啟檔案後儲存設定"
    counted = count_scripts(text)
    assert counted.traditional and counted.simplified
    assert chinese_script(text) is None


def test_one_character_is_enough_when_asked():
    """A caller with short strings may lower the evidence it needs."""
    assert chinese_script("打开") is None  # one counted character: 开
    assert chinese_script("開", min_evidence=1) == HANT
    assert chinese_script("开", min_evidence=1) == HANS
