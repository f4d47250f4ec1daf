"""Fuzzy lookup and concordance: scores, context, directions, differences."""

import random

from core.inline import CLOSING, OPENING, code_char, to_tokens
from glossary.approval import NewTerm, propose_concept
from memory import lookup as memory
from memory.lookup import code_kinds
from memory.remarks import Remarks
from memory.store import context_digest, store
from memory.tmx import import_tmx
from tests.memory.samples import (
    chinese_sentences,
    one_word_off,
    pair,
)
from tests.support import DATA

# Lookup


def test_exact_sentences_come_back_at_100_with_their_translation(generated_memory):
    made, _ = generated_memory
    for source, target in list(made.items())[:50]:
        best = memory.lookup("  " + source.replace(" ", "  ") + " ", "en", "zh-Hant")[0]
        assert (best.score, best.target) == (100, target)


def test_one_word_off_finds_the_original_in_the_top_three(generated_memory):
    made, vocabulary = generated_memory
    rng = random.Random(5)
    originals = rng.sample(sorted(made), 60)
    for original in originals:
        query = one_word_off(original, rng, vocabulary)
        matches = memory.lookup(query, "en", "zh-Hant")
        top = {m.source: m.score for m in matches[:3]}
        assert original in top, query
        assert 70 <= top[original] <= 99


def test_the_score_is_an_edit_distance_similarity(db) -> None:
    store(
        [
            pair("The Chief Executive met the delegation today.", "甲"),
            pair("The Chief Executive met the press today.", "乙"),
            pair("Completely different words here.", "丙"),
        ]
    )
    matches = memory.lookup(
        "The Chief Executive met the delegation yesterday.", "en", "zh-Hant"
    )
    assert [m.target for m in matches[:2]] == ["甲", "乙"]
    assert 80 <= matches[0].score <= 99
    assert matches[0].score > matches[1].score
    assert "丙" not in [m.target for m in matches]


def test_the_same_context_scores_above_100(db) -> None:
    context = context_digest("The sentence before.", "The sentence after.")
    store(
        [
            pair("Same sentence.", "同一句。", context=context),
            pair("Same sentence.", "又一譯法。"),
        ]
    )
    matches = memory.lookup("Same sentence.", "en", "zh-Hant", context=context)
    assert [(m.score, m.target) for m in matches] == [
        (101, "同一句。"),
        (100, "又一譯法。"),
    ]


def test_entries_serve_the_opposite_direction(db) -> None:
    store([pair("The Legislative Council met today.", "立法會今日舉行會議。")])
    match = memory.lookup("立法會今日舉行會議。", "zh-HK", "en")[0]
    assert (match.score, match.source, match.target) == (
        100,
        "立法會今日舉行會議。",
        "The Legislative Council met today.",
    )
    fuzzy = memory.lookup("立法會昨日舉行會議。", "zh-Hant", "en")[0]
    assert 70 <= fuzzy.score <= 99


def test_chinese_sources_find_their_fuzzy_matches(db) -> None:
    sentences = chinese_sentences()[:130]
    assert len(sentences) == 130
    store(
        [
            pair(s, "English %d" % i, source_language="zh-Hans", target_language="en")
            for i, s in enumerate(sentences)
        ]
    )
    rng = random.Random(3)
    for original in rng.sample(sentences, 30):
        position = rng.randrange(2, len(original) - 2)
        query = original[:position] + "某" + original[position + 1 :]
        matches = memory.lookup(query, "zh-CN", "en")
        top = {m.source: m.score for m in matches[:3]}
        assert original in top, query
        assert 70 <= top[original] <= 99


def test_differences_in_numbers_dates_and_glossary_terms_are_pointed_out(reviewer):
    for terms in (
        [NewTerm("en", "Qianhai Authority"), NewTerm("zh-Hant", "前海管理局")],
        [NewTerm("en", "Hong Kong")],
    ):
        propose_concept(terms=terms, user=reviewer, approve=True)
    store([pair("On February 6, the Qianhai Authority signed 3 agreements.", "甲")])
    match = memory.lookup(
        "On March 16, the Hong Kong delegation signed 3 agreements.", "en", "zh-Hant"
    )[0]
    found = {d.kind: (d.query, d.match) for d in match.differences}
    assert found["number"] == (("16",), ("6",))
    assert found["date"] == (("March",), ("February",))
    assert found["term"] == (("Hong Kong",), ("Qianhai Authority",))


