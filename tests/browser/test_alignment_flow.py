"""Bringing the archive in, in a real browser: a manager uploads a release
in English and in Chinese, corrects a bead from the keyboard, commits with
the translations filled; a translator then sees the aligned pair as a
memory match in another document, and a reviewer accepts a term candidate
into the glossary."""

import pytest

from exchange.importing import import_document
from exchange.models import Alignment, AlignmentState
from glossary.models import Approval, Term
from tests.alignment.test_review import RELEASE_EN, RELEASE_ZH
from translations.models import Translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def bead_count(page) -> int:
    return page.locator("#beads tr.bead").count()


def test_upload_correct_commit_then_match_and_term(
    page_for, live_server, manager, translator, reviewer
):
    page = page_for(manager, "pw-mona")
    page.goto(live_server.url + "/alignments/")
    page.set_input_files(
        "#id_english",
        files=[
            {
                "name": "qianhai.txt",
                "mimeType": "text/plain",
                "buffer": RELEASE_EN.encode(),
            }
        ],
    )
    page.set_input_files(
        "#id_chinese",
        files=[
            {
                "name": "qianhai-zh.txt",
                "mimeType": "text/plain",
                "buffer": RELEASE_ZH.encode(),
            }
        ],
    )
    page.click("form.stacked button.primary")
    page.wait_for_url("**/alignments/*/", timeout=15_000)
    alignment = Alignment.objects.get()
    assert page.url.endswith("/alignments/%d/" % alignment.pk)
    before = bead_count(page)
    assert before == len(alignment.beads)

    # the keyboard: the second bead chosen, merged with the next, then split
    page.locator("#bead-0").click()
    page.keyboard.press("j")
    assert page.locator("#bead-1.chosen").count() == 1
    page.keyboard.press("m")
    page.wait_for_selector("#beads[data-version='2']")
    assert bead_count(page) == before - 1
    alignment.refresh_from_db()
    assert alignment.version == 2 and len(alignment.beads[1]["source"]) == 2
    assert page.locator("#bead-1.chosen").count() == 1
    page.keyboard.press("s")
    page.wait_for_selector("#beads[data-version='3']")
    assert bead_count(page) == before
    alignment.refresh_from_db()
    assert alignment.version == 3
    assert [len(b["source"]) for b in alignment.beads[1:3]] == [1, 1]
    page.screenshot(path="/tmp/alignment-review.png", full_page=True)

    # commit, filling the English document's translations as approved
    page.select_option("#id_fill", "approved")
    page.click("#commit-form button.primary")
    page.wait_for_url("**/documents/*/?language=zh-Hant")
    alignment.refresh_from_db()
    assert alignment.state == AlignmentState.COMMITTED
    assert "pairs in the memory" in page.locator(".messages").inner_text()
    assert (
        Translation.objects.filter(
            segment__document=alignment.english_document, status="approved"
        ).count()
        == alignment.result["filled"]
    )

    # a translator meets an aligned sentence in a new notice: a memory match
    notice = import_document(
        data=b"Notice\n\nThe Qianhai Authority will report on the programme in 2027.\n",
        filename="notice.txt",
        source_language="en",
    )
    row = Translation.objects.get(
        segment__document=notice, segment__position=1, language="zh-Hant"
    )
    other = page_for(translator, "pw-tina")
    other.goto("%s/documents/%d/translate/zh-Hant/" % (live_server.url, notice.pk))
    other.locator("#row-%d textarea" % row.pk).click()
    panel = "#panel .panel-inner[data-translation='%d']" % row.pk
    other.wait_for_selector(panel + " .use-match")
    assert "前海管理局會在2027年匯報計劃進展。" in other.locator(panel).inner_text()

    # a reviewer accepts the candidate the archive yields
    third = page_for(reviewer, "pw-rita")
    third.goto(live_server.url + "/glossary/candidates/")
    row = third.locator(
        "tr.candidate", has=third.locator("input[value='Qianhai Authority']")
    )
    assert (
        "前海管理局會在2027年" in row.inner_text()
        or row.locator("details").count() == 1
    )
    row.locator("button[value=approve]").click()
    third.wait_for_url("**/glossary/candidates/**")
    term = Term.objects.get(language="zh-Hant", text="前海管理局")
    assert term.approval == Approval.APPROVED
    assert third.locator("input[value='Qianhai Authority']").count() == 0
