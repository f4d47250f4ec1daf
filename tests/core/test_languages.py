import pytest

from core.languages import UnknownLanguage, normalise


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("zh-HK", "zh-Hant"),
        ("zh-TW", "zh-Hant"),
        ("zh_TW", "zh-Hant"),
        ("zh-hant", "zh-Hant"),
        ("zh-Hant-HK", "zh-Hant"),
        ("zh-CN", "zh-Hans"),
        ("zh_CN", "zh-Hans"),
        ("ZH-cn", "zh-Hans"),
        ("zh-SG", "zh-Hans"),
        ("zh-hans", "zh-Hans"),
        ("zh", "zh-Hans"),
        ("EN", "en"),
        ("en_us", "en-US"),
        ("pt_br", "pt-BR"),
        ("sr-latn", "sr-Latn"),
    ],
)
def test_outside_codes_become_canonical_bcp47(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw", ["", "  ", "1234", "e", "en-$$", "toolongprimary"])
def test_malformed_codes_are_refused(raw):
    with pytest.raises(UnknownLanguage):
        normalise(raw)


@pytest.mark.parametrize(
    "raw", ["zh-\x00Hant", "zh-Hant\x00", "zh-XX", "zh-yue", "zh-Ha nt", "zh\x00"]
)
def test_a_chinese_tag_naming_no_script_is_refused_not_guessed(raw):
    """Only a bare zh means Simplified; anything else must name its script."""
    with pytest.raises(UnknownLanguage):
        normalise(raw)
