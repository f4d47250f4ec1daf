"""Behaviour of the conversion layers: protected spans, glossary, overrides.

``Converter`` needs no database; ``converter`` and ``convert_text`` read the
approved glossary and the house-style overrides, so their tests are marked
``django_db``.
"""

import random

import pytest

from conversion import engine as conversion
from conversion.configs import CONFIGS
from conversion.engine import (
    Conversion,
    ConversionUnavailable,
    Converter,
    convert_text,
    converter,
    missing_configs,
    opencc_converter,
)
from glossary.approval import NewTerm, approve_term, propose_concept

HANS_TO_HANT = {"范徐丽泰": "范徐麗泰", "曾国卫": "曾國衞"}
HANT_TO_HANS = {target: source for source, target in HANS_TO_HANT.items()}


def leftmost_longest(pairs: dict[str, str], text: str) -> str:
    """Replace text the slow, obvious way: leftmost match, longest there."""
    keys = sorted(pairs, key=len, reverse=True)
    out = []
    position = 0
    while position < len(text):
        for key in keys:
            if text.startswith(key, position):
                out.append(pairs[key])
                position += len(key)
                break
        else:
            out.append(text[position])
            position += 1
    return "".join(out)


# --- glossary ---------------------------------------------------------------


def test_raw_opencc_s2hk_writes_the_surname_范_as_範():
    raw = opencc_converter("s2hk").convert("立法会前主席范徐丽泰")
    assert raw == "立法會前主席範徐麗泰"


def test_glossary_keeps_the_surname_范_in_s2hk():
    result = Converter("s2hk", glossary=HANS_TO_HANT).convert("立法会前主席范徐丽泰")
    assert result == "立法會前主席范徐麗泰"


def test_glossary_applies_from_traditional_to_simplified_in_hk2s():
    hk2s = Converter("hk2s", glossary=HANT_TO_HANS)
    result = hk2s.convert_detailed("立法會前主席范徐麗泰與曾國衞")
    assert result.text == "立法会前主席范徐丽泰与曾国卫"
    assert [(r.source, r.kind) for r in result.replacements] == [
        ("范徐麗泰", "glossary"),
        ("曾國衞", "glossary"),
    ]


def test_glossary_wins_over_opencc_where_the_terms_differ_in_hk2s():
    assert opencc_converter("hk2s").convert("乘搭的士") == "乘搭的士"
    assert Converter("hk2s", glossary={"的士": "出租车"}).convert("乘搭的士") == (
        "乘搭出租车"
    )


def test_glossary_target_is_used_verbatim_not_converted_again():
    hk = Converter("s2hk", glossary={"范徐丽泰": "范徐丽泰"})
    assert hk.convert("范徐丽泰说") == "范徐丽泰説"


def test_glossary_prefers_the_longest_entry_at_the_same_start():
    pairs = {"发展": "〔发展〕", "发展中国家": "〔发展中国家〕", "中国": "〔中国〕"}
    hk = Converter("s2hk", glossary=pairs)
    assert hk.convert("发展中国家") == "〔发展中国家〕"
    assert hk.convert("发展中国家的发展") == "〔发展中国家〕的〔发展〕"


def test_glossary_prefers_the_leftmost_entry_over_a_longer_later_one():
    pairs = {"中国": "〔中国〕", "国家安全": "〔国家安全〕"}
    assert Converter("s2t", glossary=pairs).convert("中国家安全") == "〔中国〕家安全"


def test_glossary_falls_back_to_a_shorter_entry_when_a_longer_one_fails():
    pairs = {"发展": "〔发展〕", "发展中国家": "〔发展中国家〕", "中国": "〔中国〕"}
    hk = Converter("s2hk", glossary=pairs)
    assert hk.convert("发展中国人") == "〔发展〕〔中国〕人"


