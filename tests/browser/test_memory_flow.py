"""Memory matches in a real browser: seen beside the sentence, taken by key."""

from io import BytesIO

import pytest

from core.statuses import Origin, Status
from formats.bilingual.tmx import TmxUnit, write_tus
from memory.tmx import import_tmx
from translations.models import Translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_translator_takes_a_fuzzy_match_with_ctrl_alt_1(
    page_for, live_server, translator, seed_press_release
):
    first, second = list(
        Translation.objects.filter(
            segment__document=seed_press_release, language="zh-Hant"
        ).order_by("segment__position")[:2]
    )
    source = second.segment.source.replace("first meeting", "second meeting")
    assert source != second.segment.source
    units = [TmxUnit({"en": source, "zh-Hant": "政制及內地事務局局長曾國衞先生……"})]
    import_tmx(BytesIO(b"".join(write_tus(units, source_language="en"))), origin="old")
    page = page_for(translator, "pw-tina")
    page.goto(
        "%s/documents/%d/translate/zh-Hant/" % (live_server.url, seed_press_release.pk)
    )
    page.locator("#row-%d textarea" % second.pk).click()
    panel = "#panel .panel-inner[data-translation='%d']" % second.pk
    page.wait_for_selector(panel + " .use-match")
    assert "second" in page.locator(panel + " .match .diff del").first.inner_text()
    page.keyboard.press("Control+Alt+1")
    box = page.locator("#row-%d textarea" % second.pk)
    assert box.input_value() == "政制及內地事務局局長曾國衞先生……"
    page.keyboard.press("Control+s")
    page.wait_for_selector("#row-%d[data-status=draft]" % second.pk)
    second.refresh_from_db()
    assert (second.status, second.origin) == (Status.DRAFT, Origin.MEMORY)
    assert 80 <= second.origin_score <= 99
    assert (
        "memory %d%%" % second.origin_score
        in page.locator("#row-%d" % second.pk).inner_text()
    )
