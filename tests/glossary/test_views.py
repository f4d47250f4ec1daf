"""Glossary pages for translators and reviewers, with server-side permissions."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from formats.glossary.units import ConceptUnit, TermUnit
from glossary.approval import NewTerm, propose_concept
from glossary.importing import import_concepts
from glossary.models import (
    Action,
    Approval,
    Concept,
    PossibleDuplicate,
    Term,
    TermRevision,
)
from jobs.models import Job
from tests.support import DATA

pytestmark = pytest.mark.django_db


def unit(identifier, *terms):
    return ConceptUnit(identifier, [TermUnit(*t) for t in terms])


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


def _pair():
    import_concepts(
        [unit("a", ("en", "Chief Executive"), ("zh-Hant", "行政長官"))], scope="one"
    )
    import_concepts(
        [unit("b", ("en", "Chief Executive"), ("zh-Hant", "特首"))], scope="two"
    )
    return PossibleDuplicate.objects.get()


def test_possible_duplicates_page_is_for_reviewers(client, translator, reviewer):
    pair = _pair()
    client.force_login(translator)
    assert client.get(reverse("glossary:duplicates")).status_code == 403
    client.force_login(reviewer)
    page = client.get(reverse("glossary:duplicates")).content.decode()
    assert "特首" in page and "行政長官" in page and f"pair-{pair.pk}" in page
    assert (
        reverse("glossary:duplicates")
        in client.get(reverse("glossary:queue")).content.decode()
    )


def test_merge_moves_terms_keeps_a_shared_term_once_and_keeps_a_revision(
    client, reviewer
):
    pair = _pair()
    source, target = pair.concept, pair.other
    client.force_login(reviewer)
    response = client.post(
        reverse("glossary:merge", args=[pair.pk]),
        {"into": "other", "source_version": 1, "target_version": 1},
        follow=True,
    )
    assert "Chief Executive (en)" in response.content.decode()
    assert not Concept.objects.filter(pk=source.pk).exists()
    target.refresh_from_db()
    assert target.version == 2
    assert sorted(target.terms.values_list("text", flat=True)) == [
        "Chief Executive",
        "特首",
        "行政長官",
    ]
    revision = TermRevision.objects.filter(concept=target, action=Action.MERGED).get()
    assert "kept once" in revision.shown_note
    assert not PossibleDuplicate.objects.exists()


def test_merge_with_a_stale_version_is_a_conflict(client, reviewer):
    pair = _pair()
    client.force_login(reviewer)
    response = client.post(
        reverse("glossary:merge", args=[pair.pk]),
        {"into": "other", "source_version": 1, "target_version": 7},
        follow=True,
    )
    assert "reload the page" in response.content.decode()
    assert Concept.objects.count() == 2


def test_keep_apart_is_remembered_and_not_listed_again(client, reviewer):
    pair = _pair()
    client.force_login(reviewer)
    client.post(reverse("glossary:keep-apart", args=[pair.pk]))
    assert (
        f"pair-{pair.pk}"
        not in client.get(reverse("glossary:duplicates")).content.decode()
    )
    again = import_concepts(
        [unit("b", ("en", "Chief Executive"), ("zh-Hant", "特首"))], scope="two"
    )
    assert again["possible_duplicates"] == 0
    assert PossibleDuplicate.objects.get().kept_apart


def _upload(client, capture, name: str, **fields):
    """Post the import form, let the job run once committed, open its page."""
    data = (DATA / "glossary" / name).read_bytes()
    post = {"merge_on": "term", "approval": "approved", **fields}
    post["file"] = SimpleUploadedFile(name, data)
    with capture(execute=True):
        response = client.post(reverse("glossary-import"), post)
    if response.status_code != 302:
        return response
    return client.get(response["Location"], follow=True)


def test_import_page_is_for_managers(client, reviewer, manager):
    client.force_login(reviewer)
    assert client.get(reverse("glossary-import")).status_code == 403
    client.force_login(manager)
    assert client.get(reverse("glossary-import")).status_code == 200


def test_import_page_gives_the_counted_account(
    client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    page = _upload(
        client, django_capture_on_commit_callbacks, "okapi_ibm_tbx.tbx"
    ).content.decode()
    assert "5 concepts created, 0 merged into existing ones" in page
    assert "admin:productSubset × 9" in page  # not kept, and said so
    assert Concept.objects.filter(scope="okapi_ibm_tbx.tbx").count() == 5


def test_import_page_needs_the_languages_of_a_source_target_csv(
    client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    capture = django_capture_on_commit_callbacks
    page = _upload(client, capture, "weblate_terms-header.csv").content.decode()
    # the job failed with the reader's one line, naming the file
    assert "weblate_terms-header.csv: " in page
    assert "give the source and target languages" in page
    assert not Term.objects.exists()
    page = _upload(
        client,
        capture,
        "weblate_terms-header.csv",
        source_language="en",
        target_language="cs",
        dry_run="on",
    ).content.decode()
    assert "Dry run, nothing written: 163 concepts created" in page
    assert not Term.objects.exists()


def test_concept_page_shows_the_kept_data_categories(client, translator):
    import_concepts(
        [
            ConceptUnit(
                "c1",
                [
                    TermUnit(
                        "en",
                        "open cluster",
                        extra=[
                            {"tag": "termNote", "type": "partOfSpeech", "text": "noun"}
                        ],
                    )
                ],
                extra=[{"tag": "admin", "type": "source", "text": "Oxford2007"}],
            )
        ],
        scope="astronomy.tbx",
    )
    client.force_login(translator)
    page = client.get(Concept.objects.get().get_absolute_url()).content.decode()
    assert "partOfSpeech: noun" in page and "source: Oxford2007" in page
    assert "c1 (astronomy.tbx)" in page


def test_a_proposal_sent_twice_makes_one_concept(client, translator):
    client.force_login(translator)
    page = client.get(reverse("glossary:propose")).content.decode()
    token = re.search(r'name="once" value="([^"]+)"', page)[1]
    post = {"term_en": "Invest Hong Kong", "term_zh_hant": "投資推廣署", "once": token}
    first = client.post(reverse("glossary:propose"), post)
    second = client.post(reverse("glossary:propose"), post, follow=True)
    concept = Concept.objects.get()
    assert first["Location"] == concept.get_absolute_url()
    assert second.redirect_chain[-1][0] == concept.get_absolute_url()
    assert "This form was already sent" in second.content.decode()
    assert Term.objects.count() == 2


def test_a_term_proposal_sent_twice_makes_one_term(client, translator, approved):
    client.force_login(translator)
    page = client.get(reverse("glossary:concept", args=[approved.pk])).content
    token = re.search(r'name="once" value="([^"]+)"', page.decode())[1]
    post = {"language": "zh-Hans", "text": "行政长官", "usage": "preferred"}
    url = reverse("glossary:term-propose", args=[approved.pk])
    before = Term.objects.count()
    client.post(url, {**post, "once": token})
    client.post(url, {**post, "once": token})
    assert Term.objects.count() == before + 1


def test_a_glossary_import_sent_twice_imports_once(
    client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    capture = django_capture_on_commit_callbacks
    first = _upload(client, capture, "okapi_ibm_tbx.tbx", once="import-1")
    second = _upload(client, capture, "okapi_ibm_tbx.tbx", once="import-1")
    # the second post is answered as the first was: the same job's page
    assert second.wsgi_request.path == first.wsgi_request.path
    assert "This form was already sent" in second.content.decode()
    assert Job.objects.count() == 1
    assert Concept.objects.filter(scope="okapi_ibm_tbx.tbx").count() == 5
    # the import page gives a fresh token: the next file is a new post
    page = client.get(reverse("glossary-import")).content.decode()
    again = re.search(r'name="once" value="([^"]+)"', page)[1]
    assert again != "import-1"
    third = _upload(client, capture, "okapi_ibm_tbx.tbx", once=again)
    assert "terms: 0 created, 0 updated, 11 unchanged" in third.content.decode()
    assert Job.objects.count() == 2
