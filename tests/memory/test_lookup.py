"""Fuzzy lookup and concordance: scores, context, directions, differences."""

import random

from glossary.approval import NewTerm, propose_concept
from memory import lookup as memory
from memory.store import context_digest, store
from tests.memory.samples import (
    chinese_sentences,
    one_word_off,
    pair,
)

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
