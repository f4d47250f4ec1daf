"""Tests for the document readers and writers and their dispatcher."""

import datetime
import io
import zipfile

from django.conf import settings

import docx as python_docx
import pytest

from formats import FormatError
from formats.documents import docx as docx_format
from formats.documents import html as html_format
from formats.documents import markdown, plaintext, read_document, write_document
from formats.documents.source import Paragraph
from tests.support import SEEDS

SEED_003 = SEEDS / "003_75247c11c068f792.txt"
SEED_000 = SEEDS / "000_a73269a67c9f1785.txt"


def texts_and_styles(paragraphs: list[Paragraph]) -> list[tuple[str, str]]:
    """Return comparable (text, style) pairs."""
    return [(p.text, p.style) for p in paragraphs]


def make_docx() -> bytes:
    """Build a .docx with Title, Heading 1, Normal, a table and a list."""
    document = python_docx.Document()
    document.core_properties.title = "Qianhai plan"
    document.core_properties.author = "Xinhua"
    document.core_properties.created = datetime.datetime(2021, 9, 7, 8, 30)
    document.add_paragraph("Plan issued", style="Title")
    document.add_heading("Background", level=1)
    body = document.add_paragraph("China's central authorities issued a ")
    body.add_run("plan").bold = True
    body.add_run(" on Monday.")
    document.add_paragraph("   ")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "Area before",
        (0, 1): "14.92 km²",
        (1, 0): "Area after",
        (1, 1): "前海合作区 120.56 平方公里",
    }.items():
        table.cell(row, col).text = text
    document.add_paragraph("Deepen reform", style="List Bullet")
    document.add_paragraph("最后一段。", style="Normal")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DOCX_PARAGRAPHS = [
    ("Plan issued", "Title"),
    ("Background", "Heading 1"),
    ("China's central authorities issued a plan on Monday.", "Normal"),
    ("Area before", "Normal"),
    ("14.92 km²", "Normal"),
    ("Area after", "Normal"),
    ("前海合作区 120.56 平方公里", "Normal"),
    ("Deepen reform", "List Bullet"),
    ("最后一段。", "Normal"),
]


# Plain text


def test_seed_003_date_title_and_first_paragraphs() -> None:
    document = plaintext.parse(SEED_003.read_bytes())
    title = "Plan issued to further develop cooperation zone"
    assert document.title == title
    assert document.metadata == {"date": "2021-09-07"}
    assert document.paragraphs[:3] == [
        Paragraph(title, "title"),
        Paragraph("September 07, 2021"),
        Paragraph(
            "A panoramic view of the financial area in Hong Kong. (Photo/Xinhua)"
        ),
    ]
    assert document.paragraphs[3].text.startswith("China's central authorities")
    assert len(document.paragraphs) == 13
    assert all(p.style == "" for p in document.paragraphs[1:])


def test_seed_000_skips_leading_blank_lines_and_keeps_title_paragraph() -> None:
    document = plaintext.parse(SEED_000.read_bytes())
    title = (
        "Meeting of Task Force on the Development of the Qianhai Shenzhen-Hong "
        "Kong Modern Service Industry Co-operation Zone held in Shenzhen "
        "(with photos)"
    )
    assert document.title == title
    assert document.metadata == {}
    assert document.paragraphs[0] == Paragraph(title, "title")
    assert document.paragraphs[1].text.startswith(
        "The Secretary for Constitutional and Mainland Affairs, Mr Erick Tsang"
    )
    assert len(document.paragraphs) == 9


def test_lines_join_with_space_for_latin_and_nothing_for_cjk() -> None:
    text = (
        "Title\n\nan English\nsentence 2021\n3 more\n\n中文第一行\n第二行\nDjango\n框架"
    )
    data = text.encode()
    paragraphs = plaintext.parse(data).paragraphs
    assert [p.text for p in paragraphs[1:]] == [
        "an English sentence 2021 3 more",
        "中文第一行第二行 Django 框架",
    ]