def test_threshold_and_empty_queries(db) -> None:
    store([pair("The weather is fine today in Hong Kong.", "甲")])
    assert (
        memory.lookup(
            "The weather is fine today in Macao.", "en", "zh-Hant", threshold=99
        )
        == []
    )
    assert memory.lookup("   ", "en", "zh-Hant") == []
    assert memory.lookup("The weather is fine today in Hong Kong.", "en", "fr") == []


# Concordance


def test_concordance_finds_a_phrase_in_source_or_target(db) -> None:
    store(
        [
            pair("The Task Force met in Shenzhen.", "專責小組在深圳開會。"),
            pair("Shenzhen and Hong Kong agreed.", "深圳與香港同意。"),
            pair("The task  force will report.", "專責小組將匯報。"),
        ]
    )
    hits = memory.concordance("task force", "en", "zh-Hant")
    assert sorted(h.source for h in hits) == [
        "The Task Force met in Shenzhen.",
        "The task  force will report.",
    ]
    chinese = memory.concordance("深圳", "en", "zh-Hant")
    assert len(chinese) == 2
    assert {h.target for h in memory.concordance("香港", "en", "zh-Hant")} == {
        "深圳與香港同意。"
    }
    assert memory.concordance("Force met in", "zh-Hant", "en")[0].target == (
        "The Task Force met in Shenzhen."
    )
    assert memory.concordance("nowhere", "en", "zh-Hant") == []


def test_concordance_finds_a_single_chinese_character(db) -> None:
    store([pair("The Authority met.", "前海管理局開會。"), pair("Other.", "其他。")])
    assert [h.target for h in memory.concordance("局", "en", "zh-Hant")] == [
        "前海管理局開會。"
    ]


# Variants


def test_the_variant_asked_for_comes_first_then_the_bare_language(db) -> None:
    """An en-GB lookup: en-GB entries first, then en, then other en-*."""
    store(
        [
            pair("Press release.", "新聞稿（美）", source_language="en-US"),
            pair("Press release.", "新聞稿", source_language="en"),
            pair("Press release.", "新聞稿（英）", source_language="en-GB"),
        ]
    )
    found = memory.lookup("Press release.", "en-GB", "zh-Hant")
    assert [(m.source_language, m.target) for m in found] == [
        ("en-GB", "新聞稿（英）"),
        ("en", "新聞稿"),
        ("en-US", "新聞稿（美）"),
    ]
    asked_en = memory.lookup("Press release.", "en", "zh-Hant")
    assert [m.source_language for m in asked_en][0] == "en"
    assert {m.source_language for m in asked_en} == {"en", "en-GB", "en-US"}


def test_hong_kong_usage_comes_before_taiwan_for_the_workbench_traditional(db):
    store(
        [
            pair("Software", "軟體", target_language="zh-TW"),
            pair("Software", "軟件", target_language="zh-HK"),
        ]
    )
    found = memory.lookup("Software", "en", "zh-Hant")
    assert [(m.target_language, m.target) for m in found] == [
        ("zh-HK", "軟件"),
        ("zh-TW", "軟體"),
    ]
    assert memory.lookup("Software", "en", "zh-TW")[0].target == "軟體"


def test_the_same_texts_in_several_variants_are_shown_once(db) -> None:
    store(
        [
            pair("Hello.", "你好。", source_language="en-US"),
            pair("Hello.", "你好。", source_language="en-GB"),
        ]
    )
    found = memory.lookup("Hello.", "en-GB", "zh-Hant")
    assert [(m.source_language, m.target) for m in found] == [("en-GB", "你好。")]


def test_a_lookup_between_two_variants_of_one_language_is_turned_right(db) -> None:
    store(
        [
            pair(
                "The color of the center.",
                "The colour of the centre.",
                source_language="en-US",
                target_language="en-GB",
            )
        ]
    )
    to_gb = memory.lookup("The color of the center.", "en-US", "en-GB")[0]
    assert (to_gb.score, to_gb.target) == (100, "The colour of the centre.")
    to_us = memory.lookup("The colour of the centre.", "en-GB", "en-US")[0]
    assert (to_us.score, to_us.target, to_us.target_language) == (
        100,
        "The color of the center.",
        "en-US",
    )


