"""The admin shows concepts with tabs per UI language and keeps revisions."""

import pytest

from glossary.approval import NewTerm, propose_concept, update_term
from glossary.models import Action

pytestmark = pytest.mark.django_db


def test_concept_admin_has_a_field_per_ui_language(admin_client, admin_user):
    concept = propose_concept(
        terms=[NewTerm("en", "Qianhai Authority")], user=admin_user, approve=True
    )
    page = admin_client.get("/admin/glossary/concept/%d/change/" % concept.pk)
    assert page.status_code == 200
    html = page.content.decode()
    for name in ("definition_en", "definition_zh_hans", "definition_zh_hant"):
        assert 'name="%s"' % name in html


def test_an_admin_edit_of_a_term_keeps_a_revision(admin_client, admin_user):
    concept = propose_concept(
        terms=[NewTerm("en", "Qianhai Authority")], user=admin_user, approve=True
    )
    term = concept.terms.get()
    response = admin_client.post(
        "/admin/glossary/term/%d/change/" % term.pk,
        {
            "concept": concept.pk,
            "language": "en",
            "text": "Qianhai Authority",
            "usage": "admitted",
            "approval": "approved",
            "reason": "",
            "based_on_version": term.version,
        },
    )
    assert response.status_code == 302
    last = concept.revisions.order_by("id").last()
    assert last.action == Action.EDITED and last.snapshot["usage"] == "admitted"


def test_an_admin_edit_of_a_term_someone_changed_meanwhile_is_refused(
    admin_client, admin_user
):
    concept = propose_concept(
        terms=[NewTerm("en", "Qianhai Authority")], user=admin_user, approve=True
    )
    term = concept.terms.get()
    opened_at = term.version
    update_term(
        term=term,
        user=admin_user,
        text="Qianhai Authority (changed)",
        usage="preferred",
        case_sensitive=False,
        expected_version=opened_at,
    )
    response = admin_client.post(
        "/admin/glossary/term/%d/change/" % term.pk,
        {"text": "Stale edit", "usage": "admitted", "based_on_version": opened_at},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Someone else changed this since you opened it" in response.content.decode()
    term.refresh_from_db()
    assert term.text == "Qianhai Authority (changed)"


def test_an_admin_write_without_its_version_is_refused(admin_client, admin_user):
    concept = propose_concept(
        terms=[NewTerm("en", "Qianhai Authority")], user=admin_user, approve=True
    )
    term = concept.terms.get()
    response = admin_client.post(
        "/admin/glossary/term/%d/change/" % term.pk,
        {"text": "Blind edit", "usage": "admitted"},
    )
    assert response.status_code == 200
    term.refresh_from_db()
    assert term.text == "Qianhai Authority"