def test_date_alone_on_first_line_makes_next_line_the_title() -> None:
    document = plaintext.parse(b"  date 2021-09-07  \n\nReal title\nBody line\n")
    assert document.metadata == {"date": "2021-09-07"}
    assert document.title == "Real title"
    assert texts_and_styles(document.paragraphs) == [
        ("Real title", "title"),
        ("Body line", ""),
    ]


def test_impossible_date_is_left_in_the_text() -> None:
    document = plaintext.parse(b"date 2021-13-45 Title\n")
    assert document.metadata == {}
    assert document.title == "date 2021-13-45 Title"


def test_given_title_leaves_paragraphs_unstyled() -> None:
    document = plaintext.parse(b"First line\n\nSecond", title="Chosen")
    assert document.title == "Chosen"
    assert document.paragraphs == [Paragraph("First line"), Paragraph("Second")]


def test_plaintext_write_is_utf8_with_blank_lines_and_final_newline() -> None:
    data = plaintext.write(["标题", " Body one ", "", "Two\n\nlines"])
    assert data == "标题\n\nBody one\n\nTwo\nlines\n".encode()


def test_plaintext_round_trip_keeps_paragraph_texts() -> None:
    document = plaintext.parse(SEED_000.read_bytes())
    again = plaintext.parse(plaintext.write(p.text for p in document.paragraphs))
    assert again.paragraphs == document.paragraphs


# Markdown

MARKDOWN = """---
title: "Qianhai plan"
date: 2021-09-07
---

# Plan issued **today**

The plan was issued
by [the State Council](https://example.org).

- first item
- second item
  continued
1. numbered

> a quote
> over two lines

```python
print("not translated")
```

Sub heading
-----------
"""


def test_markdown_blocks_get_styles_and_lose_their_markers() -> None:
    document = markdown.parse(MARKDOWN.encode())
    assert document.title == "Qianhai plan"
    assert document.metadata == {"title": "Qianhai plan", "date": "2021-09-07"}
    assert texts_and_styles(document.paragraphs) == [
        ("Plan issued **today**", "h1"),
        ("The plan was issued by [the State Council](https://example.org).", ""),
        ("first item", "li"),
        ("second item continued", "li"),
        ("numbered", "ol"),
        ("a quote over two lines", "blockquote"),
        ('print("not translated")', "code"),
        ("Sub heading", "h2"),
    ]


def test_markdown_title_is_first_heading_without_front_matter() -> None:
    document = markdown.parse(b"Intro text\n\n## Second level\n\n# First level\n")
    assert document.title == "Second level"


def test_markdown_round_trip_keeps_texts_and_styles() -> None:
    paragraphs = [
        *markdown.parse(MARKDOWN.encode()).paragraphs,
        Paragraph("# not a heading"),
        Paragraph("- not a list"),
        Paragraph("2021. A year, not a list"),
        Paragraph("> not a quote", "li"),
        Paragraph("---"),
        Paragraph("code with ``` inside", "code"),
        Paragraph("中文段落", "h3"),
    ]
    again = markdown.parse(markdown.write(paragraphs))
    assert texts_and_styles(again.paragraphs) == texts_and_styles(paragraphs)


def test_markdown_write_uses_markers_for_styles() -> None:
    data = markdown.write(
        [
            Paragraph("Title", "h1"),
            Paragraph("one", "li"),
            Paragraph("two", "li"),
            Paragraph("quoted", "blockquote"),
            Paragraph("x = 1", "code"),
        ]
    )
    assert data.decode() == "# Title\n\n- one\n- two\n\n> quoted\n\n```\nx = 1\n```\n"


# HTML

HTML = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Plan &amp; zone</title>
<meta name="date" content="2021-09-07">
<style>p { color: red }</style>
<script>alert(1)</script>
</head><body>
<nav><a href="/">Home</a></nav>
<h1>Plan <em>issued</em></h1>
<p>Tom&nbsp;&amp; <b>Jerry <i>nested <span>deep</span></i></b><br>next
   line &lt;ok&gt;<script>alert(1)</script></p>
