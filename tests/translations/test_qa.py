"""Quality checks on translated sentences."""

import pytest

from core.inline import CLOSING, OPENING, PLACEHOLDER, code_char
from translations.qa import (
    check_brackets,
    check_codes,
    check_empty,
    check_numbers,
    check_script,
    check_translation,
    check_unchanged,
)


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


# --- empty -----------------------------------------------------------------

SOURCE = "It increases the area from 14.92 square kilometers to 120.56 square km."
TARGET = "面積由14.92平方公里增至120.56平方公里。"


def test_a_blank_translation_of_a_sentence_is_empty():
    for blank in ("", "   ", "\u3000\n"):
        findings = check_empty(SOURCE, blank)
        assert [f.check for f in findings] == ["empty"]


def test_a_translation_or_a_blank_source_is_not_empty():
    assert check_empty(SOURCE, TARGET) == []
    assert check_empty("  ", "") == []


# --- unchanged -------------------------------------------------------------


def test_a_source_copied_into_another_language_is_unchanged():
    findings = check_unchanged(SOURCE, SOURCE + "  ", "en", "zh-Hant")
    assert [f.check for f in findings] == ["unchanged"]
    assert "same as the source" in findings[0].message
    # A proper noun alone is flagged too: 新華社 is its rendering.
    assert check_unchanged("Xinhua", "Xinhua", "en", "zh-Hant") != []


def test_a_translation_numbers_or_the_same_language_are_not_unchanged():
    assert check_unchanged(SOURCE, TARGET, "en", "zh-Hant") == []
    assert check_unchanged("2024-25.", "2024-25.", "en", "zh-Hant") == []
    assert check_unchanged("(1)", "(1)", "en", "zh-Hans") == []
    # Traditional and Simplified often share a sentence character for character.
    assert (
        check_unchanged(
            "前海管理局今日表示。", "前海管理局今日表示。", "zh-Hant", "zh-Hans"
        )
        == []
    )
    assert check_unchanged("Hello.", "Hello.", "en", "en-GB") == []


# --- numbers ---------------------------------------------------------------


def test_the_same_numbers_pass():
    assert check_numbers(SOURCE, TARGET) == []


def test_a_changed_number_names_the_missing_and_the_extra_one():
    target = "面積由14.92平方公里增至12.56平方公里。"
    findings = check_numbers(SOURCE, target)
    assert [f.check for f in findings] == ["numbers"]
    assert findings[0].message == "Numbers differ: missing 120.56; extra 12.56"
    assert target[findings[0].start : findings[0].end] == "12.56"


def test_transposed_digits_are_caught():
    findings = check_numbers("The rate rose to 14.92 per cent.", "比率升至14.29%。")
    assert findings[0].message == "Numbers differ: missing 14.92; extra 14.29"


def test_a_dropped_or_an_added_number_is_named():
    missing = check_numbers("About 1,234 people and 56 vehicles.", "約1,234人。")
    assert missing[0].message == "Numbers differ: missing 56"
    assert (missing[0].start, missing[0].end) == (-1, -1)
    extra = check_numbers("The Chief Executive spoke.", "行政長官在3時發言。")
    assert extra[0].message == "Numbers differ: extra 3"


def test_a_number_stated_once_for_a_repeated_one_agrees():
    # Compared as sets: the Ombudsman's release of 7 August 2025 writes
    # 二○二二至二○二四年 twice where the English says "those years".
    assert (
        check_numbers("Cases rose from 6 to 6 and then 8.", "個案由6宗增至8宗。") == []
    )
    findings = check_numbers("Cases rose from 6 to 8.", "個案由6宗增至9宗。")
    assert findings[0].message == "Numbers differ: missing 8; extra 9"


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("A total of 1,234 people attended.", "共有1234人出席。"),
        ("A total of 1,234,567 people.", "共1234567人。"),
        ("Area: 14.92 square km.", "面積：１４．９２平方公里。"),
        ("It was the 6th meeting of the 21st session.", "這是第21屆第6次會議。"),
        ("The meeting is on February 6, 2024.", "會議於2024年2月6日舉行。"),
        ("The meeting is on 6 Feb 2024.", "會議於2024年2月6日舉行。"),
        ("Unemployment was 3.1 per cent.", "失業率為3.1%。"),
        ("Unemployment was 3.1%.", "失業率為百分之3.1。"),
        ("It starts at 3.30pm on May 6.", "活動於5月6日下午3時30分開始。"),
        ("It starts at 10.30 a.m.", "活動於上午10時30分開始。"),
        ("It starts at 09:30.", "活動於9時30分開始。"),
        ("The project costs HK$1.2 billion.", "項目耗資12億港元。"),
        ("Some 3.5 million visitors came.", "約有350萬名旅客訪港。"),
        ("The area is 14.92 km2.", "面積為14.92平方公里。"),
        ("The price was $14.90.", "價格為14.9元。"),
        ("May I thank the 3 speakers.", "我感謝3位講者。"),
    ],
)
def test_the_same_numbers_written_differently_pass(source, target):
    assert check_numbers(source, target) == []


