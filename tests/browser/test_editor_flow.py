"""The translator's day in a real browser: keyboard, glossary, checks, review."""

import pytest

from core.statuses import Status
from exchange.seeding import load_seed_glossary
from glossary.models import Approval, Term
from translations.models import Translation
from translations.writing import change_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def rows(document):
    return list(
        Translation.objects.filter(
            segment__document=document, language="zh-Hant"
        ).order_by("segment__position")
    )


@pytest.fixture
def seeded(seed_press_release):
    load_seed_glossary()
    return seed_press_release


def editor_url(live_server, document):
    return "%s/documents/%d/translate/zh-Hant/" % (live_server.url, document.pk)


def test_translator_works_with_the_keyboard_and_sees_glossary_and_checks(
    page_for, live_server, translator, seeded
):
    page = page_for(translator, "pw-tina")
    page.goto(editor_url(live_server, seeded))
    first, second = rows(seeded)[:2]
    box = page.locator("#row-%d textarea" % first.pk)
    box.click()
    box.fill("前海深港現代服務業合作區發展工作组會議在深圳舉行")
    box.press("Control+Enter")
    # Saved as translated; the cursor moved on to the next sentence needing work.
    page.wait_for_selector("#row-%d[data-status=translated]" % first.pk)
    page.wait_for_function(
        "document.activeElement.closest('tr').id === 'row-%d'" % second.pk
    )
    first.refresh_from_db()
    assert first.status == Status.TRANSLATED
    # The glossary term of sentence 2 is marked in the source and in the panel.
    mark = page.locator("#row-%d mark.term" % second.pk).first
    assert mark.get_attribute("data-insert") == "政制及內地事務局局長"
    page.wait_for_selector(
        "#panel .panel-inner[data-translation='%d'] .insert-term" % second.pk
    )
    page.keyboard.press("Alt+1")
    assert (
        page.locator("#row-%d textarea" % second.pk)
        .input_value()
        .startswith("政制及內地事務局局長")
    )
    page.keyboard.press("Control+s")
    page.wait_for_selector("#row-%d[data-status=draft]" % second.pk)
    # Back to sentence 1: its panel names the Simplified character (组).
    page.keyboard.press("Alt+ArrowUp")
    page.wait_for_selector(
        "#panel .panel-inner[data-translation='%d'] .finding.script" % first.pk
    )
    assert "组" in page.locator("#panel .finding.script").inner_text()


def test_a_conflicting_save_is_refused_and_the_text_kept(
    page_for, live_server, translator, reviewer, seeded
):
    first = rows(seeded)[0]
    page = page_for(translator, "pw-tina")
    page.goto(editor_url(live_server, seeded))
    change_translation(
        translation=first, text="審校員先改了", status=Status.TRANSLATED, user=reviewer
    )
    box = page.locator("#row-%d textarea" % first.pk)
    box.fill("譯者的版本")
    box.press("Control+Enter")
    page.wait_for_selector("#row-%d .conflict-box" % first.pk)
    assert page.locator("#row-%d textarea" % first.pk).input_value() == "譯者的版本"
    assert "審校員先改了" in page.locator("#row-%d .theirs" % first.pk).inner_text()
    first.refresh_from_db()
    assert first.text == "審校員先改了"
    page.click("#row-%d .take-theirs" % first.pk)
    page.locator("#row-%d textarea" % first.pk).press("Control+Enter")
    page.wait_for_selector("#row-%d:not(.conflict)" % first.pk)
    first.refresh_from_db()
    assert first.version == 2 and first.text == "審校員先改了"


def test_reviewer_approves_a_sentence_and_a_proposed_term(
    page_for, live_server, translator, reviewer, seeded
):
    first = rows(seeded)[0]
    change_translation(
        translation=first,
        text="會議在深圳舉行",
        status=Status.TRANSLATED,
        user=translator,
    )
    page = page_for(translator, "pw-tina")
    page.goto(editor_url(live_server, seeded))
    cell = page.locator("#row-%d td.src" % rows(seeded)[1].pk)
    page.evaluate(
        """(cell) => {
            const text = [...cell.childNodes].find(n => n.nodeType === 3 &&
                n.textContent.includes("leading representatives"));
            const start = text.textContent.indexOf("leading representatives");
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, start + "leading representatives".length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            cell.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
        }""",
        cell.element_handle(),
    )
    with page.context.expect_page() as opened:
        page.click("#propose-selection")
    form = opened.value
    form.wait_for_load_state()
    assert form.input_value("#id_term_en") == "leading representatives"
    form.fill("#id_term_zh_hant", "率領代表")
    form.click("button.primary")
    form.wait_for_url("**/glossary/*/")

    review = page_for(reviewer, "pw-rita")
    review.goto(live_server.url + "/review/")
    review.locator("#review-%d input[name=ids]" % first.pk).check()
    # The short translation misses the glossary's renderings: the warnings
    # show beside it, and the reviewer approves it despite them.
    review.locator("#review-%d input[name=despite]" % first.pk).check()
    review.click("button.approve")
    review.wait_for_selector("text=1 sentence approved.")
    first.refresh_from_db()
    assert first.status == Status.APPROVED

    term = Term.objects.get(text="leading representatives")
    review.goto(live_server.url + "/glossary/review/")
    review.click("#term-%d button.approve" % term.pk)
    review.wait_for_selector("text=“leading representatives” approved.")
    term.refresh_from_db()
    assert term.approval == Approval.APPROVED


def test_the_interface_in_traditional_chinese(browser, live_server, translator, seeded):
    context = browser.new_context(locale="zh-HK")
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    assert page.locator("h1").inner_text() == "登入"
    page.fill("#id_username", translator.username)
    page.fill("#id_password", "pw-tina")
    page.click("button.primary")
    page.goto(editor_url(live_server, seeded))
    assert "正在翻譯為" in page.locator("h1").inner_text()
    assert page.locator("text=鍵盤快捷鍵").count() == 1
    context.close()
