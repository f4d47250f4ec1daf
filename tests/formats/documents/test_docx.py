"""Word documents: body and tables in order, styles, damaged and hostile files."""

import io
import time
import tracemalloc
import zipfile
from dataclasses import replace

import docx as python_docx
import pytest

from core.inline import to_tokens
from formats import FormatError
from formats.documents import docx as docx_format
from formats.documents import read_document
from formats.documents.source import Paragraph
from tests.formats.documents.samples import (
    DOCX_PARAGRAPHS,
    SEED_003,
    make_docx,
    texts_and_styles,
)
from tests.support import DATA, ROOT

# DOCX


def test_docx_reads_body_and_table_paragraphs_in_order_with_styles() -> None:
    document = docx_format.parse(make_docx())
    assert texts_and_styles(document.paragraphs) == DOCX_PARAGRAPHS
    assert document.title == "Qianhai plan"
    assert document.metadata == {
        "author": "Xinhua",
        "created": "2021-09-07T08:30:00+00:00",
    }


def test_docx_title_falls_back_to_title_style_paragraph() -> None:
    document = python_docx.Document()
    document.core_properties.title = ""
    document.add_paragraph("Intro")
    document.add_paragraph("Styled title", style="Title")
    out = io.BytesIO()
    document.save(out)
    assert docx_format.parse(out.getvalue()).title == "Styled title"


def test_docx_round_trip_with_template_keeps_texts_and_styles() -> None:
    original = make_docx()
    paragraphs = docx_format.parse(original).paragraphs
    again = docx_format.parse(docx_format.write(paragraphs, template=original))
    assert texts_and_styles(again.paragraphs) == DOCX_PARAGRAPHS


def test_docx_write_without_template_maps_generic_styles() -> None:
    paragraphs = [
        Paragraph("T", "title"),
        Paragraph("H", "h2"),
        Paragraph("item", "li"),
        Paragraph("plain\tline\nbreak", ""),
        Paragraph("control\x01char", "Unknown Style"),
    ]
    again = docx_format.parse(docx_format.write(paragraphs))
    assert texts_and_styles(again.paragraphs) == [
        ("T", "Title"),
        ("H", "Heading 2"),
        ("item", "List Bullet"),
        ("plain\tline\nbreak", "Normal"),
        ("controlchar", "Normal"),
    ]