def test_glossary_finds_a_term_ending_the_text_inside_an_unfinished_longer_term():
    """范徐丽泰 ends the text while 前主席范徐丽泰女士 is still being matched."""
    pairs = {**HANS_TO_HANT, "前主席范徐丽泰女士": "前主席范徐麗泰女士"}
    hk = Converter("s2hk", glossary=pairs)
    assert hk.convert("立法会前主席范徐丽泰") == "立法會前主席范徐麗泰"


def test_glossary_finds_a_term_two_failure_links_inside_an_unfinished_term():
    """After 前主席范徐丽泰, 说 breaks both longer terms; 范徐丽泰 still counts."""
    pairs = {
        **HANS_TO_HANT,
        "主席范徐丽泰女士": "主席范徐麗泰女士",
        "前主席范徐丽泰议员": "前主席范徐麗泰議員",
    }
    hk = Converter("s2hk", glossary=pairs)
    assert hk.convert("立法会前主席范徐丽泰说") == "立法會前主席范徐麗泰説"


def test_glossary_matches_leftmost_longest_like_the_obvious_algorithm():
    """Random overlapping glossaries over three characters OpenCC leaves alone."""
    rng = random.Random(20260907)
    alphabet = "甲乙丙"
    failures = []
    for _ in range(2000):
        words = {
            "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(1, 4))
        }
        pairs = {word: f"〔{word}〕" for word in words}
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))
        expected = leftmost_longest(pairs, text)
        got = Converter("s2t", glossary=pairs).convert(text)
        if got != expected:
            failures.append((sorted(words), text, expected, got))
    assert failures[:5] == []


def test_glossary_term_inside_a_tag_is_not_replaced():
    hk = Converter("s2hk", glossary=HANS_TO_HANT)
    html = '<a title="范徐丽泰">范徐丽泰</a>'
    assert hk.convert(html) == '<a title="范徐丽泰">范徐麗泰</a>'


# --- overrides ---------------------------------------------------------------


def test_opencc_s2hk_writes_了解_as_瞭解():
    assert opencc_converter("s2hk").convert("我们了解") == "我們瞭解"


def test_override_replaces_opencc_output_for_the_target():
    hk = Converter("s2hk", overrides={"瞭解": "了解"})
    assert hk.convert("我们了解情况。") == "我們了解情況。"


def test_override_never_applies_inside_a_glossary_replacement():
    hk = Converter("s2hk", glossary={"瞭解号": "瞭解號"}, overrides={"瞭解": "了解"})
    result = hk.convert_detailed("我们了解瞭解号")
    assert result.text == "我們了解瞭解號"
    assert [(r.source, r.kind) for r in result.replacements] == [
        ("瞭解", "override"),
        ("瞭解号", "glossary"),
    ]


def test_override_applies_beside_a_glossary_replacement():
    hk = Converter("s2hk", glossary=HANS_TO_HANT, overrides={"瞭解": "了解"})
    assert hk.convert("了解范徐丽泰了解") == "了解范徐麗泰了解"


def test_override_finds_a_source_ending_the_text_inside_a_longer_override():
    """瞭解 ends the output while the longer override 我們瞭解到 is unfinished."""
    hk = Converter("s2hk", overrides={"瞭解": "了解", "們瞭解到": "們了解到"})
    assert hk.convert("我们了解") == "我們了解"


def test_override_does_not_touch_protected_spans():
    hk = Converter("s2hk", overrides={"瞭解": "了解"})
    assert hk.convert("<b data-x='瞭解'>了解</b>") == "<b data-x='瞭解'>了解</b>"


# --- protected spans ------------------------------------------------------------


def test_html_tag_with_chinese_attribute_is_kept_byte_for_byte():
    html = '<a href="/发展?q=发展" title="发展">发展</a>'
    assert Converter("s2hk").convert(html) == (
        '<a href="/发展?q=发展" title="发展">發展</a>'
    )


