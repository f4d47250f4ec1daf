import pytest

from core.languages import (
    BARE_CHINESE,
    ScriptNotNamed,
    UnknownLanguage,
    normalise,
    usage,
    variant,
)


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
    """A Chinese tag must name its script, or a region that implies one."""
    with pytest.raises(UnknownLanguage):
        normalise(raw)


def test_a_bare_zh_names_no_script_and_is_refused_unless_asked_for():
    """zh is Chinese without a script: people must say which; files get measured."""
    with pytest.raises(ScriptNotNamed):
        normalise("zh")
    with pytest.raises(UnknownLanguage):  # ScriptNotNamed is one
        normalise("ZH")
    assert normalise("zh", bare_chinese=True) == BARE_CHINESE == "zh"
    assert normalise("zh-TW", bare_chinese=True) == "zh-Hant"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("en_gb", "en-GB"),
        ("EN-us", "en-US"),
        ("zh-tw", "zh-TW"),
        ("zh_hant_hk", "zh-Hant-HK"),
        ("ZH", "zh"),
        ("sr-latn-rs", "sr-Latn-RS"),
        ("es-419", "es-419"),
    ],
)
def test_a_variant_keeps_every_subtag_in_canonical_case(raw, expected):
    assert variant(raw) == expected


@pytest.mark.parametrize("raw", ["", "zh-XX", "zh-yue", "en-$$", "中文", "en-ÄÄ"])
def test_a_variant_refuses_what_normalise_refuses(raw):
    with pytest.raises(UnknownLanguage):
        variant(raw)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("zh-Hant", ("zh-Hant", "HK")),  # the workbench's Traditional
        ("zh-HK", ("zh-Hant", "HK")),
        ("zh-Hant-HK", ("zh-Hant", "HK")),
        ("zh-TW", ("zh-Hant", "TW")),
        ("zh-Hans", ("zh-Hans", "CN")),
        ("zh-SG", ("zh-Hans", "SG")),
        ("zh", ("zh", "")),
        ("en", ("en", "")),
        ("en-GB", ("en", "GB")),
        ("sr-Latn-RS", ("sr-Latn", "RS")),
        ("es-419", ("es", "419")),
    ],
)
def test_usage_says_where_a_tag_is_used(raw, expected):
    assert usage(raw) == expected
