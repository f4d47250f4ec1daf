"""Word and character diffs between two versions of a translation."""

from django.utils.safestring import SafeString

import pytest

from core.diffing import diff_html, diff_ops, tokenise


def rebuilt(ops):
    old = "".join(text for tag, text in ops if tag != "insert")
    new = "".join(text for tag, text in ops if tag != "delete")
    return old, new


def test_english_is_compared_word_by_word():
    old = "The Chief Executive will attend the ceremony tomorrow."
    new = "The Chief Secretary will attend the reception tomorrow."
    assert diff_ops(old, new, "en") == [
        ("equal", "The Chief "),
        ("delete", "Executive"),
        ("insert", "Secretary"),
        ("equal", " will attend the "),
        ("delete", "ceremony"),
        ("insert", "reception"),
        ("equal", " tomorrow."),
    ]


def test_neighbouring_changes_merge_into_one_run():
    old = "It increases the area from 14.92 square kilometers."
    new = "It enlarges a zone from 14.92 square kilometres!"
    assert diff_ops(old, new, "en") == [
        ("equal", "It "),
        ("delete", "increases the area"),
        ("insert", "enlarges a zone"),
        ("equal", " from 14.92 square "),
        ("delete", "kilometers."),
        ("insert", "kilometres!"),
    ]
    assert diff_html(old, new, "en") == (
        "It <del>increases the area</del><ins>enlarges a zone</ins> from 14.92 "
        "square <del>kilometers.</del><ins>kilometres!</ins>"
    )


def test_a_changed_word_is_not_split_into_letters():
    ops = diff_ops("Hong Kong's economy grows.", "Hong Kong's economy grew.", "en")
    assert ("delete", "grows") in ops and ("insert", "grew") in ops


def test_chinese_is_compared_character_by_character():
    old = "行政長官今日出席會議。"
    new = "行政長官昨日出席了會議。"
    assert diff_ops(old, new, "zh-Hant") == [
        ("equal", "行政長官"),
        ("delete", "今"),
        ("insert", "昨"),
        ("equal", "日出席"),
        ("insert", "了"),
        ("equal", "會議。"),
    ]
    assert diff_html(old, new, "zh-Hant") == (
        "行政長官<del>今</del><ins>昨</ins>日出席<ins>了</ins>會議。"
    )


def test_japanese_and_korean_are_compared_per_character():
    assert tokenise("東京都", "ja") == ["東", "京", "都"]
    assert tokenise("서울 시", "ko") == ["서", "울", " ", "시"]
    assert tokenise("Hong Kong's 行政長官 2024.", "en") == [
        "Hong",
        " ",
        "Kong's",
        " ",
        "行",
        "政",
        "長",
        "官",
        " ",
        "2024",
        ".",
    ]


@pytest.mark.parametrize(
    ("old", "new", "language"),
    [
        ("", "A new sentence.", "en"),
        ("An old sentence.", "", "en"),
        ("", "", "en"),
        ("Same text.", "Same text.", "en"),
        ("a b c d e f", "f e d c b a", "en"),
        ("面積由14.92平方公里增至120.56平方公里。", "面积增至12.56平方公里", "zh-Hans"),
        ("Two  spaces\nand a line.", "Two spaces and\na line!", "fr"),
    ],
)
def test_the_runs_rebuild_both_texts(old, new, language):
    ops = diff_ops(old, new, language)
    assert rebuilt(ops) == (old, new)
    assert all(text for _tag, text in ops)
    # No two neighbouring runs of the same kind.
    assert all(a[0] != b[0] for a, b in zip(ops, ops[1:], strict=False))


def test_unchanged_and_empty_texts():
    assert diff_ops("", "", "en") == []
    assert diff_ops("Same.", "Same.", "en") == [("equal", "Same.")]
    assert diff_html("", "New.", "en") == "<ins>New.</ins>"
    assert diff_html("Old.", "", "zh-Hant") == "<del>Old.</del>"


def test_markup_in_the_texts_is_escaped():
    html = diff_html(
        "Press <b>release</b> & notes",
        "Press <b>release</b> <script>alert('x')</script> & notes",
        "en",
    )
    assert isinstance(html, SafeString)
    assert "<script>" not in html and "<b>" not in html
    assert html.startswith("Press &lt;b&gt;release&lt;/b&gt; <ins>&lt;script&gt;")
    assert "&amp; notes" in html
    assert "&#x27;x&#x27;" in html
    stripped = html.replace("<del>", "").replace("</del>", "")
    stripped = stripped.replace("<ins>", "").replace("</ins>", "")
    assert "<" not in stripped


def test_markup_in_unchanged_chinese_text_is_escaped():
    html = diff_html("<i>行政長官</i>", "<i>行政長官</i>。", "zh-Hant")
    assert html == "&lt;i&gt;行政長官&lt;/i&gt;<ins>。</ins>"