def test_html_entities_are_kept():
    text = "发展&amp;发展&#20013;&#x4E2D;&nbsp;发展"
    assert Converter("s2hk").convert(text) == "發展&amp;發展&#20013;&#x4E2D;&nbsp;發展"


@pytest.mark.parametrize(
    "placeholder",
    [
        "%(name)s",
        "%(名称)s",
        "%s",
        "%d",
        "%5.2f",
        "%%",
        "{0}",
        "{name}",
        "{名称}",
        "{{ name }}",
        "{{ 名称 }}",
        '{% trans "发展" %}',
        "${x}",
        "${名称}",
    ],
)
def test_placeholder_is_kept_and_text_around_it_converted(placeholder):
    text = f"发展{placeholder}发展"
    assert Converter("s2hk").convert(text) == f"發展{placeholder}發展"


def test_latin_words_numbers_dates_and_urls_are_kept():
    text = (
        "发展 Hello world 14.92 2021-09-07 "
        "https://example.com/path/to?q=1&lang=zh-CN#top 发展"
    )
    expected = (
        "發展 Hello world 14.92 2021-09-07 "
        "https://example.com/path/to?q=1&lang=zh-CN#top 發展"
    )
    assert Converter("s2hk").convert(text) == expected


def test_percentages_in_chinese_prose_are_converted_around():
    assert Converter("s2hk").convert("增长了14.92%，达到50%以上") == (
        "增長了14.92%，達到50%以上"
    )


def test_line_structure_is_kept():
    text = "第一行\n第二行\r\n\n\t第三行 \n"
    result = Converter("s2hk").convert(text)
    assert result == "第一行\n第二行\r\n\n\t第三行 \n"
    assert result.splitlines(keepends=True) == text.splitlines(keepends=True)


def test_less_than_and_greater_than_in_prose_are_not_a_tag():
    """p<0.05 ... p>0.05 is statistics, not HTML: everything between converts."""
    text = "当p<0.05时，差异有统计学意义；当p>0.05时，差异无统计学意义。"
    expected = "當p<0.05時，差異有統計學意義；當p>0.05時，差異無統計學意義。"
    assert opencc_converter("s2hk").convert(text) == expected
    assert Converter("s2hk").convert(text) == expected


# --- convert_detailed -----------------------------------------------------------


def test_detailed_offsets_point_at_glossary_and_override_text_in_the_output():
    hk = Converter("s2hk", glossary=HANS_TO_HANT, overrides={"瞭解": "了解"})
    text = '<p class="发展">%(n)s 𠮷野家：了解范徐丽泰和曾国卫，了解。</p>'
    result = hk.convert_detailed(text)
    assert result.text == (
        '<p class="发展">%(n)s 𠮷野家：了解范徐麗泰和曾國衞，了解。</p>'
    )
    found = [
        (r.kind, r.source, result.text[r.start : r.end]) for r in result.replacements
    ]
    assert found == [
        ("override", "瞭解", "了解"),
        ("glossary", "范徐丽泰", "范徐麗泰"),
        ("glossary", "曾国卫", "曾國衞"),
        ("override", "瞭解", "了解"),
    ]
    assert result.replacements == sorted(result.replacements, key=lambda r: r.start)


def test_detailed_text_equals_convert():
    hk = Converter("s2hk", glossary=HANS_TO_HANT, overrides={"瞭解": "了解"})
    text = "了解范徐丽泰\n<b>曾国卫</b> {0}"
    assert hk.convert_detailed(text).text == hk.convert(text)


def test_detailed_without_glossary_or_overrides_reports_no_replacements():
    result = Converter("s2hk").convert_detailed("<b>发展</b>%s")
    assert result == Conversion("<b>發展</b>%s", [])


# --- edge cases -------------------------------------------------------------


