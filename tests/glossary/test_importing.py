"""Merging glossary files into the glossary."""

import pytest

from formats.glossary.units import ConceptUnit, TermUnit
from glossary.importing import import_concepts
from glossary.matching import find_terms
from glossary.models import Action, Approval, Concept, Term, TermRevision

pytestmark = pytest.mark.django_db


def unit(identifier="", *terms, **kwargs):
    return ConceptUnit(identifier, [TermUnit(*t) for t in terms], **kwargs)


def test_rows_sharing_a_term_join_one_concept_even_within_one_file():
    counts = import_concepts(
        [
            unit("", ("en", "Chief Executive"), ("zh-Hant", "行政長官")),
            unit("", ("zh-Hant", "行政長官"), ("zh-Hans", "行政长官")),
        ]
    )
    assert counts["concepts_created"] == 1 and counts["terms_created"] == 3
    assert Concept.objects.get().terms.count() == 3


def test_identifiers_merge_and_changed_flags_update_with_a_revision():
    import_concepts([unit("ce", ("en", "Chief Executive"))])
    term = Term.objects.get()
    counts = import_concepts(
        [unit("ce", ("en", "Chief Executive", "admitted"), ("zh-Hant", "特首"))]
    )
    assert counts["terms_updated"] == 1 and counts["terms_created"] == 1
    term.refresh_from_db()
    assert term.usage == "admitted" and term.version == 2
    assert TermRevision.objects.filter(term=term, action=Action.IMPORTED).count() == 2


def test_the_file_can_say_a_term_is_only_proposed():
    import_concepts([unit("", ("en", "GBA", "preferred", "proposed"))])
    assert Term.objects.get().approval == Approval.PROPOSED
    assert find_terms("the GBA", "en") == []


def test_default_approval_can_be_proposed():
    import_concepts([unit("", ("en", "GBA"))], default_approval=Approval.PROPOSED)
    assert Term.objects.get().approval == Approval.PROPOSED


def test_definitions_and_notes_land_in_the_ui_language_columns():
    import_concepts(
        [
            unit(
                "scma",
                ("en", "Secretary for Constitutional and Mainland Affairs"),
                definitions={"en": "Principal official", "zh-Hant": "主要官員"},
                notes={"zh-Hans": "主要官员"},
                domain="HKSAR Government",
            )
        ]
    )
    concept = Concept.objects.get()
    assert concept.definition_en == "Principal official"
    assert concept.definition_zh_hant == "主要官員"
    assert concept.note_zh_hans == "主要官员"
    assert concept.domain_en == "HKSAR Government"


def test_an_import_makes_new_terms_match_at_once():
    assert find_terms("前海管理局今日表示", "zh-Hant") == []
    import_concepts([unit("", ("zh-Hant", "前海管理局"))])
    assert [m.text for m in find_terms("前海管理局今日表示", "zh-Hant")] == [
        "前海管理局"
    ]
