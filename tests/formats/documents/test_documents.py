"""Choosing the reader and writer by file name: limits, refusals, round trips."""

import io

from django.conf import settings

import docx as python_docx
import pytest

from core.inline import to_tokens
from formats import FormatError
from formats.documents import docx as docx_format
from formats.documents import read_document, write_document
from formats.documents.source import Paragraph
from tests.formats.documents.samples import (
    make_docx,
    texts_and_styles,
)
from tests.support import DATA

# Dispatch


@pytest.mark.parametrize(
    ("filename", "data", "first"),
    [
        ("seed.TXT", b"Title\n\nBody", ("Title", "title")),
        ("notes.Md", b"# Title\n\nBody", ("Title", "h1")),
        ("page.htm", b"<h1>Title</h1><p>Body</p>", ("Title", "h1")),
        ("C:\\docs\\page.HTML", b"<h1>Title</h1><p>Body</p>", ("Title", "h1")),
        ("report.docx", make_docx(), ("Plan issued", "Title")),
    ],
)
def test_read_document_dispatches_on_extension_case_insensitively(
    filename: str, data: bytes, first: tuple[str, str]
) -> None:
    document = read_document(data, filename)
    assert texts_and_styles(document.paragraphs)[0] == first


def test_read_document_passes_title_and_falls_back_to_file_name() -> None:
    assert read_document(b"Body", "a.txt", title="Given").title == "Given"
    assert read_document(b"<p>Body</p>", "a.html", title="Given").title == "Given"
    assert read_document(b"<ul><li>x</li></ul>", "dir/name.html").title == "x"
    assert read_document(b"```\ncode\n```\n\nword", "stem.md").title == "word"


@pytest.mark.parametrize(
    ("filename", "message"),
    [
        ("file.xyz", "unsupported file type '.xyz'; use .txt, .md, .html or .docx"),
        ("archive.tar.GZ", "unsupported file type '.gz'; use .txt"),
        ("README", "the file name has no extension; use .txt, .md, .html or .docx"),
        (".txt", "the file name has no extension"),
    ],
)
def test_unknown_extension_is_refused(filename: str, message: str) -> None:
    with pytest.raises(FormatError, match=message.replace(".", r"\.")):
        read_document(b"text", filename)


def test_oversize_file_is_refused_naming_size_and_limit() -> None:
    with pytest.raises(
        FormatError, match=r"the file is 2 KB, more than the 1 KB limit"
    ):
        read_document(b"x" * 2048, "big.txt", max_bytes=1024)
    assert read_document(b"x" * 1024, "fits.txt", max_bytes=1024).paragraphs


def test_the_workbench_limit_is_200_megabytes_from_settings() -> None:
    limit = settings.MAX_DOCUMENT_BYTES
    assert limit == 200 * 1024 * 1024
    with pytest.raises(FormatError, match=r"200\.0 MB, more than the 200\.0 MB"):
        read_document(b"x" * (limit + 1), "big.md", max_bytes=limit)


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("script.html", b"<script>alert(1)</script><style>p{}</style>"),
        ("code.md", b"```\nprint(1)\n```\n"),
        ("date.txt", b"date 2021-09-07\n"),
        ("blank.docx", None),
    ],
)
def test_document_without_text_is_refused(filename: str, data: bytes | None) -> None:
    if data is None:
        document = python_docx.Document()
        document.add_paragraph("   ")
        out = io.BytesIO()
        document.save(out)
        data = out.getvalue()
    with pytest.raises(FormatError, match="the document has no text"):
        read_document(data, filename)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b" \n\t\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        (bytes(range(256)) * 4, "looks binary"),
        (b"ok\n\x81\x20bad", r"not in UTF-8, UTF-16, GB18030 or Big5 \(first bad"),
    ],
)
@pytest.mark.parametrize("extension", [".txt", ".md", ".html"])
def test_bad_text_input_is_refused_with_a_clear_message(
    data: bytes, message: str, extension: str
) -> None:
    with pytest.raises(FormatError, match=message):
        read_document(data, "input" + extension)


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx", ".DOCX"])
def test_write_document_output_reads_back_to_the_same_texts(kind: str) -> None:
    paragraphs = [
        Paragraph("Plan issued", "title"),
        Paragraph("中央发布方案。", "h1"),
        Paragraph("Body & <more>", ""),
    ]
    data = write_document(
        kind, paragraphs, title="Plan issued", language="en", template=None
    )
    extension = "." + kind.lower().lstrip(".")
    document = read_document(data, "out" + extension)
    assert [p.text for p in document.paragraphs] == [p.text for p in paragraphs]
    assert document.title == "Plan issued"


def test_write_document_refuses_unknown_kind() -> None:
    with pytest.raises(FormatError, match="unsupported output type 'pdf'"):
        write_document("pdf", [], title="", language="en", template=None)


def test_write_document_maps_word_styles_to_other_formats() -> None:
    paragraphs = docx_format.parse(make_docx()).paragraphs
    common = {"title": "Plan issued", "language": "en", "template": None}
    md = write_document("md", paragraphs, **common).decode()
    assert md.startswith("# Plan issued\n\n# Background\n\nChina's")
    assert "\n- Deepen reform\n" in md
    page = write_document("html", paragraphs, **common).decode()
    assert "<title>Plan issued</title>" in page
    assert "<h1>Background</h1>" in page
    assert "<ul>\n<li>Deepen reform</li>\n</ul>" in page


def test_codes_are_written_as_each_kind_can_say_them() -> None:
    """A Word paragraph's bold run and link, exported as another kind."""
    (paragraph,) = [
        p for p in docx_format.parse(
            (DATA / "documents" / "pydocx_par-hyperlinks.docx").read_bytes()
        ).paragraphs if p.codes
    ][:1]  # fmt: skip
    assert to_tokens(paragraph.text) == "One ⟨1⟩awesome hyperlink⟨/1⟩."
    written = {
        kind: write_document(kind, [paragraph], title="T", language="en", template=None)
        for kind in ("txt", "md", "html")
    }
    assert written["txt"] == b"One awesome hyperlink.\n"
    assert written["md"] == b"One [awesome hyperlink](http://yahoo.com/).\n"
    assert (
        b'<p>One <a href="http://yahoo.com/">awesome hyperlink</a>.</p>'
        in (written["html"])
    )
