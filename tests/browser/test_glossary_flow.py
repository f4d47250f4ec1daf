"""A translator proposes a term from a selected phrase; a reviewer approves it."""

import pytest

from glossary.lookup import lookup
from glossary.models import Approval, Term

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_propose_from_selection_then_approve(
    page_for, live_server, translator, reviewer, seed_press_release
):
    page = page_for(translator, "pw-tina")
    page.goto(live_server.url + seed_press_release.get_absolute_url())
    cell = page.locator("td.src").nth(1)
    # Select "Vice Mayor of Shenzhen" inside the second sentence.
    page.evaluate(
        """(cell) => {
            const text = cell.firstChild;
            const start = text.textContent.indexOf("Vice Mayor of Shenzhen");
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, start + "Vice Mayor of Shenzhen".length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            cell.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
        }""",
        cell.element_handle(),
    )
    with page.context.expect_page() as opened:
        page.click("#propose-selection")
    page = opened.value
    page.wait_for_load_state()
    assert page.input_value("#id_term_en") == "Vice Mayor of Shenzhen"
    page.fill("#id_term_zh_hant", "深圳市副市長")
    page.click("button.primary")
    page.wait_for_url("**/glossary/*/")
    assert page.locator(".appr-proposed").count() == 2
    assert lookup("the Vice Mayor of Shenzhen", "en") == []

    review = page_for(reviewer, "pw-rita")
    review.goto(live_server.url + "/glossary/review/")
    chinese = Term.objects.get(text="深圳市副市長")
    english = Term.objects.get(text="Vice Mayor of Shenzhen")
    row = review.locator("#term-%d" % chinese.pk)
    row.locator("input[name=reason]").fill("Use 深圳市副市長 only with the name.")
    row.locator("button.reject").click()
    review.wait_for_selector("text=“深圳市副市長” rejected.")
    review.locator("#term-%d button.approve" % english.pk).click()
    review.wait_for_selector("text=Nothing is waiting for review.")

    assert Term.objects.get(text="Vice Mayor of Shenzhen").approval == Approval.APPROVED
    assert Term.objects.get(text="深圳市副市長").approval == Approval.REJECTED
    hits = lookup("the Vice Mayor of Shenzhen spoke", "en")
    assert [h.match.text for h in hits] == ["Vice Mayor of Shenzhen"]
