"""The editor and the review queue over HTTP: saves, conflicts, review, rights."""

import re

from django.urls import reverse

import pytest

from core.statuses import Status
from exchange.importing import import_document
from glossary.approval import NewTerm, propose_concept
from translations.models import Comment, Revision, Translation
from translations.review import approve_translation
from translations.writing import change_translation

pytestmark = pytest.mark.django_db

TEXT = (
    "The Chief Executive met the press.\n\n"
    "The zone grew from 14.92 to 120.56 square kilometers. <script>alert(1)</script>\n"
)


@pytest.fixture
def document(reviewer):
    propose_concept(
        terms=[NewTerm("en", "Chief Executive"), NewTerm("zh-Hant", "行政長官")],
        user=reviewer,
        approve=True,
    )
    return import_document(
        data=TEXT.encode(),
        filename="press.txt",
        source_language="en",
        title="Press",
        targets=["zh-Hant", "zh-Hans"],
    )


def rows(document, language="zh-Hant"):
    return list(
        Translation.objects.filter(
            segment__document=document, language=language
        ).order_by("segment__position")
    )


def save(client, translation, text, status="translated", version=None):
    return client.post(
        reverse("editor-save", args=[translation.pk]),
        {
            "text": text,
            "status": status,
            "version": translation.version if version is None else version,
        },
        HTTP_HX_REQUEST="true",
    )


def test_editor_page_shows_sentences_with_glossary_marks_and_escapes_markup(
    client, translator, document
):
    client.force_login(translator)
    page = client.get(reverse("editor", args=[document.pk, "zh-Hant"])).content.decode()
    assert 'data-insert="行政長官"' in page
    assert ">Chief Executive</mark>" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Ctrl</kbd>+<kbd>Enter" in page


def test_save_keeps_a_revision_and_returns_the_row(client, translator, document):
    client.force_login(translator)
    first = rows(document)[0]
    response = save(client, first, "行政長官與傳媒會面。")
    assert response.status_code == 200
    assert 'id="row-%d"' % first.pk in response.content.decode()
    first.refresh_from_db()
    assert (first.text, first.status, first.version) == (
        "行政長官與傳媒會面。",
        Status.TRANSLATED,
        1,
    )
    assert first.revisions.get().author == translator
    save(client, first, "行政長官與傳媒會面", status="draft")
    first.refresh_from_db()
    assert first.status == Status.DRAFT and first.revisions.count() == 2


def test_a_conflicting_save_is_refused_with_both_texts_and_nothing_lost(
    client, translator, reviewer, document
):
    first = rows(document)[0]
    stale_version = first.version
    change_translation(
        translation=first, text="他人的譯文", status=Status.TRANSLATED, user=reviewer
    )
    client.force_login(translator)
    response = save(client, first, "我的譯文", version=stale_version)
    html = response.content.decode()
    assert "conflict-box" in html
    assert "我的譯文" in html and "他人的譯文" in html
    first.refresh_from_db()
    assert first.text == "他人的譯文"
    assert 'name="version" value="%d"' % first.version in html
    # Saving again from the conflict box (now on the current version) works.
    save(client, first, "合併後的譯文")
    first.refresh_from_db()
    assert first.text == "合併後的譯文"
    assert Revision.objects.filter(translation=first).count() == 2


def test_approved_sentences_go_back_to_review_when_a_translator_edits(
    client, translator, reviewer, document
):
    first = rows(document)[0]
    change_translation(
        translation=first,
        text="行政長官會見傳媒。",
        status=Status.APPROVED,
        user=reviewer,
    )
    client.force_login(translator)
    first.refresh_from_db()
    save(client, first, "行政長官會見記者。")
    first.refresh_from_db()
    assert first.status == Status.TRANSLATED
    assert "back to review" in first.revisions.order_by("-version").first().shown_note