def test_a_wrong_month_or_scale_is_caught():
    assert check_numbers("It opens on February 6.", "將於3月6日開幕。") != []
    assert check_numbers("It costs HK$1.2 billion.", "耗資1.2億港元。") != []


def test_chinese_numerals_are_read():
    assert check_numbers("It has 14 members.", "它有十四名成員。") == []
    assert check_numbers("Three members spoke.", "三名成員發言。") == []
    findings = check_numbers("It has 14 members.", "它有十五名成員。")
    assert findings[0].message == "Numbers differ: missing 14; extra 十五"


@pytest.mark.parametrize(
    "source, target",
    [
        ("on March 25 at 2.30pm", "三月二十五日下午二時三十分"),
        ("on Friday, March 14, 2025", "二○二五年三月十四日（星期五）"),
        ("on Friday, March 14, 2025", "二〇二五年三月十四日（星期五）"),
        ("on March 14", "3月14日"),
        ("on 14/3", "3月14日"),
        ("at 7.30pm", "19時30分"),
        ("at HKT 19:30", "香港時間下午7時30分"),
        ("at 2.30pm", "下午2時半"),
        ("at 2.30pm", "下午二時半"),
        ("at 7pm", "晚上七時"),
        ("HK$3.5 million", "350萬港元"),
        ("$1.2 billion", "港幣十二億元"),
        ("HK$300 million", "三億港元"),
        ("two trillion", "二兆"),
        ("ten thousand people", "一萬人"),
        ("200 people", "兩百人"),
        ("15 per cent", "百分之十五"),
        ("0.5 percentage point", "零點五個百分點"),
        ("for the second time", "第二次"),
        ("1,234 cases", "１２３４宗"),
        ("1005 cases", "一千零五宗"),
        ("some people", "一些市民"),
        ("very important", "十分重要"),
    ],
)
def test_chinese_numbers_agree(source, target):
    assert check_numbers(source, target) == []


@pytest.mark.parametrize(
    "source, target",
    [
        ("on March 25 at 2.30pm", "三月二十六日下午二時三十分"),
        ("on March 25 at 2.30pm", "三月二十五日下午三時三十分"),
        ("on Friday, March 14, 2025", "二○二四年三月十四日（星期五）"),
        ("on Friday, March 14, 2025", "二○二五年三月十四日（星期四）"),
        ("at 7.30pm", "19時45分"),
        ("HK$3.5 million", "360萬港元"),
        ("HK$300 million", "四億港元"),
        ("15 per cent", "百分之十六"),
        ("1,234 cases", "１２３５宗"),
    ],
)
def test_a_changed_chinese_number_is_caught(source, target):
    assert [f.check for f in check_numbers(source, target)] == ["numbers"]


# --- brackets --------------------------------------------------------------


def test_an_unclosed_corner_bracket_is_named():
    findings = check_brackets("他說：「好。")
    assert [f.check for f in findings] == ["brackets"]
    assert "「" in findings[0].message and "」" in findings[0].message
    assert (findings[0].start, findings[0].end) == (3, 4)


@pytest.mark.parametrize(
    "text",
    [
        "他說：「好。」",
        "他說：「我們會『一國兩制』。」",
        "《基本法》第23條（香港）【公告】〈序言〉",
        "Hong Kong’s economy grew.",
        "The citizens’ rights are protected.",
        "He called it ‘Hong Kong’s future’.",
        'He said "yes" (twice) [sic] {x}.',
        "他說“好”。",
    ],
)
def test_balanced_marks_and_apostrophes_pass(text):
    assert check_brackets(text) == []


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("The fund (HK$1 billion will help.", "("),
        ("The fund HK$1 billion) will help.", ")"),
        ("他說：好。」", "」"),
        ("《基本法第23條", "《"),
        ("He called it ‘Hong Kong’s future.", "‘"),
        ('He said "yes.', '"'),
        ("他說“好。", "“"),
        ("（香港）】", "】"),
    ],
)
def test_unbalanced_marks_are_named(text, mark):
    findings = check_brackets(text)
    assert [f.check for f in findings] == ["brackets"]
    assert mark in findings[0].message
    assert text[findings[0].start] == mark


