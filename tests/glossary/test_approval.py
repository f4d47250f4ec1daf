"""The glossary workflow: proposals, approval, rejection, history, permissions."""

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from glossary.approval import (
    GlossaryConflict,
    NewTerm,
    approve_term,
    propose_concept,
    propose_term,
    reject_term,
    update_term,
)
from glossary.lookup import lookup
from glossary.models import Action, Approval, Term, Usage

pytestmark = pytest.mark.django_db


def test_a_translators_proposal_waits_and_does_not_match(translator):
    concept = propose_concept(
        terms=[NewTerm("en", "Qianhai Authority"), NewTerm("zh-HK", "前海管理局")],
        user=translator,
    )
    terms = list(concept.terms.order_by("id"))
    assert [t.approval for t in terms] == [Approval.PROPOSED, Approval.PROPOSED]
    assert terms[1].language == "zh-Hant"
    assert lookup("The Qianhai Authority said", "en") == []


def test_approval_makes_a_term_match_at_once(translator, reviewer):
    concept = propose_concept(
        terms=[NewTerm("en", "Qianhai Authority")], user=translator
    )
    assert lookup("The Qianhai Authority said", "en") == []
    term = concept.terms.get()
    approve_term(term=term, reviewer=reviewer, expected_version=term.version)
    hits = lookup("The Qianhai Authority said", "en")
    assert [h.match.text for h in hits] == ["Qianhai Authority"]
    assert hits[0].renderings == {"en": "Qianhai Authority"}


def test_rejecting_needs_a_reason_and_keeps_it(translator, reviewer):
    concept = propose_concept(terms=[NewTerm("zh-Hant", "前海局")], user=translator)
    term = concept.terms.get()
    with pytest.raises(ValidationError):
        reject_term(
            term=term, reviewer=reviewer, reason="  ", expected_version=term.version
        )
    reject_term(
        term=term,
        reviewer=reviewer,
        reason="Use 前海管理局.",
        expected_version=term.version,
    )
    term.refresh_from_db()
    assert term.approval == Approval.REJECTED
    assert term.reason == "Use 前海管理局."
    assert term.decided_by == reviewer


def test_translators_cannot_approve_or_reject(translator):
    concept = propose_concept(terms=[NewTerm("en", "GBA")], user=translator)
    term = concept.terms.get()
    with pytest.raises(PermissionDenied):
        approve_term(term=term, reviewer=translator, expected_version=term.version)
    with pytest.raises(PermissionDenied):
        reject_term(
            term=term, reviewer=translator, reason="no", expected_version=term.version
        )
    with pytest.raises(PermissionDenied):
        propose_term(
            concept=concept, language="en", text="G.B.A.", user=translator, approve=True
        )


def test_every_change_keeps_a_revision(translator, reviewer):
    concept = propose_concept(terms=[NewTerm("en", "Chief Executive")], user=translator)
    term = concept.terms.get()
    term = approve_term(term=term, reviewer=reviewer, expected_version=term.version)
    update_term(
        term=term,
        user=reviewer,
        text="Chief Executive",
        usage=Usage.ADMITTED,
        case_sensitive=True,
        expected_version=term.version,
    )
    actions = list(concept.revisions.order_by("id").values_list("action", flat=True))
    assert actions == [Action.CREATED, Action.PROPOSED, Action.APPROVED, Action.EDITED]
    last = concept.revisions.order_by("id").last()
    assert last.snapshot["usage"] == "admitted" and last.snapshot["case_sensitive"]


def test_a_stale_edit_is_refused_not_overwritten(translator, reviewer):
    concept = propose_concept(
        terms=[NewTerm("en", "Chief Executive")], user=reviewer, approve=True
    )
    term = concept.terms.get()
    update_term(
        term=term,
        user=reviewer,
        text="Chief Executive (HKSAR)",
        usage=Usage.PREFERRED,
        case_sensitive=False,
        expected_version=term.version,
    )
    with pytest.raises(GlossaryConflict):
        update_term(
            term=term,
            user=reviewer,
            text="Something else",
            usage=Usage.PREFERRED,
            case_sensitive=False,
            expected_version=term.version,
        )
    assert Term.objects.get().text == "Chief Executive (HKSAR)"


def test_a_translators_edit_of_an_approved_term_goes_back_to_review(
    translator, reviewer
):
    concept = propose_concept(
        terms=[NewTerm("en", "Chief Executive")], user=reviewer, approve=True
    )
    term = concept.terms.get()
    term = update_term(
        term=term,
        user=translator,
        text="Chief Exec",
        usage=Usage.PREFERRED,
        case_sensitive=False,
        expected_version=term.version,
    )
    assert term.approval == Approval.PROPOSED


def test_duplicate_terms_in_a_concept_are_refused(reviewer):
    concept = propose_concept(terms=[NewTerm("en", "GBA")], user=reviewer, approve=True)
    with pytest.raises(ValidationError):
        propose_term(concept=concept, language="en", text=" GBA ", user=reviewer)