def test_truncated_docx_is_refused() -> None:
    data = make_docx()
    with pytest.raises(FormatError, match="not a .docx document"):
        docx_format.parse(data[: len(data) // 2])


def test_text_file_renamed_docx_is_refused() -> None:
    with pytest.raises(FormatError, match="not a .docx document"):
        read_document(SEED_003.read_bytes(), "seed.docx")


def test_zip_that_is_not_a_word_document_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(FormatError, match="not a Word document"):
        docx_format.parse(out.getvalue())


def test_docx_with_broken_xml_is_refused_as_damaged() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx())) as source:
        with zipfile.ZipFile(out, "w") as archive:
            for item in source.infolist():
                data = source.read(item)
                if item.filename == "word/document.xml":
                    data = data[: len(data) // 2]
                archive.writestr(item, data)
    with pytest.raises(FormatError, match="damaged"):
        docx_format.parse(out.getvalue())


def _bomb(megabytes: int, declared: int | None = None) -> bytes:
    """A .docx whose document.xml unpacks to ``megabytes`` MB of zeros.

    With ``declared``, its zip headers (local and central) claim that many
    bytes instead: a lying archive.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("word/document.xml", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(megabytes):
                member.write(chunk)
    data = bytearray(out.getvalue())
    if declared is not None:
        local = data.index(b"PK\x03\x04")
        central = data.index(b"PK\x01\x02")
        data[local + 22 : local + 26] = declared.to_bytes(4, "little")
        data[central + 24 : central + 28] = declared.to_bytes(4, "little")
    return bytes(data)


def test_zip_bomb_docx_is_refused_while_unpacking() -> None:
    data = _bomb(21)
    assert len(data) < 1024 * 1024
    with pytest.raises(FormatError, match=r"unpacks to more than the 20 MB limit"):
        read_document(data, "bomb.docx", max_unpacked_bytes=20 * 1024 * 1024)


def test_a_docx_lying_about_its_size_is_refused_unpacking_no_more_than_it_says():
    """Headers claiming 1 KB for 150 MB: refused fast, in little memory."""
    data = _bomb(150, declared=1024)
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(FormatError, match="damaged"):
        read_document(data, "liar.docx", max_unpacked_bytes=200 * 1024 * 1024)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024 and elapsed < 5


def test_a_docx_declaring_xml_entities_is_refused() -> None:
    out = io.BytesIO()
    document = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "hidden">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
        '2006/main"><w:body><w:p><w:r><w:t>Before &x; after</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    with zipfile.ZipFile(io.BytesIO(make_docx())) as original:
        with zipfile.ZipFile(out, "w") as archive:
            for item in original.infolist():
                body = original.read(item)
                if item.filename == "word/document.xml":
                    body = document.encode()
                archive.writestr(item, body)
    with pytest.raises(FormatError, match=r"declares XML entities \(in word/document"):
        docx_format.parse(out.getvalue())


def test_password_protected_docx_is_refused() -> None:
    with pytest.raises(FormatError, match="password-protected"):
        docx_format.parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", b"encrypted bytes")
    data = bytearray(out.getvalue())
    data[6] |= 0x1  # general purpose flag "encrypted", local header
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x1  # and central directory
    with pytest.raises(FormatError, match="password-protected"):
        docx_format.parse(bytes(data))


@pytest.mark.parametrize("before", [1, 4, 7])
def test_an_entity_declaration_split_across_chunks_is_found(before):
    """The unpacking reads 1 MB at a time; a declaration may straddle two."""
    head = b"<?xml version='1.0'?><w:document xmlns:w='urn:w'><!-- "
    start = 1024 * 1024 - before  # the declaration's first byte
    body = head + b"x" * (start - len(head)) + b"<!ENTITY e 'gone'>"
    body += b"x" * 100 + b" --></w:document>"
    assert body[start : start + 8] == b"<!ENTITY"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", body)
    with pytest.raises(FormatError, match="declares XML entities"):
        docx_format.parse(out.getvalue())


def test_a_utf16_part_declaring_entities_is_refused():
    body = "<?xml version='1.0' encoding='UTF-16'?><!DOCTYPE w [<!ENTITY e 'x'>]><w/>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", body.encode("utf-16-le"))
    with pytest.raises(FormatError, match="declares XML entities"):
        docx_format.parse(out.getvalue())


# Inline codes, the skeleton, what is counted


def test_a_bold_run_becomes_a_pair_holding_its_run_properties() -> None:
    paragraph = docx_format.parse(make_docx()).paragraphs[2]
    assert to_tokens(paragraph.text) == (
        "China's central authorities issued a ⟨1⟩plan⟨/1⟩ on Monday."
    )
    (bold,) = paragraph.codes.values()
    assert (bold.kind, bold.type, bold.label, bold.format) == (
        "open",
        "bold",
        "b",
        "docx",
    )
    assert "<w:b/>" in bold.native


def test_adjacent_runs_of_the_same_formatting_are_merged_first() -> None:
    document = python_docx.Document()
    paragraph = document.add_paragraph("Plain text before ")
    for word in ("one ", "two ", "three"):
        paragraph.add_run(word).italic = True
    paragraph.add_run(" and after.")
    out = io.BytesIO()
    document.save(out)
    (read,) = docx_format.parse(out.getvalue()).paragraphs
    assert to_tokens(read.text) == "Plain text before ⟨1⟩one two three⟨/1⟩ and after."
    assert read.codes[1].type == "italic"


def test_template_write_rebuilds_runs_with_their_formatting() -> None:
    original = make_docx()
    paragraphs = docx_format.parse(original).paragraphs
    translated = [
        replace(p, text="中央发布了⟨1⟩规划⟨/1⟩。".replace("⟨1⟩", "\U000f1001").replace(
            "⟨/1⟩", "\U000f2001"))
        if p.codes else p
        for p in paragraphs
    ]  # fmt: skip
    out = docx_format.write(translated, template=original)
    runs = python_docx.Document(io.BytesIO(out)).paragraphs[2].runs
    assert [(r.text, bool(r.bold)) for r in runs] == [
        ("中央发布了", False),
        ("规划", True),
        ("。", False),
    ]
    table = python_docx.Document(io.BytesIO(out)).tables[0]
    assert table.cell(1, 1).text == "前海合作区 120.56 平方公里"


def test_header_and_footer_paragraphs_are_read_after_the_body() -> None:
    document = python_docx.Document()
    document.add_paragraph("Body text.")
    document.sections[0].header.paragraphs[0].text = "Running head"
    document.sections[0].footer.paragraphs[0].text = "Page foot"
    out = io.BytesIO()
    document.save(out)
    parsed = docx_format.parse(out.getvalue())
    assert texts_and_styles(parsed.paragraphs) == [
        ("Body text.", "Normal"),
        ("Running head", "Header"),
        ("Page foot", "Footer"),
    ]
    translated = [replace(p, text=p.text.upper()) for p in parsed.paragraphs]
    again = python_docx.Document(
        io.BytesIO(docx_format.write(translated, template=out.getvalue()))
    )
    assert again.sections[0].header.paragraphs[0].text == "RUNNING HEAD"
    assert again.sections[0].footer.paragraphs[0].text == "PAGE FOOT"


def test_comments_and_tracked_changes_are_counted() -> None:
    comments = docx_format.parse(
        (DATA / "documents" / "pydocx_comments-rich-para.docx").read_bytes()
    )
    assert comments.not_kept == {"comments (kept, not translated)": 4}
    inserted = docx_format.parse(
        (DATA / "documents" / "pandoc_track_changes_insertion.docx").read_bytes()
    )
    assert inserted.not_kept == {"tracked changes (accepted)": 1}


def test_a_picture_in_a_paragraph_is_a_placeholder_written_back_whole() -> None:
    document = python_docx.Document()
    paragraph = document.add_paragraph("Before ")
    picture = ROOT / "docs" / "screenshots" / "login-zh-hant.png"
    paragraph.add_run().add_picture(str(picture))
    paragraph.add_run(" after.")
    out = io.BytesIO()
    document.save(out)
    (read,) = docx_format.parse(out.getvalue()).paragraphs
    assert to_tokens(read.text) == "Before ⟨1/⟩ after."
    assert read.codes[1].type == "image"
    translated = replace(read, text=read.text.replace("Before", "之前"))
    again = docx_format.write([translated], template=out.getvalue())
    word = python_docx.Document(io.BytesIO(again))
    assert len(word.inline_shapes) == 1
    assert word.paragraphs[0].text == "之前  after."


def test_word_text_holding_the_reserved_characters_is_refused() -> None:
    document = python_docx.Document()
    document.add_paragraph("bad \U000f0001 text")
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(FormatError, match="reserved for inline codes"):
        docx_format.parse(out.getvalue())


def test_a_docx_whose_only_text_is_in_a_text_box_is_refused_saying_so() -> None:
    data = (DATA / "documents" / "mammoth_text-box.docx").read_bytes()
    with pytest.raises(FormatError) as caught:
        read_document(data, "mammoth_text-box.docx")
    assert str(caught.value) == (
        "the document's only text is in text boxes (1), "
        "which are not offered for translation"
    )


def test_a_text_box_in_a_paragraph_without_text_is_counted_once() -> None:
    data = (DATA / "documents" / "mammoth_text-box.docx").read_bytes()
    word = python_docx.Document(io.BytesIO(data))
    word.add_paragraph("Some text of its own.")
    out = io.BytesIO()
    word.save(out)
    document = docx_format.parse(out.getvalue())
    assert [p.text for p in document.paragraphs] == ["Some text of its own."]
    assert document.not_kept == {"text boxes (kept, not translated)": 1}


def test_a_strict_open_xml_docx_is_refused_in_one_clear_line() -> None:
    data = (DATA / "documents" / "mammoth_strict-format.docx").read_bytes()
    with pytest.raises(FormatError) as caught:
        read_document(data, "mammoth_strict-format.docx")
    assert str(caught.value) == (
        "the document is in Strict Open XML, which is not supported; "
        "save it as a Word Document (.docx)"
    )


def test_the_translated_headline_is_the_title_paragraph_and_property() -> None:
    headline = "前海深港現代服務業合作區發展工作專班會議在深圳舉行（附圖）"
    # From plain text or HTML (style "title") to a new .docx.
    out = docx_format.write([Paragraph(headline, "title"), Paragraph("會議。", "")])
    again = docx_format.parse(out)
    assert texts_and_styles(again.paragraphs)[0] == (headline, "Title")
    assert again.title == headline
    assert python_docx.Document(io.BytesIO(out)).core_properties.title == headline


def test_a_filled_template_carries_the_translated_title() -> None:
    original = make_docx()  # its title property is "Qianhai plan"
    paragraphs = docx_format.parse(original).paragraphs
    translated = [
        replace(p, text="前海方案", codes={}) if p.style == "Title" else p
        for p in paragraphs
    ]
    assert any(p.style == "Title" for p in paragraphs)
    again = docx_format.parse(docx_format.write(translated, template=original))
    assert again.title == "前海方案"
    assert ("前海方案", "Title") in texts_and_styles(again.paragraphs)
