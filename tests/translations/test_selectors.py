"""The editor panel's glossary list (translations.selectors.glossary_hits)."""

import pytest

from glossary.approval import NewTerm, propose_concept
from translations.selectors import glossary_hits

pytestmark = pytest.mark.django_db


@pytest.fixture
def concepts(reviewer):
    for english, chinese in (
        ("Chief Executive", "行政長官"),
        ("Qianhai Co-operation Zone", "前海合作區"),
    ):
        propose_concept(
            terms=[NewTerm("en", english), NewTerm("zh-Hant", chinese)],
            user=reviewer,
            approve=True,
        )


def test_each_term_is_listed_once_with_its_count(concepts):
    source = (
        "The Chief Executive said the Qianhai Co-operation Zone, which the "
        "Chief Executive visited, will grow; the Chief Executive thanked all."
    )
    hits = glossary_hits(source, "en", "zh-Hant")
    assert [(hit["text"], hit["rendering"], hit["count"]) for hit in hits] == [
        ("Chief Executive", "行政長官", 3),
        ("Qianhai Co-operation Zone", "前海合作區", 1),
    ]


def test_a_worst_case_sentence_lists_a_term_once(concepts):
    source = "The Chief Executive, " * 2_000
    hits = glossary_hits(source, "en", "zh-Hant")
    assert len(hits) == 1
    assert hits[0]["count"] == 2_000
