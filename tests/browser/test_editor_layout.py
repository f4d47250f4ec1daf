"""The editor never looks wrong: boxes show all their text, the panel's
comment box is in reach, the shortcut list is complete, no emoji font needed."""

import re

import pytest

from core.statuses import Status
from translations.comments import add_comment
from translations.models import Translation
from translations.writing import change_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: A long Traditional Chinese translation (about ten lines in the box).
LONG = (
    "政制及內地事務局局長曾國衞今日（三月十四日）在深圳出席前海深港現代服務業"
    "合作區發展工作組第一次會議，與廣東省及深圳市官員就推進前海合作區建設交換意見。"
) * 6


def first_translation(document):
    return (
        Translation.objects.filter(segment__document=document, language="zh-Hant")
        .order_by("segment__position")
        .first()
    )


def editor_url(live_server, document):
    return "%s/documents/%d/translate/zh-Hant/" % (live_server.url, document.pk)


def box_shows_all(page, selector):
    """The box's height covers its text: nothing scrolled out of sight."""
    return page.eval_on_selector(selector, "b => b.scrollHeight <= b.clientHeight + 1")


def test_a_long_translation_box_grows_to_show_all_of_it(
    page_for, live_server, translator, seed_press_release
):
    first = first_translation(seed_press_release)
    page = page_for(translator, "pw-tina")
    page.goto(editor_url(live_server, seed_press_release))
    selector = "#row-%d textarea" % first.pk
    box = page.locator(selector)
    before = box.bounding_box()["height"]
    box.click()
    page.keyboard.insert_text(LONG[:40])
    box.press("End")
    box.type(LONG[40:60])
    page.keyboard.insert_text(LONG[60:])
    grown = box.bounding_box()["height"]
    assert grown > before * 3, (before, grown)
    assert box_shows_all(page, selector)
    # Saved and shown again from the server: still all of it.
    box.press("Control+s")
    page.wait_for_selector("#row-%d[data-status=draft]" % first.pk)
    assert box_shows_all(page, selector)
    page.reload()
    page.wait_for_selector(selector)
    assert page.locator(selector).input_value() == LONG
    assert box_shows_all(page, selector)
    assert page.locator(selector).bounding_box()["height"] > before * 3


def test_the_comment_box_is_in_reach_whatever_the_history(
    page_for, live_server, translator, seed_press_release
):
    first = first_translation(seed_press_release)
    for n in range(12):
        first = change_translation(
            translation=first,
            text="第%d稿：%s" % (n + 1, LONG[: 60 + n]),
            status=Status.DRAFT,
            user=translator,
        )
    for n in range(3):
        add_comment(translation=first, author=translator, text="意見 %d " % n * 20)
    page = page_for(translator, "pw-tina")
    page.goto(editor_url(live_server, seed_press_release))
    page.locator("#row-%d td.num" % first.pk).click()
    inner = "#panel .panel-inner[data-translation='%d']" % first.pk
    page.wait_for_selector(inner)
    comment = page.locator(inner + " .panel-section.comments textarea[name=text]")
    # Before the history, above the comments, on the first screen.
    history_box = page.locator(inner + " .panel-section.history").bounding_box()
    spot = comment.bounding_box()
    assert comment.is_visible()
    assert spot["y"] + spot["height"] <= history_box["y"]
    assert spot["y"] + spot["height"] <= 900, spot
    # The panel's "Comments" link puts the cursor in the box, in sight.
    page.locator(inner + " .panel-nav a[data-section=comments]").click()
    assert page.evaluate(
        "document.activeElement.closest('.panel-section.comments') !== null"
    )
    spot = comment.bounding_box()
    assert 0 <= spot["y"] and spot["y"] + spot["height"] <= 900, spot
    # The history is folded away, one click opens it.
    history = page.locator(inner + " .panel-section.history")
    assert not history.locator("ol.history").is_visible()
    history.locator("summary").click()
    assert history.locator("ol.history li").first.is_visible()
    # The comment goes in from there.
    comment.fill("請核對日期")
    page.locator(
        inner + " .panel-section.comments form.stacked button[type=submit]"
    ).click()
    page.wait_for_selector("#panel .comments li:has-text('請核對日期')")


def test_the_shortcut_list_names_every_shortcut_the_editor_handles(
    page_for, live_server, translator, seed_press_release
):
    page = page_for(translator, "pw-tina")
    page.goto(editor_url(live_server, seed_press_release))
    page.locator("#shortcuts summary").click()
    listed = [
        re.sub(r"\s+", "", text)
        for text in page.locator("#shortcuts dt").all_inner_texts()
    ]
    for keys in (
        "Ctrl+Enter",
        "Ctrl+S",
        "Alt+↓/Alt+↑",
        "Ctrl+Shift+S",
        "Alt+1…9",
        "Ctrl+Alt+1…5",
        "Ctrl+Shift+K",
        "←/→",
    ):
        assert keys in listed, (keys, listed)
    assert page.locator("#shortcuts dl").is_visible()


def test_no_icon_needs_an_emoji_font(
    page_for, live_server, translator, seed_press_release
):
    first = first_translation(seed_press_release)
    add_comment(translation=first, author=translator, text="Check the date")
    page = page_for(translator, "pw-tina")
    page.goto(editor_url(live_server, seed_press_release))
    count = page.locator("#row-%d .comment-count" % first.pk)
    assert count.locator("svg").count() == 1
    assert "1" in count.inner_text()
    html = page.content()
    assert not re.search("[\U0001f000-\U0001faff]", html)