def test_reviewer_approves_and_rejects_with_a_reason_the_translator_sees(
    client, translator, reviewer, document
):
    first, second = rows(document)
    change_translation(
        translation=first, text="行政長官會見傳媒。", status=Status.TRANSLATED
    )
    change_translation(translation=second, text="面積擴大。", status=Status.TRANSLATED)
    client.force_login(translator)
    denied = client.post(
        reverse("editor-review", args=[first.pk]), {"action": "approve"}
    )
    assert denied.status_code == 403
    client.force_login(reviewer)
    first.refresh_from_db()
    second.refresh_from_db()
    client.post(
        reverse("editor-review", args=[first.pk]),
        {"action": "approve", "version": first.version},
    )
    response = client.post(
        reverse("editor-review", args=[second.pk]),
        {"action": "reject", "reason": "", "version": second.version},
        HTTP_HX_REQUEST="true",
    )
    assert "Say why" in response.content.decode()
    client.post(
        reverse("editor-review", args=[second.pk]),
        {"action": "reject", "reason": "數字不見了", "version": second.version},
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.APPROVED
    assert (second.status, second.review_note) == (Status.REJECTED, "數字不見了")
    client.force_login(translator)
    page = client.get(reverse("editor", args=[document.pk, "zh-Hant"])).content.decode()
    assert "數字不見了" in page


def test_panel_shows_glossary_checks_history_and_comments(client, translator, document):
    first, second = rows(document)
    client.force_login(translator)
    save(client, second, "面積由14.92增至12.56平方公里。")
    save(client, first, "特首會見传媒。")
    first.refresh_from_db()
    save(client, first, "行政長官會見传媒。")
    panel = client.get(reverse("editor-panel", args=[first.pk])).content.decode()
    assert 'data-insert="行政長官"' in panel
    assert "传" in panel and "Simplified characters" in panel
    assert "<del>" in panel and "<ins>" in panel
    numbers = client.get(reverse("editor-panel", args=[second.pk])).content.decode()
    assert "missing 120.56" in numbers and "extra 12.56" in numbers
    client.post(
        reverse("editor-comment", args=[first.pk]),
        {"text": "Check the title <b>please</b>"},
    )
    panel = client.get(reverse("editor-panel", args=[first.pk])).content.decode()
    assert "Check the title &lt;b&gt;please&lt;/b&gt;" in panel
    comment = Comment.objects.get()
    client.post(reverse("editor-resolve", args=[first.pk, comment.pk]))
    comment.refresh_from_db()
    assert comment.resolved


def test_restore_brings_back_an_older_text_as_a_new_revision(
    client, translator, document
):
    first = rows(document)[0]
    client.force_login(translator)
    save(client, first, "第一版")
    first.refresh_from_db()
    save(client, first, "第二版")
    first.refresh_from_db()
    old = first.revisions.get(version=1)
    client.post(
        reverse("editor-restore", args=[first.pk, old.pk]), {"version": first.version}
    )
    first.refresh_from_db()
    assert first.text == "第一版" and first.version == 3
    assert "Restored version 1" in first.revisions.get(version=3).shown_note


def test_review_queue_lists_and_bulk_approves_across_documents(
    client, translator, reviewer, document
):
    first, second = rows(document)
    change_translation(translation=first, text="甲", status=Status.TRANSLATED)
    change_translation(translation=second, text="乙", status=Status.DRAFT)
    client.force_login(translator)
    assert client.get(reverse("review-queue")).status_code == 403
    client.force_login(reviewer)
    page = client.get(reverse("review-queue"), {"language": "zh-Hant"}).content.decode()
    assert "甲" in page and "乙" not in page
    first.refresh_from_db()
    item = "%d:%d" % (first.pk, first.version)
    assert 'value="%s"' % item in page
    client.post(reverse("review-bulk"), {"ids": [item], "action": "reject"})
    first.refresh_from_db()
    assert first.status == Status.TRANSLATED  # no reason, nothing done
    # "甲" has open warnings (the glossary's 行政長官 is missing): the
    # reviewer read them and ticked "approve despite warnings".
    assert first.warnings.open().exists()
    client.post(
        reverse("review-bulk"),
        {"ids": [item], "action": "approve", "despite": [str(first.pk)]},
    )
    first.refresh_from_db()
    assert first.status == Status.APPROVED


def test_bulk_approval_leaves_alone_what_changed_since_the_page_was_loaded(
    client, translator, reviewer, document
):
    """The reviewer approves the text they saw, never a newer or older one."""
    first, second = rows(document)
    first = change_translation(translation=first, text="甲", status=Status.TRANSLATED)
    second = change_translation(translation=second, text="乙", status=Status.TRANSLATED)
    seen = ["%d:%d" % (t.pk, t.version) for t in (first, second)]
    # A translator saves the second sentence after the reviewer loaded the page.
    newer = change_translation(
        translation=second, text="乙（改）", status=Status.TRANSLATED, user=translator
    )
    client.force_login(reviewer)
    despite = [str(first.pk), str(second.pk)]  # the reviewer read the warnings
    response = client.post(
        reverse("review-bulk"),
        {"ids": seen, "action": "approve", "despite": despite},
        follow=True,
    )
    page = response.content.decode()
    assert "1 sentence approved." in page
    assert "1 sentence changed since you loaded the page; it was left alone." in page
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.text) == (Status.APPROVED, "甲")
    assert (second.status, second.text, second.version) == (
        Status.TRANSLATED,
        "乙（改）",
        newer.version,
    )
    assert not second.revisions.filter(status=Status.APPROVED).exists()