def test_text_with_private_use_characters_still_converts():
    hk = Converter("s2hk", glossary=HANS_TO_HANT, overrides={"瞭解": "了解"})
    text = "\ue000发展\ue001<b>范徐丽泰</b>\ue000了解%s\ue002"
    result = hk.convert_detailed(text)
    assert result.text == "\ue000發展\ue001<b>范徐麗泰</b>\ue000了解%s\ue002"
    assert [result.text[r.start : r.end] for r in result.replacements] == [
        "范徐麗泰",
        "了解",
    ]


def test_empty_string_converts_to_empty_string():
    hk = Converter("s2hk", glossary=HANS_TO_HANT, overrides={"瞭解": "了解"})
    assert hk.convert("") == ""
    assert hk.convert_detailed("") == Conversion("", [])


def test_configs_are_the_sixteen_opencc_configurations():
    assert len(CONFIGS) == len(set(CONFIGS)) == 16
    assert set(CONFIGS) == {
        "s2t",
        "t2s",
        "s2hk",
        "hk2s",
        "s2tw",
        "tw2s",
        "s2twp",
        "tw2sp",
        "t2hk",
        "hk2t",
        "t2tw",
        "tw2t",
        "s2hkp",
        "hk2sp",
        "jp2t",
        "t2jp",
    }


@pytest.mark.parametrize("config", CONFIGS)
def test_every_config_loads(config):
    assert opencc_converter(config).convert("汉字") in {"汉字", "漢字"}
    assert Converter(config).convert("汉字")


def test_no_config_is_missing():
    assert missing_configs() == []


def test_unknown_config_is_refused():
    with pytest.raises(ConversionUnavailable):
        Converter("s2xx")


# --- the database: approved glossary and overrides ----------------------------


@pytest.fixture
def fresh_cache(monkeypatch):
    """Start with no cached converters, whatever other tests built."""
    monkeypatch.setattr(conversion, "_cache", {})


def _name_concept(reviewer, *, approve: bool):
    return propose_concept(
        terms=[NewTerm("zh-Hans", "范徐丽泰"), NewTerm("zh-Hant", "范徐麗泰")],
        user=reviewer,
        approve=approve,
    )


@pytest.mark.django_db
def test_convert_text_uses_approved_glossary_pairs_both_ways(reviewer, fresh_cache):
    _name_concept(reviewer, approve=True)
    assert convert_text("立法会前主席范徐丽泰", "s2hk") == "立法會前主席范徐麗泰"
    assert convert_text("立法會前主席范徐麗泰", "hk2s") == "立法会前主席范徐丽泰"
    assert convert_text("立法会前主席范徐丽泰", "s2hk", use_glossary=False) == (
        "立法會前主席範徐麗泰"
    )


@pytest.mark.django_db
def test_proposed_glossary_pair_does_not_apply(reviewer, fresh_cache):
    _name_concept(reviewer, approve=False)
    assert convert_text("立法会前主席范徐丽泰", "s2hk") == "立法會前主席範徐麗泰"


@pytest.mark.django_db
def test_approving_a_pair_rebuilds_the_converter(reviewer, fresh_cache):
    concept = _name_concept(reviewer, approve=False)
    before = converter("s2hk")
    assert before.convert("范徐丽泰") == "範徐麗泰"
    assert converter("s2hk") is before  # nothing changed: built once
    for term in concept.terms.all():
        approve_term(term=term, reviewer=reviewer, expected_version=term.version)
    after = converter("s2hk")
    assert after is not before
    assert after.convert("范徐丽泰") == "范徐麗泰"
    assert convert_text("立法会前主席范徐丽泰", "s2hk") == "立法會前主席范徐麗泰"


@pytest.mark.django_db
def test_saved_override_applies_with_the_glossary_only(reviewer, fresh_cache):
    from conversion.overrides import save_override

    assert convert_text("了解", "s2hk") == "瞭解"
    save_override(user=reviewer, variant="hk", source_text="瞭解", target_text="了解")
    assert convert_text("了解", "s2hk") == "了解"
    assert convert_text("了解", "s2hk", use_glossary=False) == "瞭解"
