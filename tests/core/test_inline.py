"""Inline codes: one character each, plain text for the memory, tokens for people."""

import pytest

from core import inline
from core.inline import CLOSING, OPENING, PLACEHOLDER, Code, code_char

B, SLASH_B = code_char(1, OPENING), code_char(1, CLOSING)
BR = code_char(2, PLACEHOLDER)


def test_a_code_is_one_character_and_reads_back():
    assert len(B) == 1
    assert inline.parse_char(B) == (1, OPENING)
    assert inline.parse_char(SLASH_B) == (1, CLOSING)
    assert inline.parse_char(BR) == (2, PLACEHOLDER)
    assert inline.parse_char("a") is None
    assert inline.parse_char("\ue000") is None  # BMP private use is text (HKSCS)


def test_numbers_out_of_range_are_refused():
    with pytest.raises(ValueError):
        code_char(0, OPENING)
    with pytest.raises(ValueError):
        code_char(4096, PLACEHOLDER)


def test_plain_text_drops_codes_only():
    text = f"The {B}Chief Executive{SLASH_B} said{BR} today."
    assert inline.plain(text) == "The Chief Executive said today."
    assert inline.codes_in(text) == [(1, OPENING), (1, CLOSING), (2, PLACEHOLDER)]
    assert inline.has_codes(text) and not inline.has_codes("plain")
    assert inline.reserved_in(text) == 4 and inline.reserved_in("plain") == -1


def test_tokens_round_trip_for_the_source_codes_only():
    text = f"{B}行政長官{SLASH_B}表示{BR}。"
    shown = inline.to_tokens(text)
    assert shown == "⟨1⟩行政長官⟨/1⟩表示⟨2/⟩。"
    allowed = set(inline.codes_in(text))
    assert inline.from_tokens(shown, allowed) == text
    # a token the source has no code for stays text
    assert inline.from_tokens("⟨7⟩x⟨/7⟩", allowed) == "⟨7⟩x⟨/7⟩"
    assert inline.from_tokens("⟨/1/⟩", allowed) == "⟨/1/⟩"


def test_problems_name_missing_extra_and_inside_out_pairs():
    source = f"{B}A{SLASH_B} b{BR}"
    assert inline.code_problems(source, f"{B}甲{SLASH_B}乙{BR}") == {
        "missing": [], "extra": [], "misordered": []}  # fmt: skip
    # a translation may move codes, as word order moves
    assert inline.code_problems(source, f"乙{BR}{B}甲{SLASH_B}")["misordered"] == []
    found = inline.code_problems(source, f"{SLASH_B}甲{B}{code_char(3, PLACEHOLDER)}")
    assert found["missing"] == [(2, PLACEHOLDER)]
    assert found["extra"] == [(3, PLACEHOLDER)]
    assert found["misordered"] == [(1, OPENING)]


def test_map_codes_renumbers_by_order_and_kind():
    remembered_source = f"{code_char(4, OPENING)}Hi{code_char(4, CLOSING)}"
    remembered_target = f"{code_char(4, OPENING)}你好{code_char(4, CLOSING)}"
    sentence = f"{B}Hi{SLASH_B}"
    assert (
        inline.map_codes(remembered_target, remembered_source, sentence)
        == f"{B}你好{SLASH_B}"
    )
    assert inline.map_codes(remembered_target, remembered_source, "Hi") is None
    assert inline.map_codes(remembered_target, remembered_source, f"Hi{BR}") is None


def test_codes_json_round_trip():
    codes = [
        Code(
            1,
            OPENING,
            type="link",
            native='<a href="/x">',
            closing="</a>",
            label="a",
            format="html",
        ),  # fmt: skip
        Code(2, PLACEHOLDER, type="lb", native="<br>", format="html"),
    ]
    data = inline.codes_to_json(codes)
    assert data["2"] == {"kind": "ph", "type": "lb", "native": "<br>", "format": "html"}
    assert inline.codes_from_json(data) == {c.number: c for c in codes}
    assert inline.codes_from_json(None) == {}


def test_sub_codes_and_token_show_each_code_as_people_see_it():
    text = f"{B}A{SLASH_B}{BR}"
    assert (
        inline.sub_codes(text, lambda n, kind: f"[{kind}{n}]")
        == "[open1]A[close1][ph2]"
    )
    assert [inline.token(n, k) for n, k in inline.codes_in(text)] == [
        "⟨1⟩", "⟨/1⟩", "⟨2/⟩"]  # fmt: skip
