"""Inline codes through the exchange files, the memory and pre-translation.

A sentence holds codes (as a document import makes them from HTML); its
XLIFF, TMX and PO exports carry them, outside tools accept the files, and a
translation coming back holds the sentence's codes, whatever numbers the
file gave them. The memory compares text without codes; pre-translation
writes the sentence's codes, or plain text it counts.
"""

import subprocess
from io import BytesIO

import polib
import pytest
from lxml import etree

from core.inline import (
    CLOSING,
    OPENING,
    PLACEHOLDER,
    Code,
    code_char,
    codes_to_json,
    to_tokens,
)
from core.statuses import Status
from exchange.exporting import export_exchange
from exchange.importing import import_document
from exchange.translations import import_translations, read_translations
from formats.bilingual import xliff
from formats.bilingual.tmx import TmxUnit, write_tus
from memory.lookup import lookup
from memory.tmx import export_tmx, import_tmx
from tests.support import DATA
from translations.models import Translation
from translations.pretranslating import pretranslate
from translations.qa import check_codes

pytestmark = pytest.mark.django_db

B, B_ = code_char(1, OPENING), code_char(1, CLOSING)
BR = code_char(2, PLACEHOLDER)
BOLD = Code(1, OPENING, "bold", "<b>", "</b>", "b", "html")
LINE = Code(2, PLACEHOLDER, type="lb", native="<br>", label="br", format="html")
SOURCE = f"Press {B}Save{B_} now.{BR}"


def coded_document():
    """A document whose first sentence holds a bold pair and a line break."""
    document = import_document(
        data=b"Press Save now.\n\nThen close the window.\n",
        filename="steps.txt",
        source_language="en",
        title="Steps",
        targets=["zh-Hant"],
    )
    segment = document.segments.active().order_by("position").first()
    segment.source = SOURCE
    segment.codes = codes_to_json([BOLD, LINE])
    segment.save(update_fields=["source", "codes"])
    return document, segment


def translation_of(segment) -> Translation:
    return Translation.objects.get(segment=segment, language="zh-Hant")


def exported(document, kind: str) -> bytes:
    return b"".join(export_exchange(document, "zh-Hant", kind))


def imported(document, data: bytes, name: str):
    catalogue = read_translations(data, name, document=document, language="zh-Hant")
    return import_translations(
        document=document, language="zh-Hant", catalogue=catalogue, filename=name
    )


def test_xliff_export_carries_the_codes_and_a_translation_comes_back_with_them():
    document, segment = coded_document()
    data = exported(document, "xliff")
    schema = etree.XMLSchema(etree.parse(str(DATA / "xliff/xliff-core-2.0.local.xsd")))
    assert schema.validate(etree.fromstring(data)), schema.error_log
    unit = next(u for u in xliff.parse(data).units if u.key == segment.key)
    assert unit.source == SOURCE and unit.codes == {1: BOLD, 2: LINE}
    # a CAT tool translates, moving the pair and renumbering nothing
    translated = data.replace(
        b'<segment state="initial">',
        b'<segment state="translated">',
        1,
    ).replace(
        b"</source>",
        '</source><target xml:space="preserve">按<pc id="1" dataRefStart="d1"'
        ' dataRefEnd="d1e">儲存</pc>。<ph id="2" dataRef="d2"/></target>'.encode(),
        1,
    )
    counts = imported(document, translated, "steps.xlf")
    assert counts.updated == 1
    assert translation_of(segment).text == f"按{B}儲存{B_}。{BR}"


def test_codes_from_another_tools_numbering_are_renumbered_on_import():
    document, segment = coded_document()
    data = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        '<file original="steps" source-language="en" target-language="zh-TW" '
        'datatype="plaintext"><body>'
        f'<trans-unit id="{segment.key}"><source>Press <g id="7">Save</g> now.'
        '<x id="9"/></source><target state="translated">按<g id="7">儲存</g>。'
        '<x id="9"/></target></trans-unit>'
        '<trans-unit id="x"><source>Then close the window.</source>'
        "<target>然後關閉視窗。<x id='1'/></target></trans-unit>"
        "</body></file></xliff>"
    ).encode()
    counts = imported(document, data, "other.xlf")
    assert translation_of(segment).text == f"按{B}儲存{B_}。{BR}"
    # the second sentence has no code to place the target's at: its words stay
    assert counts.as_dict()["not_kept"]["codes_not_placed"]["count"] == 1
    second = Translation.objects.get(
        segment__document=document, segment__position=1, language="zh-Hant"
    )
    assert second.text == "然後關閉視窗。"


