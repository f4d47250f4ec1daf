"""Glossary pages for translators and reviewers, with server-side permissions."""

from django.urls import reverse

import pytest

from glossary.approval import NewTerm, propose_concept
from glossary.models import Approval, Concept, Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(reviewer):
    return propose_concept(
        terms=[NewTerm("en", "Qianhai Authority"), NewTerm("zh-Hant", "前海管理局")],
        user=reviewer,
        approve=True,
        domain="Qianhai",
    )


def test_anonymous_users_are_sent_to_login(client, approved):
    for url in (
        reverse("glossary:list"),
        reverse("glossary:queue"),
        reverse("glossary:concept", args=[approved.pk]),
    ):
        assert client.get(url)["Location"].startswith(reverse("login"))


def test_search_and_filters(client, translator, approved):
    propose_concept(terms=[NewTerm("en", "Chief Executive")], user=translator)
    client.force_login(translator)
    page = client.get(reverse("glossary:list"), {"q": "qianhai"}).content.decode()
    assert "前海管理局" in page and "Chief Executive" not in page
    page = client.get(reverse("glossary:list"), {"status": "proposed"}).content.decode()
    assert "Chief Executive" in page and "前海管理局" not in page
    page = client.get(
        reverse("glossary:list"), {"language": "zh-Hant"}
    ).content.decode()
    assert "前海管理局" in page and "Chief Executive" not in page
    page = client.get(reverse("glossary:list"), {"domain": "qian"}).content.decode()
    assert "前海管理局" in page


def test_translator_proposes_a_concept_prefilled_from_a_selection(client, translator):
    client.force_login(translator)
    page = client.get(
        reverse("glossary:propose"), {"text": "Invest Hong Kong", "language": "en"}
    ).content.decode()
    assert 'value="Invest Hong Kong"' in page
    response = client.post(
        reverse("glossary:propose"),
        {
            "term_en": "Invest Hong Kong",
            "term_zh_hant": "投資推廣署",
            "term_zh_hans": "",
            "domain": "",
            "definition": "",
            "note": "",
        },
    )
    concept = Concept.objects.get()
    assert response["Location"] == concept.get_absolute_url()
    assert set(concept.terms.values_list("approval", flat=True)) == {Approval.PROPOSED}
    assert client.post(reverse("glossary:propose"), {"term_en": " "}).status_code == 200


def test_translator_proposes_a_term_for_an_existing_concept(
    client, translator, approved
):
    client.force_login(translator)
    client.post(
        reverse("glossary:term-propose", args=[approved.pk]),
        {
            "language": "zh-Hans",
            "text": "前海管理局",
            "usage": "preferred",
        },
    )
    term = approved.terms.get(language="zh-Hans")
    assert term.approval == Approval.PROPOSED and term.proposed_by == translator


def test_translators_cannot_reach_the_queue_or_decide(client, translator, approved):
    term = approved.terms.first()
    client.force_login(translator)
    assert client.get(reverse("glossary:queue")).status_code == 403
    response = client.post(
        reverse("glossary:reject", args=[term.pk]),
        {"reason": "x", "version": term.version},
    )
    assert response.status_code == 403
    term.refresh_from_db()
    assert term.approval == Approval.APPROVED


def test_reviewer_works_the_queue(client, translator, reviewer):
    propose_concept(
        terms=[NewTerm("en", "GBA"), NewTerm("zh-Hant", "大灣區")], user=translator
    )
    client.force_login(reviewer)
    page = client.get(reverse("glossary:queue")).content.decode()
    assert "GBA" in page and "大灣區" in page
    gba = Term.objects.get(text="GBA")
    bay = Term.objects.get(text="大灣區")
    client.post(reverse("glossary:approve", args=[gba.pk]), {"version": gba.version})
    client.post(
        reverse("glossary:reject", args=[bay.pk]),
        {"reason": "Write 粵港澳大灣區 in full.", "version": bay.version},
    )
    gba.refresh_from_db()
    bay.refresh_from_db()
    assert gba.approval == Approval.APPROVED
    assert bay.approval == Approval.REJECTED and bay.reason.startswith("Write")
    assert (
        "Nothing is waiting" in client.get(reverse("glossary:queue")).content.decode()
    )


def test_a_decision_on_a_stale_version_is_refused(client, reviewer, translator):
    concept = propose_concept(terms=[NewTerm("en", "GBA")], user=translator)
    term = concept.terms.get()
    client.force_login(reviewer)
    response = client.post(
        reverse("glossary:approve", args=[term.pk]),
        {"version": term.version - 1},
        follow=True,
    )
    assert "Someone else changed this term" in response.content.decode()
    term.refresh_from_db()
    assert term.approval == Approval.PROPOSED


def test_concept_page_shows_terms_and_history(client, translator, approved):
    client.force_login(translator)
    page = client.get(reverse("glossary:concept", args=[approved.pk])).content.decode()
    assert "前海管理局" in page and "Qianhai Authority" in page
    assert "term approved" in page


def test_glossary_pages_are_localized(client, translator, approved):
    client.force_login(translator)
    client.post(reverse("set_language"), {"language": "zh-hant", "next": "/"})
    page = client.get(reverse("glossary:list")).content.decode()
    assert "詞彙表" in page


def test_a_reviewer_changes_a_term_on_the_concept_page_keeping_a_revision(
    client, reviewer, translator, approved
):
    term = approved.terms.get(language="zh-Hant")
    page = reverse("glossary:concept", args=[approved.pk])
    edit = reverse("glossary:term-edit", args=[term.pk])
    client.force_login(translator)
    assert "term-edit" not in client.get(page).content.decode()
    assert client.post(edit, {"text": "x", "usage": "preferred"}).status_code == 403
    client.force_login(reviewer)
    assert edit in client.get(page).content.decode()
    form = {"text": "前海管理局 ", "usage": "admitted", "note": "house style"}
    response = client.post(edit, {**form, "version": term.version}, follow=True)
    assert "“前海管理局” changed." in response.content.decode()
    changed = Term.objects.get(pk=term.pk)
    assert (changed.usage, changed.version) == ("admitted", term.version + 1)
    last = approved.revisions.order_by("id").last()
    assert (last.action, last.note, last.term_id) == ("edited", "house style", term.pk)
    stale = client.post(
        edit, {**form, "usage": "deprecated", "version": term.version}, follow=True
    )
    assert "Someone else changed this term" in stale.content.decode()
    assert Term.objects.get(pk=term.pk).usage == "admitted"


def test_renaming_a_term_to_a_sibling_it_already_has_is_a_message_not_a_500(
    client, reviewer, approved
):
    from glossary.approval import propose_term

    term = approved.terms.get(language="zh-Hant")
    propose_term(
        concept=approved, language="zh-Hant", text="前海局", user=reviewer, approve=True
    )
    client.force_login(reviewer)
    response = client.post(
        reverse("glossary:term-edit", args=[term.pk]),
        {"text": "前海局", "usage": "preferred", "version": term.version},
        follow=True,
    )
    assert response.status_code == 200
    assert "already has the term “前海局” in zh-Hant" in response.content.decode()
    assert Term.objects.get(pk=term.pk).text == "前海管理局"