def test_an_imbalance_the_source_shares_is_not_flagged():
    # A quotation over several sentences opens in one and closes in a later one.
    assert check_brackets("他說：「我們會繼續。", 'He said: "We will continue.') == []
    assert check_brackets("我們會繼續。」", "We will continue.”") == []
    assert check_brackets("他說：「我們會繼續。", "He said: We will continue.") != []
    assert check_brackets("他說：（我們會繼續。", 'He said: "We will continue.') != []


# --- everything together ---------------------------------------------------


def run(source, target, language="zh-Hant"):
    return check_translation(
        source=source,
        source_language="en",
        target=target,
        target_language=language,
        with_glossary=False,
    )


def test_check_translation_combines_the_checks_in_a_fixed_order():
    findings = run(SOURCE, "政制及内地事务局：面積由14.92平方公里增至12.56平方公里「。")
    assert [f.check for f in findings] == ["numbers", "brackets", "script"]
    assert "12.56" in findings[0].message
    assert "内、务" in findings[2].message


def test_check_translation_reports_an_empty_translation_alone():
    assert [f.check for f in run(SOURCE, "  ")] == ["empty"]
    assert run("", "") == []


def test_check_translation_of_a_good_translation_is_clean():
    assert run(SOURCE, TARGET) == []
    assert run(SOURCE, "面积由14.92平方公里增至120.56平方公里。", "zh-Hans") == []
    assert [f.check for f in run(SOURCE, SOURCE)] == ["unchanged"]


@pytest.mark.django_db
def test_check_translation_adds_glossary_findings_last(reviewer):
    from glossary.approval import NewTerm, propose_concept

    propose_concept(
        terms=[NewTerm("en", "Chief Executive"), NewTerm("zh-Hant", "行政長官")],
        user=reviewer,
        approve=True,
    )
    source = "The Chief Executive announced 14.92 million."
    findings = check_translation(
        source=source,
        source_language="en",
        target="特首发布1492萬。",
        target_language="zh-Hant",
    )
    assert [f.check for f in findings] == ["script", "glossary"]
    assert "行政長官" in findings[1].message
    good = "行政長官宣布1492萬。"
    assert (
        check_translation(
            source=source, source_language="en", target=good, target_language="zh-Hant"
        )
        == []
    )
    assert (
        check_translation(
            source=source,
            source_language="en",
            target="特首宣布1492萬。",
            target_language="zh-Hant",
            with_glossary=False,
        )
        == []
    )


# --- inline codes ------------------------------------------------------------

B, B_, BR = code_char(1, OPENING), code_char(1, CLOSING), code_char(2, PLACEHOLDER)


def test_codes_may_move_but_must_all_be_there_once():
    source = f"Press {B}Save{B_} now.{BR}"
    assert check_codes(source, f"{BR}請按{B}儲存{B_}") == []
    assert check_codes("No codes.", "沒有。") == []


def test_missing_extra_and_inside_out_codes_are_named_by_token():
    source = f"Press {B}Save{B_} now.{BR}"
    missing = check_codes(source, f"按{B}儲存{B_}。")
    assert [(f.check, f.message) for f in missing] == [
        ("codes", "Codes of the source missing from the translation: ⟨2/⟩")
    ]
    extra = check_codes(source, f"按{B}儲存{B_}{BR}{code_char(3, PLACEHOLDER)}{BR}")
    assert [f.message for f in extra] == [
        "Codes in the translation that the source does not have: ⟨3/⟩ ⟨2/⟩"
    ]
    inside_out = check_codes(source, f"按{B_}儲存{B}。{BR}")
    assert [f.message for f in inside_out] == [
        "Codes that close before they open: ⟨1⟩ ⟨/1⟩"
    ]


def test_check_translation_runs_the_code_check_after_brackets():
    source = f"The area is {B}14.92{B_} km²."
    findings = run(source, "面積為14.92平方公里（。")
    assert [f.check for f in findings] == ["brackets", "codes"]