def test_po_carries_codes_as_tokens_that_msgfmt_accepts_and_reads_back():
    document, segment = coded_document()
    from translations.writing import change_translation

    change_translation(
        translation=translation_of(segment),
        text=f"按{B}儲存{B_}。{BR}",
        status=Status.TRANSLATED,
    )
    data = exported(document, "po")
    entry = next(e for e in polib.pofile(data.decode()) if e.msgctxt == segment.key)
    assert (entry.msgid, entry.msgstr) == (
        "Press ⟨1⟩Save⟨/1⟩ now.⟨2/⟩",
        "按⟨1⟩儲存⟨/1⟩。⟨2/⟩",
    )
    checked = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", "-"], input=data, capture_output=True
    )
    assert checked.returncode == 0, checked.stderr
    edited = data.replace(
        "按⟨1⟩儲存⟨/1⟩。⟨2/⟩".encode(), "⟨2/⟩請按⟨1⟩儲存⟨/1⟩".encode()
    )
    imported(document, edited, "steps.po")
    assert translation_of(segment).text == f"{BR}請按{B}儲存{B_}"


def test_tmx_export_writes_tmx_codes_that_validate():
    document, segment = coded_document()
    from translations.writing import change_translation

    change_translation(
        translation=translation_of(segment),
        text=f"按{B}儲存{B_}。{BR}",
        status=Status.TRANSLATED,
    )
    data = exported(document, "tmx")
    tree = etree.fromstring(data, etree.XMLParser(load_dtd=False))
    assert etree.DTD(str(DATA / "tmx/tmx14.dtd")).validate(tree)
    seg = tree.find(".//tuv[2]/seg")
    assert [(e.tag, e.text) for e in seg] == [
        ("bpt", "<b>"),
        ("ept", "</b>"),
        ("ph", "<br>"),
    ]


def remembered(source: str, target: str, codes: list[Code]) -> None:
    tu = TmxUnit({"en": source, "zh-Hant": target}, codes={c.number: c for c in codes})
    import_tmx(BytesIO(b"".join(write_tus([tu], source_language="en"))), origin="m")


def test_a_sentence_differing_only_in_markup_scores_100():
    with (DATA / "tmx/okapi_ImportTest2A_utf16_inline.tmx").open("rb") as stream:
        import_tmx(stream, origin="okapi")
    (best, *_rest) = lookup("The big black cat sleeps.", "en", "fr")
    assert best.score == 100
    assert to_tokens(best.target) == "Le gros ⟨2⟩chat⟨/2⟩ ⟨1⟩noir⟨/1⟩ dors."


def test_pretranslation_writes_the_sentence_codes_renumbered():
    document, segment = coded_document()
    four, five = code_char(4, OPENING), code_char(4, CLOSING)
    six = code_char(6, PLACEHOLDER)
    remembered(
        f"Press {four}Save{five} now.{six}",
        f"按{four}儲存{five}。{six}",
        [
            Code(4, OPENING, native="<strong>", closing="</strong>"),
            Code(6, PLACEHOLDER),
        ],
    )
    counts = pretranslate(document=document, language="zh-Hant")
    assert counts["exact"] == 1 and counts["codes_not_placed"] == 0
    translation = translation_of(segment)
    assert (translation.text, translation.status) == (f"按{B}儲存{B_}。{BR}", "draft")
    assert check_codes(segment.source, translation.text) == []


def test_pretranslation_without_matching_codes_writes_plain_text_and_counts_it():
    document, segment = coded_document()
    remembered("Press Save now.", "按儲存。", [])
    counts = pretranslate(document=document, language="zh-Hant")
    assert counts["codes_not_placed"] == 1
    translation = translation_of(segment)
    assert (translation.text, translation.status) == ("按儲存。", "draft")
    findings = check_codes(segment.source, translation.text)
    assert [f.check for f in findings] == ["codes"]
    assert "⟨1⟩ ⟨/1⟩ ⟨2/⟩" in findings[0].message


def test_the_memory_export_writes_back_the_codes_it_was_given():
    with (DATA / "tmx/okapi_ImportTest2A_utf16_inline.tmx").open("rb") as stream:
        import_tmx(stream, origin="okapi")
    data = b"".join(export_tmx("en", "fr"))
    tree = etree.fromstring(data, etree.XMLParser(load_dtd=False))
    assert etree.DTD(str(DATA / "tmx/tmx14.dtd")).validate(tree)
    segs = [
        etree.tostring(seg, encoding="unicode", with_tail=False)
        for seg in tree.iter("seg")
    ]
    assert any('<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>' in s for s in segs), segs