@pytest.mark.parametrize(
    "name,data",
    [
        ("review-bulk", {"ids": ["1"], "action": "approve"}),
        ("editor-review", {"action": "approve"}),
        ("editor-save", {"text": "x", "status": "translated"}),
    ],
)
def test_a_write_without_the_version_it_was_based_on_is_a_bad_request(
    client, reviewer, document, name, data
):
    translation = rows(document)[0]
    change_translation(translation=translation, text="甲", status=Status.TRANSLATED)
    client.force_login(reviewer)
    args = [] if name == "review-bulk" else [translation.pk]
    response = client.post(reverse(name, args=args), data)
    assert response.status_code == 400
    translation.refresh_from_db()
    assert (translation.status, translation.version) == (Status.TRANSLATED, 1)


def test_managers_download_exports_and_set_target_languages(
    client, manager, translator, document
):
    first = rows(document)[0]
    change_translation(
        translation=first, text="行政長官會見傳媒。", status=Status.APPROVED
    )
    client.force_login(translator)
    url = reverse("document-download", args=[document.pk])
    assert client.get(url, {"language": "zh-Hant", "format": "txt"}).status_code == 403
    client.force_login(manager)
    for kind in ("txt", "md", "html", "docx"):
        response = client.get(url, {"language": "zh-Hant", "format": kind})
        assert response.status_code == 200, kind
        assert "attachment" in response["Content-Disposition"]
    response = client.get(url, {"language": "zh-Hant", "format": "txt"})
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("行政長官會見傳媒。")
    client.post(
        reverse("document-targets", args=[document.pk]),
        {"targets": ["zh-Hant", "zh-Hans", "fr"]},
    )
    document.refresh_from_db()
    assert document.target_languages == ["zh-Hant", "zh-Hans", "fr"]
    assert (
        Translation.objects.filter(segment__document=document, language="fr").count()
        == 2
    )


@pytest.mark.parametrize("role", ["translator", "reviewer", "manager"])
def test_every_role_can_open_the_editor_but_anonymous_cannot(
    client, request, role, document
):
    url = reverse("editor", args=[document.pk, "zh-Hant"])
    assert client.get(url)["Location"].startswith(reverse("login"))
    client.force_login(request.getfixturevalue(role))
    assert client.get(url).status_code == 200


def test_a_user_without_a_role_cannot_translate(client, nobody, document):
    client.force_login(nobody)
    assert (
        client.get(reverse("editor", args=[document.pk, "zh-Hant"])).status_code == 403
    )
    first = rows(document)[0]
    assert save(client, first, "x").status_code == 403


def test_editor_filters_and_pages(client, translator, document):
    first = rows(document)[0]
    change_translation(translation=first, text="行政長官", status=Status.TRANSLATED)
    client.force_login(translator)
    url = reverse("editor", args=[document.pk, "zh-Hant"])
    todo = client.get(url, {"status": "todo"}).content.decode()
    assert "square kilometers" in todo and "met the press" not in todo
    found = client.get(url, {"q": "行政"}).content.decode()
    assert "met the press" in found and "square kilometers" not in found
    assert client.get(reverse("editor", args=[document.pk, "fr"])).status_code == 404


