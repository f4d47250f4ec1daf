"""Warnings on the pages: badges, filters, the panel's marks, the reviewer's tick."""

import re

from django.urls import reverse

import pytest

from core.statuses import Status
from exchange.importing import import_document
from translations.models import Translation
from translations.writing import change_translation

TEXT = (
    "The zone grew from 14.92 to 120.56 square kilometres. "
    "The Chief Executive met the press.\n"
)


@pytest.fixture
def document(db):
    return import_document(
        data=TEXT.encode(),
        filename="zone.txt",
        source_language="en",
        title="Zone",
        targets=["zh-Hant"],
    )


@pytest.fixture
def flagged(document):
    """Sentence 1 with a swapped number (a warning); sentence 2 clean."""
    first, second = Translation.objects.filter(segment__document=document).order_by(
        "segment__position"
    )
    first = change_translation(
        translation=first,
        text="該區由14.92平方公里增至12.56平方公里。",
        status=Status.TRANSLATED,
    )
    second = change_translation(
        translation=second, text="行政長官會見傳媒。", status=Status.TRANSLATED
    )
    return first, second


def badges(html: str) -> list[str]:
    return re.findall(r'class="badge warn-count" data-warnings="(\d+)"', html)


def test_editor_rows_carry_a_badge_and_filter_on_warnings(client, translator, flagged):
    first, second = flagged
    client.force_login(translator)
    url = reverse("editor", args=[first.segment.document_id, "zh-Hant"])
    page = client.get(url).content.decode()
    assert badges(page) == ["1", "0"]
    only = client.get(url, {"status": "warnings"}).content.decode()
    assert 'id="row-%d"' % first.pk in only
    assert 'id="row-%d"' % second.pk not in only


def test_document_page_badges_and_filter(client, translator, flagged):
    first, second = flagged
    client.force_login(translator)
    url = reverse("document-detail", args=[first.segment.document_id])
    page = client.get(url, {"language": "zh-Hant"}).content.decode()
    assert badges(page) == ["1", "0"]
    only = client.get(url, {"language": "zh-Hant", "status": "warnings"})
    html = only.content.decode()
    assert 'id="s%d"' % first.segment_id in html
    assert 'id="s%d"' % second.segment_id not in html


def test_the_review_queue_shows_warnings_and_needs_the_tick(client, reviewer, flagged):
    first, second = flagged
    client.force_login(reviewer)
    queue = client.get(reverse("review-queue")).content.decode()
    assert "Numbers differ: missing 120.56; extra 12.56" in queue
    assert 'name="despite" value="%d"' % first.pk in queue
    assert 'name="despite" value="%d"' % second.pk not in queue
    only = client.get(reverse("review-queue"), {"warnings": "1"}).content.decode()
    assert "120.56" in only and "行政長官會見傳媒" not in only
    ids = ["%d:%d" % (t.pk, t.version) for t in (first, second)]
    token = re.search(r'name="once" value="([^"]+)"', queue)[1]
    page = client.post(
        reverse("review-bulk"),
        {"ids": ids, "action": "approve", "once": token},
        follow=True,
    ).content.decode()
    assert "1 sentence approved." in page
    assert "1 sentence has open warnings and was not approved" in page
    first.refresh_from_db()
    assert first.status == Status.TRANSLATED
    token = re.search(r'name="once" value="([^"]+)"', page)[1]
    client.post(
        reverse("review-bulk"),
        {
            "ids": ["%d:%d" % (first.pk, first.version)],
            "action": "approve",
            "despite": [str(first.pk)],
            "once": token,
        },
    )
    first.refresh_from_db()
    assert first.status == Status.APPROVED
    assert first.warnings.get().checked_by == reviewer


def test_approving_in_the_editor_needs_the_tick_too(client, reviewer, flagged):
    first, _second = flagged
    client.force_login(reviewer)
    url = reverse("editor-review", args=[first.pk])
    row = client.post(
        url, {"action": "approve", "version": first.version}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "approve despite warnings" in row and 'role="alert"' in row
    first.refresh_from_db()
    assert first.status == Status.TRANSLATED
    client.post(
        url,
        {"action": "approve", "version": first.version, "despite": "1"},
        HTTP_HX_REQUEST="true",
    )
    first.refresh_from_db()
    assert first.status == Status.APPROVED


def test_a_translator_marks_a_warning_checked_in_the_panel(client, translator, flagged):
    first, _second = flagged
    warning = first.warnings.get()
    client.force_login(translator)
    url = reverse("editor-check-warning", args=[first.pk, warning.pk])
    stale = client.post(
        url, {"version": first.version - 1, "checked": "1"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Saved since you opened it" in stale
    warning.refresh_from_db()
    assert warning.is_open
    panel = client.post(
        url, {"version": first.version, "checked": "1"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Checked by tina" in panel and 'data-open-warnings="0"' in panel
    warning.refresh_from_db()
    assert warning.checked_by == translator
    assert warning.checked_version == first.version
    # In Chinese, the stored warning and its mark read in Chinese.
    client.cookies["django_language"] = "zh-hant"
    panel = client.get(reverse("editor-panel", args=[first.pk])).content.decode()
    assert "數字不一致" in panel and "Numbers differ" not in panel


def test_a_warning_of_another_sentence_is_not_found(client, translator, flagged):
    first, second = flagged
    warning = first.warnings.get()
    client.force_login(translator)
    response = client.post(
        reverse("editor-check-warning", args=[second.pk, warning.pk]),
        {"version": second.version},
    )
    assert response.status_code == 404


def test_history_notes_of_the_workbench_read_in_the_readers_language(
    client, translator, flagged
):
    first, _second = flagged
    old = first.revisions.get(version=1)
    client.force_login(translator)
    client.post(
        reverse("editor-restore", args=[first.pk, old.pk]), {"version": first.version}
    )
    client.cookies["django_language"] = "zh-hans"
    panel = client.get(reverse("editor-panel", args=[first.pk])).content.decode()
    assert "已恢复第 1 版。" in panel
    assert "Restored version" not in panel
