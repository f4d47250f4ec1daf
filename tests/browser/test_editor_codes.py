"""Inline codes in the editor, in a real browser: chips, tokens, the keyboard."""

import pytest

from core.inline import CLOSING, OPENING, PLACEHOLDER, Code, code_char, codes_to_json
from core.statuses import Status
from exchange.importing import import_document
from translations.models import Translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

B, B_ = code_char(1, OPENING), code_char(1, CLOSING)
BR = code_char(2, PLACEHOLDER)


@pytest.fixture
def coded(db):
    document = import_document(
        data=b"Press Save now.\n\nThen close the window.\n",
        filename="steps.txt",
        source_language="en",
        title="Steps",
        targets=["zh-Hant"],
    )
    segment = document.segments.active().order_by("position").first()
    segment.source = f"Press {B}Save{B_} now.{BR}"
    segment.codes = codes_to_json(
        [
            Code(1, OPENING, "bold", "<b>", "</b>", "b", "html"),
            Code(2, PLACEHOLDER, type="lb", native="<br>", label="br", format="html"),
        ]
    )
    segment.save(update_fields=["source", "codes"])
    return document, Translation.objects.get(segment=segment, language="zh-Hant")


def test_translator_places_codes_with_the_keyboard_and_saves_them(
    page_for, live_server, translator, coded
):
    document, translation = coded
    page = page_for(translator, "pw-tina")
    page.goto("%s/documents/%d/translate/zh-Hant/" % (live_server.url, document.pk))
    row = "#row-%d" % translation.pk
    # the source shows chips with what each code stands for, never raw markup
    chips = page.locator(row + " .src .code-chip")
    assert chips.all_text_contents() == ["⟨1⟩", "⟨/1⟩", "⟨2/⟩"]
    assert chips.first.get_attribute("title") == "b · bold"
    assert "<b>" not in page.locator(row + " .src").inner_text()
    box = page.locator(row + " textarea")
    box.click()
    box.fill("按儲存")
    # select 儲存 and wrap it in the pair, then place the line break at the end
    box.evaluate("b => b.setSelectionRange(1, 3)")
    page.keyboard.press("Control+Shift+K")
    assert box.input_value() == "按⟨1⟩儲存⟨/1⟩"
    box.press("End")
    page.keyboard.type("。")
    page.keyboard.press("Control+Shift+K")
    assert box.input_value() == "按⟨1⟩儲存⟨/1⟩。⟨2/⟩"
    # a token is one character: Backspace removes it whole, and it comes back
    box.press("End")
    box.press("Backspace")
    assert box.input_value() == "按⟨1⟩儲存⟨/1⟩。"
    page.keyboard.press("Control+Shift+K")
    # the arrows step over a token; the caret never rests inside one
    box.press("End")
    box.press("ArrowLeft")
    assert box.evaluate("b => b.selectionStart") == len("按⟨1⟩儲存⟨/1⟩。")
    box.press("Control+Enter")
    page.wait_for_selector(row + "[data-status=translated]")
    translation.refresh_from_db()
    assert translation.status == Status.TRANSLATED
    assert translation.text == f"按{B}儲存{B_}。{BR}"
    # shown again as tokens after the save
    assert page.locator(row + " textarea").input_value() == "按⟨1⟩儲存⟨/1⟩。⟨2/⟩"


def test_copy_source_copies_the_codes(page_for, live_server, translator, coded):
    document, translation = coded
    page = page_for(translator, "pw-tina")
    page.goto("%s/documents/%d/translate/zh-Hant/" % (live_server.url, document.pk))
    row = "#row-%d" % translation.pk
    page.locator(row + " textarea").click()  # the row's buttons show when active
    page.locator(row + " .copy-source").click()
    assert page.locator(row + " textarea").input_value() == "Press ⟨1⟩Save⟨/1⟩ now.⟨2/⟩"
