"""Term recognition in running English and Chinese text."""

import pytest

from glossary.matching import TermEntry, TermMatcher

TERMS = [
    (1, "en", "Secretary for Constitutional and Mainland Affairs"),
    (1, "zh-Hant", "政制及內地事務局局長"),
    (1, "zh-Hans", "政制及内地事务局局长"),
    (2, "en", "Qianhai Authority"),
    (2, "zh-Hant", "前海管理局"),
    (3, "en", "Qianhai Shenzhen-Hong Kong Modern Service Industry Co-operation Zone"),
    (4, "en", "Qianhai Co-operation Zone"),
    (5, "en", "Hong Kong"),
    (6, "en", "Hong Kong's"),
    (7, "zh-Hant", "行政長官"),
    (8, "en", "Chief Executive"),
    (9, "zh-Hans", "范徐丽泰"),
    (10, "en", "GBA"),
    (11, "en", "Invest Hong Kong"),
]


@pytest.fixture(scope="module")
def matcher():
    entries = [
        TermEntry(i, concept, lang, text, case_sensitive=text == "GBA")
        for i, (concept, lang, text) in enumerate(TERMS)
    ]
    return TermMatcher(entries)


def found(matcher, text, language="en"):
    return [(m.text, m.concept_id) for m in matcher.find(text, language)]


def test_longest_match_wins_over_a_shorter_term_inside_it(matcher):
    text = "the Qianhai Shenzhen-Hong Kong Modern Service Industry Co-operation Zone"
    assert found(matcher, text) == [(text[4:], 3)]


def test_spelling_variants_of_hyphen_and_space_match(matcher):
    for variant in (
        "Qianhai Cooperation Zone",
        "Qianhai Co-operation Zone",
        "Qianhai Co operation Zone",
        "Qianhai Co‐operation Zone",
    ):
        assert found(matcher, "In the %s today." % variant) == [(variant, 4)]


def test_case_and_line_breaks_are_folded(matcher):
    text = "the SECRETARY FOR constitutional\nand Mainland   Affairs said"
    assert found(matcher, text) == [(text[4:-5], 1)]


def test_case_sensitive_terms_keep_their_case(matcher):
    assert found(matcher, "the GBA plan") == [("GBA", 10)]
    assert found(matcher, "the gba plan") == []


def test_curly_and_straight_apostrophes_are_the_same(matcher):
    assert found(matcher, "Hong Kong’s strengths") == [("Hong Kong’s", 6)]
    assert found(matcher, "Hong Kong's strengths") == [("Hong Kong's", 6)]


def test_no_match_inside_other_words(matcher):
    assert found(matcher, "the Chief Executives met") == []
    assert found(matcher, "subGBA results") == []


def test_offsets_refer_to_the_original_text(matcher):
    text = "Mr Tsang met the Qianhai Authority (前海管理局)."
    matches = matcher.find(text, "en")
    assert [(m.start, m.end) for m in matches] == [(17, 34)]
    assert text[17:34] == "Qianhai Authority"
    zh = matcher.find(text, "zh-Hant")
    assert [text[m.start : m.end] for m in zh] == ["前海管理局"]


def test_chinese_terms_match_inside_running_text(matcher):
    text = "香港特別行政區行政長官今日與政制及內地事務局局長會面"
    assert found(matcher, text, "zh-Hant") == [
        ("行政長官", 7),
        ("政制及內地事務局局長", 1),
    ]


def test_traditional_and_simplified_fold_both_ways(matcher):
    assert found(matcher, "前海管理局今日表示", "zh-Hans") == [("前海管理局", 2)]
    assert found(matcher, "前海管理局", "zh-Hans") == [("前海管理局", 2)]
    # A zh-Hans term found in Traditional text, with the Traditional spelling.
    assert found(matcher, "立法會前主席范徐麗泰出席", "zh-Hant") == [("范徐麗泰", 9)]
    assert found(matcher, "政制及内地事务局局长发言", "zh-Hant")[0][1] == 1


def test_full_width_forms_are_folded(matcher):
    assert found(matcher, "ＧＢＡ plan")[0][1] == 10


def test_matches_never_overlap_and_leftmost_wins(matcher):
    text = "Invest Hong Kong and Hong Kong"
    assert found(matcher, text) == [("Invest Hong Kong", 11), ("Hong Kong", 5)]


def test_terms_of_other_languages_are_ignored(matcher):
    assert found(matcher, "前海管理局", "en") == []
