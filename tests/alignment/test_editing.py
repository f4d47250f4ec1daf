"""A reviewer's corrections to the beads: each keeps every sentence of both
sides in exactly one bead, in order, and marks what it shaped as sure."""

import random

import pytest

from alignment.editing import ACTIONS, CannotEdit, edit, is_partition
from alignment.engine import Bead


def beads(*shapes, confidence=0.4):
    """Beads of the given (English, Chinese) counts, numbered in order."""
    out, i, j = [], 0, 0
    for di, dj in shapes:
        out.append(Bead(tuple(range(i, i + di)), tuple(range(j, j + dj)), confidence))
        i, j = i + di, j + dj
    return out


def shapes(result):
    return [(list(b.source), list(b.target)) for b in result]


def test_merge_joins_a_bead_with_the_next():
    result = edit(beads((1, 1), (1, 1), (1, 0)), "merge", 0)
    assert shapes(result) == [([0, 1], [0, 1]), ([2], [])]
    assert result[0].confidence == 1.0 and result[1].confidence == 0.4


def test_split_keeps_the_first_of_each_side_and_moves_the_rest():
    assert shapes(edit(beads((2, 2)), "split", 0)) == [([0], [0]), ([1], [1])]
    assert shapes(edit(beads((1, 2)), "split", 0)) == [([0], [0]), ([], [1])]
    assert shapes(edit(beads((2, 1)), "split", 0)) == [([0], [0]), ([1], [])]
    # a 1-1 bead splits into its two sides
    assert shapes(edit(beads((1, 1)), "split", 0)) == [([0], []), ([], [0])]


def test_moving_a_sentence_across_to_the_next_bead_and_back():
    start = beads((2, 1), (0, 1))
    down = edit(start, "source_down", 0)
    assert shapes(down) == [([0], [0]), ([1], [1])]
    assert shapes(edit(down, "source_up", 0)) == [([0, 1], [0]), ([], [1])]
    assert shapes(edit(beads((1, 2), (1, 1)), "target_down", 0)) == [
        ([0], [0]),
        ([1], [1, 2]),
    ]
    assert shapes(edit(beads((1, 1), (1, 2)), "target_up", 0)) == [
        ([0], [0, 1]),
        ([1], [2]),
    ]


def test_moving_down_from_the_last_bead_makes_a_bead_of_it():
    result = edit(beads((1, 2)), "target_down", 0)
    assert shapes(result) == [([0], [0]), ([], [1])]


def test_a_bead_emptied_by_a_move_goes():
    result = edit(beads((1, 1), (1, 0)), "source_up", 0)
    assert shapes(result) == [([0, 1], [0])]


def test_marking_one_sided_gives_each_sentence_its_own_bead():
    result = edit(beads((1, 1), (2, 1)), "one_sided", 1)
    assert shapes(result) == [([0], [0]), ([1], []), ([2], []), ([], [1])]


@pytest.mark.parametrize(
    "start, action, index",
    [
        (((1, 1),), "merge", 0),  # nothing after the last bead
        (((1, 0),), "split", 0),  # one sentence
        (((1, 0), (0, 1)), "one_sided", 0),  # one-sided already
        (((1, 0), (1, 1)), "target_down", 0),  # no Chinese to move
        (((1, 1), (1, 0)), "target_up", 0),  # the next has no Chinese
        (((1, 1),), "source_up", 0),
        (((1, 1),), "merge", 5),  # no such bead
        (((1, 1),), "rotate", 0),  # no such action
    ],
)
def test_an_action_that_does_not_apply_changes_nothing(start, action, index):
    original = beads(*start)
    with pytest.raises(CannotEdit):
        edit(original, action, index)
    assert original == beads(*start)


def test_any_sequence_of_corrections_keeps_both_sides_covered_in_order():
    rng = random.Random(16)
    for _ in range(200):
        shape_list = [
            rng.choice([(1, 1), (1, 2), (2, 1), (2, 2), (1, 0), (0, 1)])
            for _ in range(rng.randint(1, 8))
        ]
        current = beads(*shape_list)
        english = sum(di for di, _ in shape_list)
        chinese = sum(dj for _, dj in shape_list)
        for _ in range(15):
            action = rng.choice(list(ACTIONS))
            try:
                current = edit(current, action, rng.randrange(len(current)))
            except CannotEdit:
                continue
            assert is_partition(current, english, chinese), (shape_list, action)
