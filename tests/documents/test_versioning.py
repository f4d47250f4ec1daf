from documents.keys import sentence_keys
from documents.versioning import OldSentence, plan_version


def _old(sources, inactive=()):
    keys = sentence_keys(sources)
    return [
        OldSentence(id=i + 100, key=k, source=s, is_active=i not in inactive)
        for i, (k, s) in enumerate(zip(keys, sources, strict=True))
    ]


def _plan(old_sources, new_sources, inactive=()):
    return plan_version(
        _old(old_sources, inactive), sentence_keys(new_sources), new_sources
    )


def test_unchanged_sentences_are_kept_even_when_moved():
    plan = _plan(["One.", "Two.", "Three."], ["Three.", "One.", "Two."])
    assert sorted(plan.kept) == [(100, 1), (101, 2), (102, 0)]
    assert not plan.changed and not plan.added and not plan.removed


def test_an_edited_sentence_in_place_counts_as_changed():
    plan = _plan(
        ["The area is 14.92 square kilometres.", "Next."],
        ["The area is 120.56 square kilometres.", "Next."],
    )
    assert plan.changed == [(100, 0)]
    assert plan.kept == [(101, 1)]


def test_an_unrelated_sentence_in_place_is_removed_and_added():
    plan = _plan(
        ["The area is 14.92 square kilometres.", "Next."],
        ["Completely different words here!", "Next."],
    )
    assert plan.changed == []
    assert plan.removed == [100]
    assert plan.added == [0]


def test_a_sentence_removed_earlier_comes_back_with_its_segment():
    plan = _plan(["Gone.", "Stay."], ["Gone.", "Stay."], inactive={0})
    assert (100, 0) in plan.kept


def test_insertions_and_deletions():
    plan = _plan(
        ["A is here.", "B is here.", "C is here."],
        ["A is here.", "New one!", "C is here."],
    )
    # "B is here." and "New one!" are not similar enough to be one edited sentence.
    assert plan.removed == [101]
    assert plan.added == [1]