def test_without_javascript_a_save_returns_to_the_editor(
    client, translator, reviewer, document
):
    first = rows(document)[0]
    client.force_login(translator)
    response = client.post(
        reverse("editor-save", args=[first.pk]),
        {"text": "譯文", "status": "translated", "version": first.version},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#row-%d" % first.pk)
    first.refresh_from_db()
    change_translation(
        translation=first, text="審校譯文", status=Status.TRANSLATED, user=reviewer
    )
    stale = client.post(
        reverse("editor-save", args=[first.pk]),
        {"text": "另一譯文", "status": "translated", "version": 0},
        follow=True,
    )
    assert "your text was not saved" in stale.content.decode()


def test_the_pager_keeps_the_filters_and_moves_through_the_pages(client, translator):
    text = "\n\n".join("Sentence number %d is here." % n for n in range(120))
    long = import_document(
        data=text.encode(), filename="long.txt", source_language="en"
    )
    client.force_login(translator)
    url = reverse("editor", args=[long.pk, "zh-Hant"])
    first = client.get(url, {"status": "todo"}).content.decode()
    assert "Page 1 of 3" in first and "Previous" not in first
    assert 'href="?status=todo&amp;page=2"' in first
    second = client.get(url, {"status": "todo", "page": 2}).content.decode()
    assert "Page 2 of 3" in second
    assert 'href="?status=todo&amp;page=1"' in second
    assert 'href="?status=todo&amp;page=3"' in second
    assert "Sentence number 50 is here." in second
    assert "Sentence number 49 is here." not in second


def test_a_sentence_removed_by_a_new_version_can_no_longer_be_edited(
    client, translator, document
):
    from exchange.importing import import_new_version

    removed = rows(document)[-1]
    import_new_version(
        document=document,
        data="\n\n".join(
            s.source for s in document.segments.order_by("position")[:1]
        ).encode(),
        filename="n2.txt",
    )
    removed.refresh_from_db()
    assert not removed.segment.is_active
    client.force_login(translator)
    response = client.post(
        reverse("editor-save", args=[removed.pk]),
        {"text": "改", "status": "translated", "version": removed.version},
    )
    assert response.status_code == 404
    removed.refresh_from_db()
    assert removed.text != "改"


def test_saving_again_from_a_page_before_ones_own_save_is_not_a_conflict(
    client, translator, document
):
    """The Back button: the page still says version 0, the server has v1 by me."""
    first = rows(document)[0]
    client.force_login(translator)
    assert (
        "conflict-box" not in save(client, first, "第一稿", version=0).content.decode()
    )
    again = save(client, first, "第二稿", version=0).content.decode()
    assert "conflict-box" not in again
    first.refresh_from_db()
    assert (first.text, first.version, first.updated_by) == ("第二稿", 2, translator)
    assert list(
        Revision.objects.filter(translation=first)
        .order_by("version")
        .values_list("text", "author__username")
    ) == [("第一稿", translator.username), ("第二稿", translator.username)]


def test_a_save_by_someone_else_in_between_stays_a_conflict(
    client, translator, reviewer, document
):
    first = rows(document)[0]
    client.force_login(translator)
    save(client, first, "我的譯文", version=0)
    first.refresh_from_db()
    change_translation(
        translation=first, text="審校者的譯文", status=Status.TRANSLATED, user=reviewer
    )
    # my own save, then theirs on top: my page from before is a real conflict
    assert "conflict-box" in save(client, first, "舊頁", version=0).content.decode()
    # and so is a page from after my save (version 1): theirs came after it
    assert "conflict-box" in save(client, first, "舊頁", version=1).content.decode()
    first.refresh_from_db()
    assert (first.text, first.version) == ("審校者的譯文", 2)


def test_another_persons_save_alone_is_a_conflict(
    client, translator, reviewer, document
):
    first = rows(document)[0]
    change_translation(
        translation=first, text="審校者的譯文", status=Status.TRANSLATED, user=reviewer
    )
    client.force_login(translator)
    assert "conflict-box" in save(client, first, "我的", version=0).content.decode()


def test_editor_pages_and_fragments_are_never_cached(client, translator, document):
    first = rows(document)[0]
    client.force_login(translator)
    responses = [
        client.get(reverse("editor", args=[document.pk, "zh-Hant"])),
        client.get(reverse("editor-panel", args=[first.pk])),
        save(client, first, "譯文"),
    ]
    for response in responses:
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]


def test_review_queue_is_never_cached_and_a_double_approve_counts_once(
    client, reviewer, document
):
    first = rows(document)[0]
    change_translation(translation=first, text="行政長官", status=Status.TRANSLATED)
    client.force_login(reviewer)
    queue = client.get(reverse("review-queue"))
    assert "no-store" in queue["Cache-Control"]
    token = re.search(r'name="once" value="([^"]+)"', queue.content.decode())[1]
    first.refresh_from_db()
    post = {
        "action": "approve",
        "ids": ["%d:%d" % (first.pk, first.version)],
        "once": token,
    }
    one = client.post(reverse("review-bulk"), post, follow=True).content.decode()
    two = client.post(reverse("review-bulk"), post, follow=True).content.decode()
    assert "1 sentence approved." in one
    assert "This form was already sent" in two and "changed since" not in two
    assert Revision.objects.filter(translation=first, status="approved").count() == 1


def test_history_notes_show_in_the_readers_language(
    client, translator, reviewer, document
):
    first = rows(document)[0]
    first = change_translation(
        translation=first, text="行政長官會見傳媒。", status=Status.TRANSLATED
    )
    # Approved by a reviewer working in English; read in Chinese.
    approve_translation(
        translation=first, reviewer=reviewer, expected_version=first.version
    )
    client.force_login(translator)
    client.cookies["django_language"] = "zh-hant"
    page = client.get(reverse("editor-panel", args=[first.pk])).content.decode()
    assert "已核准。" in page
    assert "Approved." not in page