<ul><li>one<li>two</ul>
<div>Loose text<p>inner</p></div>
<table><tr><th>Area</th><td>14.92</td></tr></table>
<noscript>enable scripts</noscript>
</body></html>"""


def test_html_reads_blocks_and_flattens_inline_markup() -> None:
    document = html_format.parse(HTML)
    assert document.title == "Plan & zone"
    assert document.metadata == {"language": "en", "date": "2021-09-07"}
    assert texts_and_styles(document.paragraphs) == [
        ("Plan & zone", "title"),
        ("Plan issued", "h1"),
        ("Tom & Jerry nested deep next line <ok>", "p"),
        ("one", "li"),
        ("two", "li"),
        ("Loose text", "div"),
        ("inner", "p"),
        ("Area", "th"),
        ("14.92", "td"),
    ]


def test_html_never_reads_script_style_or_navigation() -> None:
    document = html_format.parse(HTML)
    everything = " ".join(p.text for p in document.paragraphs) + document.title
    for unwanted in ("alert", "color", "Home", "enable scripts"):
        assert unwanted not in everything


def test_html_honours_meta_charset_and_joins_cjk_lines() -> None:
    data = '<meta charset="gb2312"><p>前海\n合作区 plan</p>'.encode("gb18030")
    document = html_format.parse(data)
    assert document.paragraphs == [Paragraph("前海合作区 plan", "p")]
    assert document.title == "前海合作区 plan"


def test_html_title_falls_back_to_first_h1() -> None:
    document = html_format.parse(b"<p>intro</p><h1>Heading</h1>")
    assert document.title == "Heading"


def test_html_body_content_closes_an_unclosed_head() -> None:
    document = html_format.parse(b"<head><title>T</title><style>x</style><p>Body")
    assert texts_and_styles(document.paragraphs) == [("T", "title"), ("Body", "p")]


def test_html_with_broken_markup_is_still_read() -> None:
    document = html_format.parse(b"<p>a<![if !IE]>b<![endif]><p>c</b></i>")
    assert [p.text for p in document.paragraphs] == ["ab", "c"]


def test_html_write_escapes_text_and_round_trips() -> None:
    paragraphs = [
        *html_format.parse(HTML).paragraphs,
        Paragraph("<script>alert(1)</script> & more", "p"),
        Paragraph("代码", "pre"),
    ]
    data = html_format.write(paragraphs, "ignored title", "zh-Hans")
    text = data.decode()
    assert text.startswith('<!DOCTYPE html>\n<html lang="zh-Hans">')
    assert '<meta charset="utf-8">' in text
    assert "<title>Plan &amp; zone</title>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in text
    assert "<script>" not in text
    again = html_format.parse(data)
    assert texts_and_styles(again.paragraphs) == texts_and_styles(paragraphs)
    assert again.metadata == {"language": "zh-Hans"}


def test_html_write_uses_title_argument_without_title_paragraph() -> None:
    data = html_format.write([Paragraph("Body", "odd-style")], "My title", "en")
    assert b"<title>My title</title>" in data
    assert b"<p>Body</p>" in data


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


def test_zip_bomb_docx_is_refused_before_unpacking() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/bomb.bin", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(docx_format.MAX_UNPACKED_BYTES // len(chunk) + 1):
                member.write(chunk)
    data = out.getvalue()
    assert len(data) < 1024 * 1024
    with pytest.raises(FormatError, match=r"unpack to 201 MB, more than the 200 MB"):
        read_document(data, "bomb.docx")


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


def test_the_workbench_limit_is_20_megabytes_from_settings() -> None:
    limit = settings.MAX_DOCUMENT_BYTES
    assert limit == 20 * 1024 * 1024
    with pytest.raises(FormatError, match=r"20\.0 MB, more than the 20\.0 MB"):
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
