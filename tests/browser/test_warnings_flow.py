"""Warnings nobody misses, in a real browser and in each language of the UI.

A translator saves a Traditional Chinese translation with Simplified
characters and a wrong number: the row shows a badge at once, the panel
lists the warnings, and marking one checked updates the badge. A reviewer
sees the warnings beside the text in the queue and approves only after
ticking "approve despite warnings". The same walk runs with the browser
set to English, Traditional Chinese (Hong Kong) and Simplified Chinese,
and every label it meets is the catalogue's for that language.
"""

from django.utils import translation as i18n
from django.utils.translation import gettext, ngettext

import pytest

from core.statuses import Status
from exchange.importing import import_document
from translations.models import Translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "The zone grew from 14.92 to 120.56 square kilometres on March 14.\n\n"
    "The Secretary met the press.\n"
)
#: Simplified 区 and 积 in a Traditional target, and 12.56 for 120.56.
FLAWED = "該区面积由14.92平方公里增至12.56平方公里（3月14日）。"

LOCALES = {"en-GB": "en", "zh-HK": "zh-hant", "zh-CN": "zh-hans"}


@pytest.fixture
def document(db):
    return import_document(
        data=TEXT.encode(),
        filename="zone.txt",
        source_language="en",
        title="Zone",
        targets=["zh-Hant"],
    )


def rows(document):
    return list(
        Translation.objects.filter(segment__document=document).order_by(
            "segment__position"
        )
    )


def words(ui: str, message: str) -> str:
    with i18n.override(ui):
        return gettext(message)


@pytest.mark.parametrize("locale", list(LOCALES))
def test_warnings_stay_visible_from_the_save_to_the_approval(
    page_for, live_server, translator, reviewer, document, locale
):
    ui = LOCALES[locale]
    first = rows(document)[0]
    page = page_for(translator, "pw-tina", locale=locale)
    page.goto("%s/documents/%d/translate/zh-Hant/" % (live_server.url, document.pk))
    assert page.locator("html").get_attribute("lang") == ui
    box = page.locator("#row-%d textarea" % first.pk)
    box.click()
    box.fill(FLAWED)
    box.press("Control+Enter")
    # The row shows its open warnings as soon as it is saved.
    badge = page.locator("#row-%d .warn-count[data-warnings='2']" % first.pk)
    badge.wait_for(state="visible")
    with i18n.override(ui):
        title = ngettext(
            "%(n)s open warning of the checks", "%(n)s open warnings of the checks", 2
        ) % {"n": 2}
    assert badge.get_attribute("title") == title
    # The panel of the sentence lists them, in the reader's language.
    page.locator("#row-%d textarea" % first.pk).click()
    panel = page.locator("#panel .panel-inner[data-translation='%d']" % first.pk)
    panel.wait_for()
    script = panel.locator(".finding.script .message")
    with i18n.override(ui):
        expected = gettext(
            "Simplified characters in a Traditional Chinese translation: %(chars)s"
        ) % {"chars": "区、积"}
    assert script.inner_text() == expected
    # The translator checked the number (say, a correction in the source).
    numbers = panel.locator(".finding.numbers")
    numbers.get_by_role("button", name=words(ui, "Mark as checked")).click()
    page.wait_for_selector(
        "#panel .panel-inner[data-translation='%d'] .finding.numbers.checked" % first.pk
    )
    page.locator("#row-%d .warn-count[data-warnings='1']" % first.pk).wait_for(
        state="visible"
    )
    assert "tina" in panel.locator(".finding.numbers.checked").inner_text()

    # The reviewer sees the open warning beside the text and must tick.
    review = page_for(reviewer, "pw-rita", locale=locale)
    review.goto(live_server.url + "/review/")
    item = review.locator("#review-%d" % first.pk)
    assert item.locator(".finding.script").inner_text() == expected
    assert item.locator(".finding.numbers").count() == 0  # checked: not open
    item.locator("input[name=ids]").check()
    review.click("button.approve")
    with i18n.override(ui):
        refused = ngettext(
            "%(n)d sentence has open warnings and was not approved: read "
            "them and tick “approve despite warnings”.",
            "%(n)d sentences have open warnings and were not approved: read "
            "them and tick “approve despite warnings”.",
            1,
        ) % {"n": 1}
    review.get_by_text(refused).wait_for()
    first.refresh_from_db()
    assert first.status == Status.TRANSLATED
    item = review.locator("#review-%d" % first.pk)
    item.locator("input[name=ids]").check()
    item.get_by_label(words(ui, "approve despite warnings")).check()
    review.click("button.approve")
    with i18n.override(ui):
        done = ngettext("%(n)d sentence approved.", "%(n)d sentences approved.", 1) % {
            "n": 1
        }
    review.get_by_text(done).wait_for()
    first.refresh_from_db()
    assert first.status == Status.APPROVED
    assert not first.warnings.open().exists()


def test_the_review_queue_filters_sentences_with_warnings(
    page_for, live_server, translator, reviewer, document
):
    from translations.writing import change_translation

    first, second = rows(document)
    change_translation(translation=first, text=FLAWED, status=Status.TRANSLATED)
    change_translation(
        translation=second, text="局長會見傳媒。", status=Status.TRANSLATED
    )
    review = page_for(reviewer, "pw-rita")
    review.goto(live_server.url + "/review/")
    assert review.locator("#review-%d" % second.pk).count() == 1
    review.get_by_label("with warnings").check()
    review.wait_for_url("**warnings=1**")
    assert review.locator("#review-%d" % first.pk).count() == 1
    assert review.locator("#review-%d" % second.pk).count() == 0
