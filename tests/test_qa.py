"""Quality checks on translated sentences."""

from workbench.qa import check_script


def test_simplified_characters_in_traditional_are_named():
    findings = check_script("政制及内地事务局局長今日發言", "zh-Hant")
    assert [f.check for f in findings] == ["script"]
    assert "内、务" in findings[0].message


def test_traditional_characters_in_simplified_are_named():
    findings = check_script("政制及內地事务局局长今日发言", "zh-Hans")
    assert "內" in findings[0].message


def test_characters_both_scripts_use_are_not_flagged():
    # 范 (a surname), 后, 干, 里 and 台 are written in both; 着 in Hong Kong.
    assert check_script("范徐麗泰之后，干事在台里着手工作", "zh-Hant") == []
    assert check_script("范徐丽泰之后，干事在台里着手工作", "zh-Hans") == []


def test_clean_text_and_other_languages_pass():
    assert check_script("前海管理局今日表示。", "zh-Hant") == []
    assert check_script("前海管理局今日表示。", "zh-Hans") == []
    assert check_script("发展 國家", "en") == []
