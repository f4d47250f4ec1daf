"""Merging glossary files into the glossary."""

import pytest

from formats.glossary import tbx
from formats.glossary.units import ConceptUnit, TermUnit
from glossary.importing import import_concepts
from glossary.matching import find_terms
from glossary.models import (
    Action,
    Approval,
    Concept,
    PossibleDuplicate,
    Term,
    TermRevision,
)

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


ASTRONOMY = """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="c1"><descrip type="subjectField">astronomy</descrip>
<langSec xml:lang="en"><termSec><term>black hole</term></termSec></langSec>
<langSec xml:lang="cs"><termSec><term>černá díra</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="c2"><descrip type="subjectField">astronomy</descrip>
<langSec xml:lang="en"><termSec><term>clear sky</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>"""
SOFTWARE = """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="c1"><descrip type="subjectField">software</descrip>
<langSec xml:lang="en"><termSec><term>sink</term></termSec></langSec>
<langSec xml:lang="cs"><termSec><term>černá díra</term></termSec></langSec>
<langSec xml:lang="fr"><termSec><term>puits</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="c2"><descrip type="subjectField">software</descrip>
<langSec xml:lang="en"><termSec><term>clear</term></termSec></langSec>
<langSec xml:lang="cs"><termSec><term>smazat</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="c3"><descrip type="subjectField">software</descrip>
<langSec xml:lang="en"><termSec><term>delete</term></termSec></langSec>
<langSec xml:lang="cs"><termSec><term>smazat</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>"""


def _members() -> set[frozenset[str]]:
    return {
        frozenset(concept.terms.values_list("text", flat=True))
        for concept in Concept.objects.all()
    }


def test_two_files_sharing_ids_and_a_term_never_merge_across_files():
    first = import_concepts(tbx.parse(ASTRONOMY.encode()), scope="astronomy.tbx")
    assert first["concepts_created"] == 2
    second = import_concepts(tbx.parse(SOFTWARE.encode()), scope="software.tbx")
    assert second["concepts_created"] == 3 and second["concepts_merged"] == 0
    assert _members() == {
        frozenset({"black hole", "černá díra"}),
        frozenset({"clear sky"}),
        frozenset({"sink", "černá díra", "puits"}),
        frozenset({"clear", "smazat"}),
        frozenset({"delete", "smazat"}),
    }
    black_hole = Term.objects.get(text="black hole").concept
    assert not black_hole.terms.filter(language="fr").exists()
    # The shared Czech term with another domain is left for a reviewer.
    assert second["possible_duplicates"] == 1
    [pair] = second["duplicates"]
    assert pair["existing_concept"] == black_hole.pk
    assert pair["reason"] == "different domain"
    assert PossibleDuplicate.objects.get().other == black_hole
    # Re-importing a file updates its own concepts, by its own ids.
    again = import_concepts(tbx.parse(SOFTWARE.encode()), scope="software.tbx")
    assert again["concepts_created"] == 0 and again["terms_unchanged"] == 7
    assert again["possible_duplicates"] == 0
    assert Concept.objects.count() == 5


def test_same_term_and_domain_merges_and_a_conflicting_term_does_not():
    import_concepts(
        [unit("a", ("en", "Chief Executive"), ("zh-Hant", "行政長官"))], scope="one"
    )
    counts = import_concepts(
        [
            unit("x", ("en", "Chief Executive"), ("zh-Hans", "行政长官")),
            unit("y", ("en", "Chief Executive"), ("zh-Hant", "特首")),
        ],
        scope="two",
    )
    assert counts["concepts_merged"] == 1 and counts["concepts_created"] == 1
    assert counts["possible_duplicates"] == 1
    assert counts["duplicates"][0]["reason"] == "different term in zh-Hant"
    assert _members() == {
        frozenset({"Chief Executive", "行政長官", "行政长官"}),
        frozenset({"Chief Executive", "特首"}),
    }


def test_merge_on_none_and_id():
    import_concepts([unit("k1", ("en", "Chief Executive"))], scope="one")
    counts = import_concepts(
        [unit("k1", ("en", "Chief Executive"), ("fr", "chef"))],
        scope="two",
        merge_on="none",
    )
    assert counts["concepts_created"] == 1 and counts["possible_duplicates"] == 1
    counts = import_concepts([unit("k1", ("en", "CE"))], scope="three", merge_on="id")
    # "k1" is in two other scopes now: not sure which, so reported.
    assert counts["concepts_created"] == 1 and counts["possible_duplicates"] == 2


def test_a_dry_run_reports_and_writes_nothing():
    import_concepts([unit("a", ("en", "Chief Executive"))], scope="one")
    counts = import_concepts(
        [unit("b", ("en", "Chief Executive"), ("fr", "chef de l'exécutif"))],
        scope="two",
        dry_run=True,
    )
    assert counts["dry_run"] and counts["concepts_merged"] == 1
    existing = Concept.objects.get().pk
    assert counts["plan"] == [
        {
            "file_concept": "b (en:Chief Executive; fr:chef de l'exécutif)",
            "action": "merged",
            "existing_concept": existing,
        }
    ]
    assert counts["terms_created"] == 1
    assert Term.objects.count() == 1 and TermRevision.objects.count() == 2


def test_definitions_in_other_languages_and_extras_are_kept():
    extra = [{"tag": "admin", "type": "source", "text": "SIG"}]
    import_concepts(
        [
            ConceptUnit(
                "a",
                [TermUnit("fr", "puits", extra=[{"tag": "note", "text": "n"}])],
                definitions={"fr": "un puits"},
                extra=extra,
            )
        ]
    )
    concept = Concept.objects.get()
    assert concept.extra == [
        *extra,
        {"field": "definition", "lang": "fr", "text": "un puits"},
    ]
    assert Term.objects.get().extra == [{"tag": "note", "text": "n"}]
