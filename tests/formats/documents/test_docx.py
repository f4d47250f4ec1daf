"""Word documents: body and tables in order, styles, damaged and hostile files."""

import io
import time
import tracemalloc
import zipfile

import docx as python_docx
import pytest

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
