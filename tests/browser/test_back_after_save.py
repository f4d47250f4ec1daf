"""The editor is never shown stale: Back after a save, and a page from before it."""

import re

import pytest

from core.statuses import Status
from translations.models import Revision, Translation
from translations.writing import change_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def rows(document):
    return list(
        Translation.objects.filter(
            segment__document=document, language="zh-Hant"
        ).order_by("segment__position")
    )


def editor_url(live_server, document):
    return "%s/documents/%d/translate/zh-Hant/" % (live_server.url, document.pk)


def save_row(page, translation, text):
    box = page.locator("#row-%d textarea" % translation.pk)
    box.click()
    box.fill(text)
    with page.expect_response(re.compile(r"/save/$")):
        box.press("Control+Enter")


def shown_version(page, translation) -> str:
    return page.locator("#row-%d input[name=version]" % translation.pk).input_value()


def test_back_after_a_save_shows_the_saved_text_and_saving_again_is_no_conflict(
    page_for, live_server, translator, seed_press_release
):
    first = rows(seed_press_release)[0]
    page = page_for(translator, "pw-tina")
    page.goto(editor_url(live_server, seed_press_release))
    assert page.evaluate("htmx.config.historyCacheSize") == 0
    save_row(page, first, "新聞公報")
    page.wait_for_selector("#row-%d[data-status=translated]" % first.pk)
    # away to the document page, then the browser's Back button
    page.click("text=← ")
    page.wait_for_url(re.compile(r"/documents/\d+/\?language=zh-Hant$"))
    page.go_back()
    page.wait_for_selector("#row-%d" % first.pk)
    box = page.locator("#row-%d textarea" % first.pk)
    assert box.input_value() == "新聞公報"
    assert shown_version(page, first) == "1"
    save_row(page, first, "新聞公報（修訂）")
    page.wait_for_selector("#row-%d[data-status=translated]" % first.pk)
    assert page.locator("#row-%d .conflict-box" % first.pk).count() == 0
    first.refresh_from_db()
    assert (first.text, first.version) == ("新聞公報（修訂）", 2)


def test_a_page_from_before_ones_own_save_saves_without_a_conflict(
    page_for, live_server, translator, reviewer, seed_press_release
):
    """The page still says version 0; the server has my own save on top of it."""
    first, second = rows(seed_press_release)[:2]
    page = page_for(translator, "pw-tina")
    page.goto(editor_url(live_server, seed_press_release))
    old = page.context.new_page()
    old.goto(editor_url(live_server, seed_press_release))
    save_row(page, first, "第一稿")
    page.wait_for_selector("#row-%d[data-status=translated]" % first.pk)
    assert shown_version(old, first) == "0"
    save_row(old, first, "第二稿")
    old.wait_for_selector("#row-%d[data-status=translated]" % first.pk)
    assert old.locator("#row-%d .conflict-box" % first.pk).count() == 0
    assert shown_version(old, first) == "2"
    first.refresh_from_db()
    assert (first.text, first.version) == ("第二稿", 2)
    assert Revision.objects.filter(translation=first).count() == 2
    # someone else's save in between is still a conflict, shown with both texts
    change_translation(
        translation=second, text="審校譯文", status=Status.TRANSLATED, user=reviewer
    )
    save_row(old, second, "我的譯文")
    old.wait_for_selector("#row-%d .conflict-box" % second.pk)
    second.refresh_from_db()
    assert second.text == "審校譯文"