def test_a_match_carries_its_notes_and_props_turned_with_it(db) -> None:
    store(
        [
            pair(
                "The Legislative Council met today.",
                "立法會今日舉行會議。",
                remarks=Remarks(
                    [{"text": "HK term", "side": "target"}, {"text": "Checked."}],
                    [{"type": "domain", "text": "politics"}],
                ),
            )
        ]
    )
    forward = memory.lookup("The Legislative Council met today.", "en", "zh-Hant")[0]
    assert forward.notes == [
        {"text": "HK term", "side": "target"},
        {"text": "Checked."},
    ]
    assert forward.props == [{"type": "domain", "text": "politics"}]
    assert forward.as_dict()["notes"] == forward.notes
    backward = memory.lookup("立法會今日舉行會議。", "zh-Hant", "en")[0]
    assert backward.notes[0] == {"text": "HK term", "side": "source"}
    assert (backward.source_language, backward.target_language) == ("zh-Hant", "en")


# Inline codes


def test_a_sentence_differing_only_in_markup_is_an_exact_match(db) -> None:
    """The memory compares text without codes: markup changes no score."""
    b, b_ = code_char(1, OPENING), code_char(1, CLOSING)
    bold = {"1": {"kind": "open", "native": "<b>", "closing": "</b>"}}
    source = f"The {b}Chief Executive{b_} met the delegation."
    store([pair(source, f"{b}行政長官{b_}會見代表團。", codes=bold)])
    (best,) = memory.lookup("The Chief Executive met the delegation.", "en", "zh-Hant")
    assert best.score == 100
    assert best.target == f"{b}行政長官{b_}會見代表團。"  # with its codes, to be mapped
    link = code_char(3, OPENING)
    fuzzy = memory.lookup(
        f"The {link}Chief Executive met the delegations.", "en", "zh-Hant"
    )
    assert 90 <= fuzzy[0].score < 100  # one letter off, the code counts for nothing


def leverage_memory() -> None:
    """Okapi's leverage test: one pair twice, plain and with a bold run."""
    with (DATA / "tmx/okapi_leverage_test01.tmx").open("rb") as stream:
        import_tmx(stream, origin="okapi_leverage_test01.tmx")


def test_at_the_same_score_the_entry_with_the_query_codes_comes_first(db) -> None:
    leverage_memory()
    plain_query = "A simple sentence with nothing special."
    (best,) = memory.lookup(plain_query, "en-US", "fr-FR")[:1]
    assert (best.score, best.target) == (100, "Une phrase simple sans rien de spécial.")
    assert best.codes == {}
    b, b_ = code_char(3, OPENING), code_char(3, CLOSING)  # numbered as a sentence may
    coded = memory.lookup(f"A simple {b}sentence{b_} with nothing special.", "en", "fr")
    assert coded[0].score == 100
    assert (
        to_tokens(coded[0].target) == "Une ⟨1⟩phrase⟨/1⟩ simple sans rien de spécial."
    )
    assert coded[0].codes["1"]["kind"] == OPENING
    assert code_kinds(coded[0].source) == [OPENING, CLOSING]
    # The other markup of the same words is not shown beside it.
    assert [m.entry_id for m in coded].count(best.entry_id) == 0


def test_the_code_fit_breaks_ties_in_either_direction_and_in_concordance(db) -> None:
    leverage_memory()
    backward = memory.lookup("Une phrase simple sans rien de spécial.", "fr", "en")
    assert backward[0].target == "A simple sentence with nothing special."
    hits = memory.concordance("phrase simple", "fr", "en")
    assert sorted(bool(h.codes) for h in hits) == [False, True]
    (coded,) = [h for h in hits if h.codes]
    assert to_tokens(coded.source) == "Une ⟨1⟩phrase⟨/1⟩ simple sans rien de spécial."
    assert set(coded.codes) == {"1"}
